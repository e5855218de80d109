/**
 * A second thread for the WebAssembly engine's training: an instance of the shared build over the same
 * shared memory trains the second half of each batch into its own gradients while the engine's thread
 * trains the first half (wasmTeam.ts). They meet in a control block in the memory, i32 words:
 *
 *   0 state: 0 starting, 1 ready, 2 a job is posted, 3 the job is done, 4 stop
 *   1 descriptor | 2 images | 3 chunk | 4 input | 5 labels | 6 gradients | 7 gradient count | 8 divisor
 *   (the job: assembly/network.ts trainBatch's arguments) | 9 correct answers (the result)
 *   byte 48: f64 the summed loss (the result)
 *
 * Waiting is Atomics.wait, which a page's main thread may not do: both threads are workers (or Node). The
 * helper never blocks longer than YIELD_MS at a time: then it waits with Atomics.waitAsync, so its event loop
 * runs (a memory measurement, a termination) even while training keeps it busy.
 * Where no shared memory exists (a page that is not cross-origin isolated) there is no helper and
 * the engine trains on one thread.
 */
import type { Lenet5Kernels } from './wasmModule';

/** Bytes of the control block. */
export const CONTROL_BYTES = 64;

const STATE = 0;
const STARTING = 0;
const READY = 1;
const POSTED = 2;
const DONE = 3;
const STOP = 4;
const RESULT_CORRECT = 9;
const RESULT_LOSS_BYTE = 48;

/** What a helper thread is started with. */
export interface HelperInit {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: number;
}

/** Starts a thread that runs serveHelper(instantiateSharedKernels(module, memory), control). */
export type StartHelper = (init: HelperInit) => { terminate(): void };

/** One job: trainBatch's arguments. */
export interface HelperJob {
  readonly descriptor: number;
  readonly images: number;
  readonly chunk: number;
  readonly input: number;
  readonly labels: number;
  readonly gradients: number;
  readonly count: number;
  readonly divisor: number;
}

/** The longest the helper blocks its thread in Atomics.wait before it lets its event loop run. */
export const YIELD_MS = 50;

/** Atomics.waitAsync (ES2024; Chromium 87+, Node 16+), typed here because the engine's library target is older. */
type WaitAsync = (
  typed: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

/** Waits until words[index] is no longer `value`, letting the thread's event loop run meanwhile. */
async function waitLettingEventsRun(words: Int32Array, index: number, value: number): Promise<void> {
  const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
  if (waitAsync) {
    const wait = waitAsync(words, index, value);
    if (wait.async) await wait.value;
  } else await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The helper thread's loop: says it is ready, then runs each posted job until told to stop. Between jobs
 * it blocks in Atomics.wait (the fastest hand-over) for up to YIELD_MS since it last let its event loop run.
 */
export async function serveHelper(kernels: Lenet5Kernels, control: number): Promise<void> {
  const words = new Int32Array(kernels.memory.buffer, control, CONTROL_BYTES / 4);
  const loss = new Float64Array(kernels.memory.buffer, control + RESULT_LOSS_BYTE, 1);
  Atomics.store(words, STATE, READY);
  Atomics.notify(words, STATE);
  let yielded = performance.now();
  for (;;) {
    const state = Atomics.load(words, STATE);
    if (state === STOP) return;
    if (state !== POSTED) {
      const left = YIELD_MS - (performance.now() - yielded);
      if (left > 0) Atomics.wait(words, STATE, state, left);
      else {
        await waitLettingEventsRun(words, STATE, state); // until the next post (or stop) changes it
        yielded = performance.now();
      }
      continue;
    }
    const [descriptor, images, chunk, input, labels, gradients, count, divisor] = words.subarray(1, 9);
    loss[0] = kernels.trainBatch(descriptor, images, chunk, input, labels, gradients, count, divisor);
    // The descriptor's word 3 is where the pass leaves its correct count.
    const correctAt = new Int32Array(kernels.memory.buffer, descriptor, 4)[3];
    words[RESULT_CORRECT] = new Int32Array(kernels.memory.buffer, correctAt, 1)[0];
    Atomics.store(words, STATE, DONE);
    Atomics.notify(words, STATE);
  }
}

/** The engine thread's side of the control block. */
export class HelperLink {
  private readonly words: Int32Array;
  private readonly loss: Float64Array;
  private dead = false;

  constructor(
    memory: WebAssembly.Memory,
    control: number,
    private readonly thread: { terminate(): void },
  ) {
    this.words = new Int32Array(memory.buffer, control, CONTROL_BYTES / 4);
    this.loss = new Float64Array(memory.buffer, control + RESULT_LOSS_BYTE, 1);
  }

  /** Whether the helper has started and is waiting for a job. */
  get ready(): boolean {
    return !this.dead && Atomics.load(this.words, STATE) === READY;
  }

  /** Posts a job (only when `ready`). */
  post(job: HelperJob): void {
    const { descriptor, images, chunk, input, labels, gradients, count, divisor } = job;
    this.words.set([descriptor, images, chunk, input, labels, gradients, count, divisor], 1);
    Atomics.store(this.words, STATE, POSTED);
    Atomics.notify(this.words, STATE);
  }

  /**
   * Waits for the posted job; its loss and correct count, or null when the helper did not finish within
   * `timeoutMs` (it is then never used again, and the caller does the job itself).
   */
  join(timeoutMs = 10_000): { loss: number; correct: number } | null {
    const deadline = performance.now() + timeoutMs;
    while (Atomics.load(this.words, STATE) === POSTED) {
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(this.words, STATE, POSTED, left) === 'timed-out') {
        this.stop();
        return null;
      }
    }
    const result = { loss: this.loss[0], correct: this.words[RESULT_CORRECT] };
    Atomics.store(this.words, STATE, READY);
    return result;
  }

  /** Stops the helper thread (it is not used again). */
  stop(): void {
    this.dead = true;
    Atomics.store(this.words, STATE, STOP);
    Atomics.notify(this.words, STATE);
    this.thread.terminate();
  }
}

/** The control block's initial state (before the helper thread has started). */
export function resetControl(memory: WebAssembly.Memory, control: number): void {
  new Int32Array(memory.buffer, control, CONTROL_BYTES / 4).fill(STARTING);
}
