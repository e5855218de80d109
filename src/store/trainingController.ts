/**
 * Training in the page: fetches MNIST on first use (with progress), plays, pauses, steps and resets a run.
 * A run trained here is trained further; any other run shown (a shipped or imported one) is never changed:
 * training on it starts a new run, from scratch or from the selected checkpoint as the person chose, and the
 * page then shows that new run. The worker's events become state in trainingEvents.ts.
 */
import type { TrainingSettings } from '../engine/batchPlan';
import { useAppStore, type AppState } from './appStore';
import { createRunPersistence } from './runPersistence';
import type { AlphaPenalty } from '../engine/model/learnedCombination';
import { heldParams, penaltyOf, type RunRecord } from './runRecord';
import { loadSavedRuns } from './runStorage';
import { EpochClock } from './epochClock';
import { createDatasetLoader } from './trainingDataset';
import {
  BROWSER_TEST_IMAGES,
  isTrainedHere,
  newTrainedRun,
  nextRunName,
  restartedRun,
  TRAINING_SEED,
  withChosenPenalty,
} from './trainedRuns';
import { followTrainingEvents, type ActiveRun } from './trainingEvents';
import { beginRunHistory, recordRunProgress } from './runHistoryEvents';
import type { TrainingController, TrainingDependencies } from './trainingControllerApi';

export { BROWSER_TEST_IMAGES, TRAINED_RUN } from './trainedRuns';
export type { TrainingController } from './trainingControllerApi';

const IDLE: AppState['training'] = {
  status: 'idle',
  run: null,
  epoch: 0,
  step: 0,
  loss: null,
  accuracy: null,
  imagesPerSecond: 0,
  imagesDone: 0,
  imagesInEpoch: 0,
};

