/**
 * The one place engine events become app state: starts the worker, holds the runs (the shipped one
 * and one trained here), shows a selected checkpoint, and answers drawings (latest wins: while one
 * inference is in flight, only the newest drawing waits).
 */
import { errorText, message } from '../i18n/message';
import { EngineClient } from '../worker/engineClient';
import { SupervisedWorker, type WorkerLike } from '../worker/supervisedWorker';
import type { Backend } from '../worker/protocol';
import { useAppStore, type CheckpointSummary } from './appStore';
import { createBackpropController, type BackpropController } from './backpropController';
import { readComparison, SHIPPED_RUNS } from './compareReading';
import { engineReasonMessage } from './engineReason';
import { superviseEngine } from './engineSupervision';
import { createExplorerController, type ExplorerController } from './explorerController';
import { frameHolder, predictionOf, showBackward, showFrame } from './frameHolder';
import { createInterpretController, type InterpretController } from './interpretController';
import { networkInput, probedInput } from './networkInput';
import { createProbeController, type ProbeController } from './probeController';
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
  let onDeath = (reason: string) => {
    console.error(`the engine worker died before start: ${reason}`);
  };
  const supervised = new SupervisedWorker(
    () =>
      new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
    (reason) => onDeath(reason),
  );
  const client = new EngineClient(supervised);
  const set = (partial: Parameters<ReturnType<typeof useAppStore.getState>['set']>[0]) =>
    useAppStore.getState().set(partial);
  client.subscribe((event) => {
    if (event.type === 'backendChanged') {
      const reason = engineReasonMessage(event.reason, event.backend);
      set({ backend: event.backend, engineNote: reason, engineReason: reason });
    }
    if (event.type === 'failed') set({ error: message('messages', 'failed', { detail: event.message }) });
  });
  const started = await client.start(prefer);
  set({
    backend: started.backend,
    renderer: started.renderer,
    engineReason: started.reason ? engineReasonMessage(started.reason, started.backend) : null,
  });
  let backendNow = started.backend;
  client.subscribe((event) => {
    if (event.type === 'backendChanged') backendNow = event.backend;
  });

  const runs = new Map<string, RunRecord>();
  const register = (record: RunRecord) => {
    runs.set(record.name, record);
    set({ runNames: [...runs.keys()] });
  };
  register(shipped);
  others.forEach(register);
  let run = shipped;
  let index = run.checkpoints.length - 1;
  let inFlight = false;
  let pending: { input: Float32Array | null; time: number; done: (() => void)[] } | null = null;
  // Assigned below, before the first drawing is read.
  let backprop: BackpropController | null = null;
  const read = (input: Float32Array) =>
    useAppStore.getState().viewKind === 'backward' && backprop ? backprop.read(input) : client.infer(input);
  const pump = async () => {
    if (inFlight || !pending) return;
    const job = pending;
    pending = null;
    inFlight = true;
    // The network reads the input under the transform probe (networkInput.ts).
    const input = probedInput(job.input, useAppStore.getState().probe);
    try {
      client.setDrawing(input); // streamed back under the live weights while a run trains
      const frame = input ? await read(input) : null;
      if (!frame || useAppStore.getState().viewKind !== 'backward') {
        showBackward(null);
        set({ backward: null });
      }
      // Difference mode: the same drawing under the previous checkpoint, then back to the current weights (a
      // previous checkpoint still on its way is fetched meanwhile, and the drawing read again once it is here).
      const training = useAppStore.getState().training.status === 'running';
      const previous = index > 0 ? run.checkpoints[index - 1].params : null;
      if (frame && previous && useAppStore.getState().colourMode === 'difference' && !training) {
        await client.loadWeights(run.architecture, previous);
        frameHolder.previous = await client.infer(input!);
        await client.loadWeights(run.architecture, heldParams(run, index));
      } else {
        frameHolder.previous = null;
        if (frame && index > 0 && !previous && useAppStore.getState().colourMode === 'difference')
          checkpointParams(run, index - 1).then(
            () => void infer(useAppStore.getState().input),
            () => undefined,
          );
      }
      showFrame(frame, job.time);
      const comparison =
        frame && useAppStore.getState().compare
          ? await readComparison(client, runs, run.name, input!, () => void infer(useAppStore.getState().input))
          : null;
      set({ prediction: frame ? predictionOf(frame) : null, comparison });
    } catch (error) {
      set({ error: message('messages', 'failed', { detail: errorText(error) }) });
    } finally {
      inFlight = false;
      job.done.forEach((resolve) => resolve());
      void pump();
    }
  };
  const infer = (input: Float32Array | null, inputTime = performance.now()) =>
    new Promise<void>((resolve) => {
      pending = { input, time: pending?.time ?? inputTime, done: [...(pending?.done ?? []), resolve] };
      void pump();
    });

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
    currentBackend: () => backendNow,
    async forgetWorker() {
      inFlight = false; // its reply will never come
      backpropControl.forget();
      explorer.forgetWorker();
      await training.forgetWorker();
    },
    async reload() {
      backendNow = useAppStore.getState().backend ?? backendNow;
      await show(run, index);
      return run.checkpoints[index].epoch;
    },
  });
  onDeath = (reason) =>
    void supervision.onDeath(reason).then(() => {
      backendNow = useAppStore.getState().backend ?? backendNow;
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
