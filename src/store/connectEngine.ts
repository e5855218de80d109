/**
 * The one place engine events become app state: starts the worker, loads the shipped run, and
 * answers drawings (latest wins: while one inference is in flight, only the newest drawing waits).
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { ActivationRanges } from '../engine/activationRanges';
import type { LayerSpec } from '../engine/model/layerSpec';
import type { LoadedRun } from '../engine/model/runLoader';
import { EngineClient } from '../worker/engineClient';
import type { Backend } from '../worker/protocol';
import { useAppStore } from './appStore';
import { frameHolder, showFrame } from './frameHolder';

/** What the view and the automation API need from the loaded run. */
export interface EngineConnection {
  readonly client: EngineClient;
  readonly run: LoadedRun;
  readonly layers: readonly LayerSpec[];
  /** The weights of the selected checkpoint (for colouring edges). */
  params(): Float32Array;
  /** Colour ranges, fixed across checkpoints: those of the last checkpoint. */
  readonly ranges: ActivationRanges | null;
  /** Reads a drawing (null: empty pad); resolves when its frame is shown. */
  infer(input: Float32Array | null, inputTime?: number): Promise<void>;
  /** Switches to checkpoint `index` and re-reads the current drawing. */
  selectCheckpoint(index: number): Promise<void>;
}

function predictionOf(frame: ActivationFrame) {
  const output = frame.layers[frame.layers.length - 1];
  const probabilities = Array.from(frame.values.subarray(output.out[0], output.out[0] + output.out[1]));
  const label = probabilities.indexOf(Math.max(...probabilities));
  return { label, probabilities };
}

/** Starts the engine worker with the run already fetched; `prefer` chooses the backend to try first. */
export async function connectEngine(run: LoadedRun, runName: string, prefer: Backend): Promise<EngineConnection> {
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  const client = new EngineClient(worker);
  const store = useAppStore.getState();
  client.subscribe((event) => {
    if (event.type === 'backendChanged') useAppStore.getState().set({ backend: event.backend, engineNote: event.reason });
    if (event.type === 'failed') useAppStore.getState().set({ error: event.message });
  });
  const started = await client.start(prefer);
  store.set({ backend: started.backend, renderer: started.renderer, engineNote: started.reason });
  const architecture = run.manifest.architecture;
  const last = run.checkpoints.length - 1;
  let index = last;
  await client.loadWeights(architecture, run.checkpoints[index]);
  store.set({
    run: runName,
    checkpoints: run.manifest.checkpoints.map((c) => ({ epoch: c.epoch, testAccuracy: c.testAccuracy })),
    checkpointIndex: index,
  });
  const ranges = (run.manifest.checkpoints[last] as { activationRanges?: ActivationRanges }).activationRanges ?? null;

  let inFlight = false;
  let pending: { input: Float32Array | null; time: number; done: (() => void)[] } | null = null;
  const pump = async () => {
    if (inFlight || !pending) return;
    const job = pending;
    pending = null;
    inFlight = true;
    try {
      if (job.input) {
        const frame = await client.infer(job.input);
        showFrame(frame, job.time);
        useAppStore.getState().set({ prediction: predictionOf(frame) });
      } else {
        showFrame(null, job.time);
        useAppStore.getState().set({ prediction: null });
      }
    } catch (error) {
      useAppStore.getState().set({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      inFlight = false;
      job.done.forEach((resolve) => resolve());
      void pump();
    }
  };

  const infer = (input: Float32Array | null, inputTime = performance.now()) => new Promise<void>((resolve) => {
    pending = { input, time: pending?.time ?? inputTime, done: [...(pending?.done ?? []), resolve] };
    void pump();
  });

  return {
    client, run, ranges,
    layers: architecture.layers,
    params: () => run.checkpoints[index],
    infer,
    async selectCheckpoint(next: number) {
      if (!(next >= 0 && next < run.checkpoints.length)) throw new RangeError(`no checkpoint ${next}`);
      const previous = frameHolder.frame;
      index = next;
      await client.loadWeights(architecture, run.checkpoints[index]);
      useAppStore.getState().set({ checkpointIndex: index });
      await infer(useAppStore.getState().input);
      frameHolder.previous = previous;
    },
  };
}
