/**
 * Training in the page: fetches MNIST on first use (with progress), starts a run from seeded initial
 * weights, plays, pauses, steps and resets it, and turns the worker's training events into state:
 * progress, streamed activations of the drawing, and checkpoints appended to the run's timeline.
 */
import { errorText, message } from '../i18n/message';
import type { TrainingSettings } from '../engine/batchPlan';
import { fetchMnist } from '../engine/data/mnistFetch';
import { mnistSubset } from '../engine/data/mnistInput';
import { initialParameters } from '../engine/model/initialize';
import { lenet5Layers } from '../engine/model/lenet5';
import type { EngineClient } from '../worker/engineClient';
import { useAppStore } from './appStore';
import { predictionOf, showFrame } from './frameHolder';
import type { RunRecord } from './runRecord';
import { loadSavedRuns, saveRun } from './runStorage';

/** Test images evaluated at each checkpoint of a run trained in the page. */
export const BROWSER_TEST_IMAGES = 1000;
/** The name of the run trained in the page. */
export const TRAINED_RUN = 'my-run';

/** What the training panel and the automation API call. */
export interface TrainingController {
  start(): Promise<void>;
  pause(): Promise<void>;
  pauseIfRunning(): Promise<void>;
  step(): Promise<void>;
  /** Trains to the end of the current epoch, then pauses. */
  stepEpoch(): Promise<void>;
  reset(): Promise<void>;
  setHyperparameters(learningRate: number, momentum: number, weightDecay: number): void;
  /** Fetches MNIST and hands it to the worker, once. */
  ensureDataset(): Promise<void>;
  /**
   * The worker died: what it held is gone. The run stays paused at its last checkpoint (nothing after it
   * is claimed) and the dataset is handed to the next worker when training resumes.
   */
  forgetWorker(): Promise<void>;
  /** Takes back the run saved in IndexedDB by an earlier visit, if any, and registers it. */
  restoreSaved(register: (run: RunRecord) => void): Promise<void>;
}

interface Dependencies {
  client: EngineClient;
  trainSubset: number | null;
  /** Where the compact MNIST files are served (see scripts/prepareData.ts). */
  dataUrl: string;
  isShowingLatestOf(name: string): boolean;
  onCheckpoint(run: RunRecord): void;
  show(run: RunRecord, index: number): Promise<void>;
  /** Re-reads the current drawing with the weights the worker holds. */
  refresh(): Promise<void>;
}