/** Creates the controller and subscribes it to the worker's training events. */
export function createTrainingController(deps: TrainingDependencies): TrainingController {
  const { client } = deps;
  const set = (partial: Partial<AppState>) => useAppStore.getState().set(partial);
  const active: ActiveRun = { run: null, latest: null, clock: new EpochClock() };
  const persistence = createRunPersistence();
  const persist = persistence.persist;
  const datasetLoader = createDatasetLoader(deps);
  /** A pause whose weights are still being saved; everything else waits for it. */
  let pausing: Promise<void> | null = null;
  if (deps.trainSubset !== null) set({ trainImages: Math.min(deps.trainSubset, 60000) });

  /** Batch size, distortions and the α penalty are fixed when a run starts. */
  let runShape = { batchSize: 64, augment: false };
  let alphaPenalty: AlphaPenalty = 'none';
  const settings = (): TrainingSettings => {
    const { learningRate, momentum, weightDecay, alphaLambda } = useAppStore.getState();
    const fixed = { seed: TRAINING_SEED, ...runShape, schedule: 'constant' as const, epochs: 1e6 };
    return { ...fixed, learningRate, momentum, weightDecay, alphaPenalty, alphaLambda };
  };
  const stepsPerEpoch = () => Math.ceil(useAppStore.getState().trainImages / runShape.batchSize);
  const latestOf = (run: RunRecord) => {
    const last = run.checkpoints[run.checkpoints.length - 1];
    const params = heldParams(run, run.checkpoints.length - 1);
    return { params, velocity: null, step: last.step ?? Math.round(last.epoch * stepsPerEpoch()) };
  };

  const ensureDataset = datasetLoader.ensure;

  /** Starts `record` (a new run at epoch 0): shows it, measures its first checkpoint, saves it. */
  const begin = async (started: RunRecord): Promise<RunRecord> => {
    const { batchSize, augment } = useAppStore.getState();
    const record = withChosenPenalty(started, useAppStore.getState());
    runShape = { batchSize, augment };
    alphaPenalty = record.alphaPenalty?.kind ?? 'none';
    beginRunHistory(record.name, batchSize);
    active.run = record;
    active.latest = { params: heldParams(record, 0), velocity: null, step: 0 };
    active.clock.forget();
    await deps.show(record, 0);
    const evaluated = await client.request({ type: 'evaluate', limit: BROWSER_TEST_IMAGES }, 'evaluated');
    record.checkpoints[0] = { ...record.checkpoints[0], step: 0, testAccuracy: evaluated.accuracy };
    deps.onCheckpoint(record);
    set({
      training: { ...IDLE, run: record.name },
      history: {
        run: record.name,
        losses: [],
        epochs: [{ epoch: 0, testAccuracy: evaluated.accuracy, seconds: null }],
      },
    });
    await persist(record);
    return record;
  };

  /** A new run begun from the run shown: from scratch or from its selected checkpoint, as chosen. */
  const startNew = (name = nextRunName(deps.runNames())): Promise<RunRecord> => {
    const { run, index } = deps.selected();
    const { trainFrom, architecture } = useAppStore.getState();
    return begin(
      newTrainedRun(
        name,
        trainFrom === 'checkpoint'
          ? { kind: 'checkpoint', from: run, index }
          : { kind: 'scratch', options: architecture },
      ),
    );
  };

  /** The run to train: the run trained here that is shown, else a new one (the run shown stays untouched). */
  const ensureRun = async (): Promise<RunRecord> => {
    const shown = deps.selected().run;
    if (!isTrainedHere(shown.name)) return startNew();
    if (active.run?.name !== shown.name) {
      alphaPenalty = penaltyOf({ alphaPenalty: shown.alphaPenalty?.kind })?.kind ?? 'none';
      active.run = shown;
      active.latest = latestOf(shown);
      active.clock.forget();
      set({ history: { run: shown.name, losses: [], epochs: [] } });
      beginRunHistory(shown.name, runShape.batchSize, true);
    }
    return active.run!;
  };

  /** Loads the freshest weights into the worker and opens a session there, training `epochs` more at most. */
  const resume = async (current: RunRecord, epochs: number) => {
    if (!deps.isShowingLatestOf(current.name)) await deps.show(current, current.checkpoints.length - 1);
    await client.loadWeights(current.architecture, active.latest!.params, active.latest!.velocity);
    set({ teaching: null }); // loading weights ended any teaching in the worker
    const step = active.latest!.step;
    active.clock.start(performance.now(), step % stepsPerEpoch() === 0);
    client.train(settings(), step, step / stepsPerEpoch() + epochs, BROWSER_TEST_IMAGES);
  };

  const saveLatest = async () => {
    const saved = await client.request({ type: 'saveCheckpoint' }, 'checkpointSaved');
    active.latest = { params: saved.params, velocity: saved.velocity, step: saved.step };
  };

  followTrainingEvents(client, active, {
    isShowingLatestOf: deps.isShowingLatestOf,
    onCheckpoint: deps.onCheckpoint,
    persist,
    flush: persistence.flush,
    refresh: deps.refresh,
  });

  const running = (current: RunRecord) =>
    set({ training: { ...useAppStore.getState().training, status: 'running', run: current.name } });

  const controller: TrainingController = {
    async start() {
      await pausing;
      set({ error: null });
      await ensureDataset();
      const current = await ensureRun();
      await resume(current, Infinity);
      running(current);
    },
    async pause() {
      client.pause();
      active.clock.stop(performance.now());
      pausing ??= saveLatest().finally(() => {
        pausing = null;
      });
      await pausing;
      await persistence.flush(); // the checkpoints shown are in storage before anything else happens
      // The weights just saved say where the run stands (a progress report may still be on its way).
      const step = active.latest?.step ?? useAppStore.getState().training.step;
      const training = useAppStore.getState().training;
      set({ training: { ...training, status: 'paused', step, epoch: step / stepsPerEpoch() } });
    },
    async pauseIfRunning() {
      if (useAppStore.getState().training.status === 'running') await controller.pause();
      else await pausing;
    },
    async step() {
      await controller.pauseIfRunning();
      await ensureDataset();
      const current = await ensureRun();
      await resume(current, 0);
      const stepped = await client.request({ type: 'step', batches: 1 }, 'stepped');
      active.clock.stop(performance.now());
      set({ training: { ...stepped.progress, status: 'paused', run: current.name } });
      recordRunProgress(current.name, stepped.progress);
      await saveLatest();
    },
    async stepEpoch() {
      await controller.pauseIfRunning();
      await ensureDataset();
      const current = await ensureRun();
      const epoch = active.latest!.step / stepsPerEpoch();
      await resume(current, Math.floor(epoch) + 1 - epoch);
      running(current);
    },
    async reset() {
      await controller.pauseIfRunning();
      await ensureDataset();
      const shown = deps.selected().run;
      if (!isTrainedHere(shown.name)) {
        await startNew();
        return;
      }
      await begin(restartedRun(shown, useAppStore.getState().architecture));
    },
    ensureDataset,
    async forgetWorker() {
      datasetLoader.forget();
      pausing = null;
      active.clock.forget();
      if (!active.run) return;
      active.latest = latestOf(active.run);
      const last = active.run.checkpoints[active.run.checkpoints.length - 1];
      const { training } = useAppStore.getState();
      set({
        training: { ...training, status: 'paused', epoch: last.epoch, step: active.latest.step, imagesPerSecond: 0 },
      });
    },
    async restoreSaved(register) {
      const { runs, damaged } = await loadSavedRuns();
      set({ damagedRuns: damaged });
      runs.filter((saved) => isTrainedHere(saved.name)).forEach(register);
    },
    setHyperparameters(learningRate, momentum, weightDecay) {
      set({ learningRate, momentum, weightDecay });
      client.setHyperparameters({ learningRate, momentum, weightDecay });
    },
    setAlphaLambda(alphaLambda) {
      set({ alphaLambda });
      const { learningRate, momentum, weightDecay } = useAppStore.getState();
      client.setHyperparameters({ learningRate, momentum, weightDecay, alphaLambda });
    },
  };
  return controller;
}
