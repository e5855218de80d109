/**
 * The helper thread's part of a WebAssembly network in a shared memory: its own descriptor, chunk buffers,
 * gradients and correct count (allocated from the network's arena), the same weights, and the link to
 * the thread (wasmHelper.ts). WasmNetwork.trainBatch gives it the second half of each batch.
 */
import type { Pointer, WasmArena } from './wasmArena';
import { allocateBatch, PLANE, type BatchRegion } from './wasmBuffers';
import { DESCRIPTOR_WORDS, writeDescriptor, type DescriptorParts } from './wasmDescriptor';
import { CONTROL_BYTES, HelperLink, resetControl, type StartHelper } from './wasmHelper';
import type { Lenet5Kernels } from './wasmModule';

/** Fewest images in a batch worth sharing with the helper (below, the round trip costs more than it saves). */
const MIN_SHARED_BATCH = 8;

/** The helper's buffers and link. */
export class WasmTeam {
  private readonly link: HelperLink;
  private readonly descriptor: Pointer;
  private readonly correct: Pointer;
  private readonly grads: Pointer;
  private readonly batch: BatchRegion;

  constructor(
    private readonly kernels: Lenet5Kernels,
    arena: WasmArena,
    module: WebAssembly.Module,
    maxParameters: number,
    readonly chunk: number,
    start: StartHelper,
  ) {
    const control = arena.alloc(CONTROL_BYTES);
    this.descriptor = arena.alloc(DESCRIPTOR_WORDS * 4);
    this.correct = arena.alloc(16);
    this.grads = arena.alloc(maxParameters * 4);
    this.batch = allocateBatch(arena, chunk);
    resetControl(kernels.memory, control);
    this.link = new HelperLink(kernels.memory, control, start({ module, memory: kernels.memory, control }));
  }

  /** Writes the helper's descriptor: the network's weights, its own buffers and gradients (at the same offsets). */
  describe(parts: DescriptorParts, networkGrads: Pointer): void {
    const shift = (at: Pointer) => (at === 0 ? 0 : at - networkGrads + this.grads);
    writeDescriptor(new Int32Array(this.kernels.memory.buffer, this.descriptor, DESCRIPTOR_WORDS), {
      ...parts,
      tensors: parts.tensors.map((t) => ({ ...t, dWeight: shift(t.dWeight), dBias: shift(t.dBias) })),
      correct: this.correct,
      batch: this.batch,
      profile: 0,
    });
  }

  /** Whether the helper thread has started and still answers. */
  get ready(): boolean {
    return this.link.ready;
  }

  /**
   * Trains an `n`-image batch (at `batch.input`/`batch.labels`): `run(images, first, zero)` trains images
   * [first, first + images) on this thread (zeroing the gradients first when `zero`); the helper, when
   * ready, trains the second half into its own gradients, which are then added into `batch.grads`. When
   * the helper does not answer, this thread trains its half too. Returns the summed loss and correct count.
   */
  train(
    n: number,
    chunk: number,
    batch: { input: Pointer; labels: Pointer; grads: Pointer; count: number },
    run: (images: number, first: number, zero: boolean) => { loss: number; correct: number },
  ): { loss: number; correct: number } {
    const share = n >= MIN_SHARED_BATCH && this.link.ready ? Math.floor(n / 2) : 0;
    if (share === 0) return run(n, 0, true);
    const first = n - share;
    this.link.post({
      descriptor: this.descriptor,
      images: share,
      chunk: Math.min(chunk, this.chunk),
      input: batch.input + first * PLANE * 4,
      labels: batch.labels + first,
      gradients: this.grads,
      count: batch.count,
      divisor: n,
    });
    const own = run(first, 0, true);
    const joined = this.link.join();
    if (joined) this.kernels.addInto(batch.count, batch.grads, this.grads);
    const helped = joined ?? run(share, first, false);
    return { loss: own.loss + helped.loss, correct: own.correct + helped.correct };
  }

  /** Stops the helper thread. */
  stop(): void {
    this.link.stop();
  }
}