/** Creates the controller and subscribes it to the worker's training events. */
export function createTrainingController(deps: Dependencies): TrainingController {
  const { client } = deps;
  const set = (partial: Parameters<ReturnType<typeof useAppStore.getState>['set']>[0]) =>
    useAppStore.getState().set(partial);
  const SEED = 1;
  let run: RunRecord | null = null;
  let latest: { params: Float32Array; velocity: Float32Array | null; step: number } | null = null;
  let dataset: Promise<void> | null = null;
  /** When the current epoch's training began in this tab (null: unknown, e.g. after a pause). */
  let epochStartedAt: number | null = null;
  /** A pause whose weights are still being saved; everything else waits for it. */
  let pausing: Promise<void> | null = null;
  if (deps.trainSubset !== null) set({ trainImages: Math.min(deps.trainSubset, 60000) });

  /** Batch size and distortions are fixed when a run starts. */
  let runShape = { batchSize: 64, augment: false };
  const settings = (): TrainingSettings => {
    const { learningRate, momentum, weightDecay } = useAppStore.getState();
    return { seed: SEED, ...runShape, learningRate, schedule: 'constant', epochs: 1e6, momentum, weightDecay };
  };
  const stepsPerEpoch = () => Math.ceil(useAppStore.getState().trainImages / runShape.batchSize);

  const ensureDataset = () => {
    dataset ??= (async () => {
      set({ datasetProgress: 0 });
      const { train, test } = await fetchMnist(deps.dataUrl, (received, total) =>
        set({ datasetProgress: received / total }),
      );
      const count = Math.min(deps.trainSubset ?? train.count, train.count);
      await client.setDataset(count < train.count ? mnistSubset(train, count, true) : train, test);
      set({ datasetProgress: null, trainImages: count });
    })().catch((error: unknown) => {
      dataset = null;
      set({
        datasetProgress: null,
        error: message('messages', 'mnistFailed', { detail: errorText(error) }),
      });
      throw error;
    });
    return dataset;
  };

  const ensureRun = async (): Promise<RunRecord> => {
    if (run) return run;
    const { batchSize, augment, architecture: options } = useAppStore.getState();
    runShape = { batchSize, augment };
    const architecture = { ...options, layers: lenet5Layers(options) };
    const params = initialParameters(architecture.layers, SEED) as Float32Array;
    run = {
      name: TRAINED_RUN,
      architecture,
      testImages: BROWSER_TEST_IMAGES,
      ranges: null,
      checkpoints: [{ epoch: 0, testAccuracy: null, params }],
    };
    latest = { params, velocity: null, step: 0 };
    await deps.show(run, 0);
    const evaluated = await client.request({ type: 'evaluate', limit: BROWSER_TEST_IMAGES }, 'evaluated');
    run.checkpoints[0] = { ...run.checkpoints[0], step: 0, testAccuracy: evaluated.accuracy };
    deps.onCheckpoint(run);
    await persist(run);
    return run;
  };

  /** Loads the freshest weights into the worker and opens a session there, training `epochs` more at most. */
  const resume = async (current: RunRecord, epochs: number) => {
    if (!deps.isShowingLatestOf(current.name)) await deps.show(current, current.checkpoints.length - 1);
    await client.loadWeights(current.architecture, latest!.params, latest!.velocity);
    set({ teaching: null }); // loading weights ended any teaching in the worker
    client.train(settings(), latest!.step, latest!.step / stepsPerEpoch() + epochs, BROWSER_TEST_IMAGES);
  };

  // Saves never overlap and a save in progress is followed by one of the newest run only: a fast engine on a small
  // subset makes checkpoints many times a second, and rewriting the whole run for each would swamp the page.
  let saving: Promise<void> | null = null;
  let unsaved: RunRecord | null = null;
  const persist = (record: RunRecord): Promise<void> => {
    unsaved = record;
    saving ??= (async () => {
      for (let next: RunRecord | null = unsaved; next; next = unsaved) {
        unsaved = null;
        const problem = await saveRun(next);
        if (problem) set({ error: problem });
      }
    })().finally(() => {
      saving = null;
    });
    return saving;
  };

  const saveLatest = async () => {
    const saved = await client.request({ type: 'saveCheckpoint' }, 'checkpointSaved');
    latest = { params: saved.params, velocity: saved.velocity, step: saved.step };
  };

  client.subscribe((event) => {
    if (event.type === 'progressReported') {
      set({ training: { ...event.progress, status: event.progress.status } });
      const { history } = useAppStore.getState();
      if (event.progress.loss !== null && history.losses.at(-1)?.[0] !== event.progress.step) {
        set({ history: { ...history, losses: [...history.losses, [event.progress.step, event.progress.loss]] } });
      }
    }
    // A frame from weights that are blowing up is not shown; the divergence event follows.
    const finite = event.type === 'activationsStreamed' && event.frame.values.every(Number.isFinite);
    if (event.type === 'activationsStreamed' && finite && run && deps.isShowingLatestOf(run.name)) {
      showFrame(event.frame);
      set({ prediction: predictionOf(event.frame) });
    }
    if (event.type === 'checkpointSaved' && event.requestId === -1 && run) {
      latest = { params: event.params, velocity: event.velocity, step: event.step };
      run = {
        ...run,
        checkpoints: [
          ...run.checkpoints,
          { epoch: event.epoch, step: event.step, testAccuracy: event.testAccuracy, params: event.params.slice() },
        ],
      };
      deps.onCheckpoint(run);
      void persist(run);
      if (Number.isInteger(event.epoch)) {
        const now = performance.now();
        const { history } = useAppStore.getState();
        set({
          history: {
            ...history,
            epochs: [
              ...history.epochs,
              {
                epoch: event.epoch,
                testAccuracy: event.testAccuracy,
                seconds: epochStartedAt === null ? null : (now - epochStartedAt) / 1000,
              },
            ],
          },
        });
        epochStartedAt = now;
      }
    }
    if (event.type === 'trainingDiverged') {
      set({
        error: message('messages', 'trainingDiverged', { epoch: event.epoch.toFixed(2), loss: String(event.loss) }),
      });
      const last = run?.checkpoints[run.checkpoints.length - 1];
      if (last) latest = { params: last.params, velocity: null, step: last.step ?? latest?.step ?? 0 };
      void deps.refresh();
    }
  });

  const controller: TrainingController = {
    async start() {
      await pausing;
      set({ error: null });
      await ensureDataset();
      const current = await ensureRun();
      if (current.checkpoints.length === 1)
        set({
          history: {
            losses: [],
            epochs: [{ epoch: 0, testAccuracy: current.checkpoints[0].testAccuracy, seconds: null }],
          },
        });
      epochStartedAt = latest!.step % stepsPerEpoch() === 0 ? performance.now() : null;
      await resume(current, Infinity);
      set({ training: { ...useAppStore.getState().training, status: 'running' } });
    },
    async pause() {
      client.pause();
      pausing ??= saveLatest().finally(() => {
        pausing = null;
      });
      await pausing;
      // The weights just saved say where the run stands (a progress report may still be on its way).
      const step = latest?.step ?? useAppStore.getState().training.step;
      set({ training: { ...useAppStore.getState().training, status: 'paused', step, epoch: step / stepsPerEpoch() } });
    },
    async pauseIfRunning() {
      if (useAppStore.getState().training.status === 'running') await controller.pause();
      else await pausing;
    },
    async step() {
      await controller.pauseIfRunning();
      await pausing;
      await ensureDataset();
      const current = await ensureRun();
      await resume(current, 0);
      const stepped = await client.request({ type: 'step', batches: 1 }, 'stepped');
      set({ training: { ...stepped.progress, status: 'paused' } });
      await saveLatest();
    },
    async stepEpoch() {
      await controller.pauseIfRunning();
      await ensureDataset();
      const current = await ensureRun();
      const epoch = latest!.step / stepsPerEpoch();
      await resume(current, Math.floor(epoch) + 1 - epoch);
      set({ training: { ...useAppStore.getState().training, status: 'running' } });
    },
    async reset() {
      await controller.pauseIfRunning();
      run = null;
      latest = null;
      set({ history: { losses: [], epochs: [] } });
      set({
        training: {
          status: 'idle',
          epoch: 0,
          step: 0,
          loss: null,
          accuracy: null,
          imagesPerSecond: 0,
          imagesDone: 0,
          imagesInEpoch: 0,
        },
      });
      await ensureDataset();
      await ensureRun();
    },
    ensureDataset,
    async forgetWorker() {
      dataset = null;
      pausing = null;
      set({ datasetProgress: null });
      if (!run) return;
      const last = run.checkpoints[run.checkpoints.length - 1];
      latest = { params: last.params, velocity: null, step: last.step ?? Math.round(last.epoch * stepsPerEpoch()) };
      const { training } = useAppStore.getState();
      set({ training: { ...training, status: 'paused', epoch: last.epoch, step: latest.step, imagesPerSecond: 0 } });
    },
    async restoreSaved(register) {
      const { runs, damaged } = await loadSavedRuns();
      set({ damagedRuns: damaged });
      const saved = runs.find((r) => r.name === TRAINED_RUN);
      if (!saved) return;
      run = saved;
      const last = saved.checkpoints[saved.checkpoints.length - 1];
      latest = { params: last.params, velocity: null, step: last.step ?? Math.round(last.epoch * stepsPerEpoch()) };
      register(saved);
      set({ training: { ...useAppStore.getState().training, status: 'paused', epoch: last.epoch, step: latest.step } });
    },
    setHyperparameters(learningRate, momentum, weightDecay) {
      set({ learningRate, momentum, weightDecay });
      client.setHyperparameters({ learningRate, momentum, weightDecay });
    },
  };
  return controller;
}
