/**
 * The one place engine events become app state: starts the worker, holds the runs (the shipped one
 * and one trained here), shows a selected checkpoint, and answers drawings (latest wins: while one
 * inference is in flight, only the newest drawing waits).
 */
import { errorText, message } from '../i18n/message';
import { EngineClient } from '../worker/engineClient';
import type { Backend } from '../worker/protocol';
import { useAppStore, type CheckpointSummary } from './appStore';
import { createBackpropController, type BackpropController } from './backpropController';
import { SHIPPED_RUNS } from './compareReading';
import { superviseEngine } from './engineSupervision';
import { createExplorerController, type ExplorerController } from './explorerController';
import { createInterpretController, type InterpretController } from './interpretController';
import { networkInput } from './networkInput';
import { createProbeController, type ProbeController } from './probeController';
import { createReadingPump } from './readingPump';
import { startEngineWorker } from './engineStart';
import { checkpointParams, heldParams, recordFromLoadedRun, type RunRecord } from './runRecord';
import { createTrainingController, type TrainingController } from './trainingController';

/** What the view, the panels and the automation API use. */
export interface EngineConnection {
  readonly client: EngineClient;
  /** The weights the view shows: the selected checkpoint's, or its teaching copy's (for edges and kernels). */
  params(): Float32Array;
  /** Reads a drawing (null: empty pad) under the probe's transform; resolves when its frame is shown. */
  infer(input: Float32Array | null, inputTime?: number): Promise<void>;
  /** Shows checkpoint `index` of the selected run and re-reads the drawing (pauses training first). */
  selectCheckpoint(index: number): Promise<void>;
  /** Adds or replaces a run and selects its checkpoint `index` (default: the last). */
  showRun(run: RunRecord, index?: number): Promise<void>;
  /** The runs the page holds, by name. */
  readonly runs: ReadonlyMap<string, RunRecord>;
  /** The run shown now. */
  selectedRun(): RunRecord;
  /** The index of the checkpoint shown now. */
  selectedIndex(): number;
  readonly training: TrainingController;
  readonly backprop: BackpropController;
  readonly explorer: ExplorerController;
  readonly probe: ProbeController;
  /** Attributions, neuron portraits and feature images. */
  readonly interpret: InterpretController;
  /** Restarts an engine that stayed down after dying too often. */
  retryEngine(): Promise<void>;
  /** Reads an imported run file in the worker (unzipped and validated off the page's thread). */
  importRun(bytes: Uint8Array, fileName: string): Promise<RunRecord>;
  /** For tests: the worker closes itself (as a crash would) or stops answering. */
  simulateFault(fault: 'close' | 'hang'): void;
}

function summaries(run: RunRecord): CheckpointSummary[] {
  return run.checkpoints.map((c) => ({ epoch: c.epoch, testAccuracy: c.testAccuracy }));
}

/**
 * Starts the engine worker with the shipped run (and `others`, e.g. the classic one, offered in the run
 * picker); `prefer` chooses the backend to try first; `first` is the run and checkpoint shown first (default:
 * the shipped run's last checkpoint).
 */
