/**
 * Reading the input: every drawing (or test digit, or address input) asked for is read by the engine, the
 * newest first and one at a time (drawings that arrive meanwhile are merged); under the transform probe; with the
 * backward pass in the backward view; the previous checkpoint's reading for difference mode and the other shipped
 * network's for compare mode; and the frame and reading shown.
 */
import { errorText, message } from '../i18n/message';
import type { EngineClient } from '../worker/engineClient';
import { useAppStore } from './appStore';
import type { BackpropController } from './backpropController';
import { readComparison } from './compareReading';
import { frameHolder, predictionOf, showBackward, showFrame } from './frameHolder';
import { probedInput } from './networkInput';
import { checkpointParams, heldParams, type RunRecord } from './runRecord';

/** What the reading needs from the connection. */
export interface ReadingDependencies {
  readonly client: EngineClient;
  readonly runs: ReadonlyMap<string, RunRecord>;
  /** The run and checkpoint shown. */
  selected(): { run: RunRecord; index: number };
  /** The backward view's controller (null until it exists). */
  backprop(): BackpropController | null;
}

/** The reading of the page. */
export interface ReadingPump {
  /** Reads an input (null: an empty pad); resolves once its frame is shown. */
  infer(input: Float32Array | null, inputTime?: number): Promise<void>;
  /** The worker died: the reading in flight will never be answered. */
  forgetWorker(): void;
}

/** Creates the page's reading over the engine client. */
export function createReadingPump(deps: ReadingDependencies): ReadingPump {
  const { client } = deps;
  const set = useAppStore.getState().set;
  const read = (input: Float32Array) => {
    const backprop = deps.backprop();
    return useAppStore.getState().viewKind === 'backward' && backprop ? backprop.read(input) : client.infer(input);
  };
  let inFlight = false;
  let pending: { input: Float32Array | null; time: number; done: (() => void)[] } | null = null;
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
      const { run, index } = deps.selected();
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
          ? await readComparison(client, deps.runs, run.name, input!, () => void infer(useAppStore.getState().input))
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

  return {
    infer,
    forgetWorker() {
      inFlight = false;
    },
  };
}