export async function connectEngine(
  shipped: RunRecord,
  prefer: Backend | 'auto',
  trainSubset: number | null,
  dataUrl: string,
  others: readonly RunRecord[] = [],
  first?: { readonly run: RunRecord; readonly index: number },
): Promise<EngineConnection> {
  const engine = await startEngineWorker(prefer);
  const { supervised, client } = engine;
  const set = (partial: Parameters<ReturnType<typeof useAppStore.getState>['set']>[0]) =>
    useAppStore.getState().set(partial);

  const runs = new Map<string, RunRecord>();
  const register = (record: RunRecord) => {
    runs.set(record.name, record);
    set({ runNames: [...runs.keys()] });
  };
  register(shipped);
  others.forEach(register);
  let run = shipped;
  let index = run.checkpoints.length - 1;
  // Assigned below, before the first drawing is read.
  let backprop: BackpropController | null = null;
  const reading = createReadingPump({ client, runs, selected: () => ({ run, index }), backprop: () => backprop });
  const infer = reading.infer;

  let showing = 0;
  const show = async (next: RunRecord, nextIndex: number) => {
    if (!(nextIndex >= 0 && nextIndex < next.checkpoints.length))
      throw new RangeError(`no checkpoint ${nextIndex} in ${next.name}`);
    // A shipped run's checkpoint may still be on its way: the timeline shows it coming; the latest choice wins.
    const ticket = ++showing;
    const missing = !next.checkpoints[nextIndex].params;
    if (missing || useAppStore.getState().fetching)
      set({
        fetching: missing ? { run: next.name, index: nextIndex, epoch: next.checkpoints[nextIndex].epoch } : null,
      });
    const params = await checkpointParams(next, nextIndex).finally(() => {
      if (ticket === showing) set({ fetching: null });
    });
    if (ticket !== showing) return;
    register(next);
    run = next;
    index = nextIndex;
    backprop?.forget(); // loading weights ends any teaching in the worker
    await client.loadWeights(run.architecture, params);
    const sameArchitecture = JSON.stringify(run.architecture) === JSON.stringify(shipped.architecture);
    set({
      run: run.name,
      ...(Object.hasOwn(SHIPPED_RUNS, run.name) ? { lastShipped: run.name } : {}),
      testImages: run.testImages,
      checkpoints: summaries(run),
      checkpointIndex: index,
      layers: run.architecture.layers,
      ranges: run.ranges ?? (sameArchitecture ? shipped.ranges : null),
    });
    await infer(useAppStore.getState().input);
  };

  const training = createTrainingController({
    client,
    trainSubset,
    dataUrl,
    selected: () => ({ run, index }),
    runNames: () => runs.keys(),
    isShowingLatestOf: (name) => run.name === name && index === run.checkpoints.length - 1,
    onCheckpoint: (updated) => {
      register(updated);
      const following = run.name === updated.name && index >= updated.checkpoints.length - 2;
      if (run.name === updated.name) {
        run = updated;
        if (following) index = run.checkpoints.length - 1;
        set({ checkpoints: summaries(run), checkpointIndex: index });
      }
    },
    show,
    refresh: () => infer(useAppStore.getState().input),
  });
  backprop = createBackpropController({
    client,
    loadSelected: () => client.loadWeights(run.architecture, heldParams(run, index)),
    pauseTraining: () => training.pauseIfRunning(),
    ensureDataset: () => training.ensureDataset(),
    refresh: () => infer(useAppStore.getState().input),
  });
  const backpropControl = backprop;
  const supervision = superviseEngine({
    supervised,
    client,
    currentBackend: engine.backend,
    async forgetWorker() {
      reading.forgetWorker(); // the reading in flight will never be answered
      backpropControl.forget();
      explorer.forgetWorker();
      await training.forgetWorker();
    },
    async reload() {
      engine.followStore();
      await show(run, index);
      return run.checkpoints[index].epoch;
    },
  });
  engine.onDeath = (reason) =>
    void supervision.onDeath(reason).then(() => {
      engine.followStore();
    });
  const explorer = createExplorerController({
    client,
    dataUrl,
    selected: () => ({ run, index }),
    infer: (input) => infer(input),
  });
  const interpret = createInterpretController({
    client,
    explorer,
    selected: () => ({ run, index }),
    input: () => networkInput(),
  });
  // While a run trains, the backward view follows the live weights too (at most one pass in flight).
  let following = false;
  client.subscribe((event) => {
    const { viewKind } = useAppStore.getState();
    const input = networkInput();
    if (event.type !== 'activationsStreamed' || viewKind !== 'backward' || !input || following) return;
    following = true;
    backpropControl
      .read(input)
      .catch((error: unknown) =>
        set({ error: message('messages', 'backwardWhileTraining', { detail: errorText(error) }) }),
      )
      .finally(() => {
        following = false;
      });
  });
  const viewParams = () =>
    (useAppStore.getState().teaching && backpropControl.taughtParams()) || heldParams(run, index);
  const probe = createProbeController({
    client,
    runs,
    selected: () => ({ run, index }),
    params: viewParams,
    infer: (input) => infer(input),
  });
  await show(first?.run ?? shipped, first?.index ?? index);
  await training.restoreSaved(register);
  // Switching colour modes re-reads the drawing (difference mode needs the previous checkpoint's frame).
  useAppStore.subscribe((state, before) => {
    if (state.colourMode !== before.colourMode || state.compare !== before.compare) void infer(state.input);
    if (state.input === null && before.input !== null && state.trueLabel !== null) state.set({ trueLabel: null });
    // The backward view and the chosen label re-read the drawing; turning the view on replays the sweep.
    if (state.viewKind !== before.viewKind || state.trueLabel !== before.trueLabel) {
      if (state.viewKind === 'backward') state.set({ sweepStart: performance.now() });
      void infer(state.input);
    }
  });

  return {
    client,
    training,
    backprop: backpropControl,
    explorer,
    probe,
    interpret,
    selectedIndex: () => index,
    retryEngine: () => supervision.retry(),
    async importRun(bytes, fileName) {
      const reply = await client.request({ type: 'readRunArchive', bytes, fileName }, 'runArchiveRead');
      return recordFromLoadedRun(fileName.replace(/\.zip$/i, ''), reply.run);
    },
    simulateFault: (fault) => client.send({ type: 'simulateFault', fault }),
    params: viewParams,
    infer,
    async selectCheckpoint(next) {
      await training.pauseIfRunning();
      await show(run, next);
    },
    showRun: async (next, nextIndex = next.checkpoints.length - 1) => {
      if (next.name !== run.name) await training.pauseIfRunning();
      await show(next, nextIndex);
    },
    runs,
    selectedRun: () => run,
  };
}
