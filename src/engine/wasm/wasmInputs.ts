/**
 * The WebAssembly engine's inputs: MNIST sets copied once into the memory, batches gathered from
 * them (with the affine and elastic distortions of data/distort.ts, the reference's bit for bit), and
 * inputs written directly (a drawing, a test batch).
 */
import type { Distortion } from '../data/distort';
import { gaussianTaps, type ElasticDistortion } from '../data/elastic';
import { INPUT_SIZE, type MnistSet } from '../data/mnistInput';
import type { Pointer, WasmArena } from './wasmArena';
import { PLANE, type BatchRegion } from './wasmBuffers';
import type { Lenet5Kernels } from './wasmModule';

/** The widest Gaussian an elastic field may use (data/elastic.ts caps its radius at 31). */
const MAX_RADIUS = INPUT_SIZE - 1;

/** A labelled set copied into the memory. */
interface HeldSet {
  readonly source: MnistSet;
  readonly images: Pointer;
  readonly labels: Pointer;
}

/** Which set a batch is gathered from. */
export type SetSlot = 'train' | 'test';

/** The held sets and the elastic field's buffers. */
export class WasmInputs {
  private readonly sets = new Map<SetSlot, HeldSet>();
  /** The Gaussian's taps (f64, of `tapsOf.sigma`), one field (f64) and the blur's scratch. */
  private readonly elastic: { taps: Pointer; field: Pointer; scratch: Pointer };
  private tapsOf = { sigma: NaN, radius: 0 };

  constructor(
    private readonly kernels: Lenet5Kernels,
    private readonly arena: WasmArena,
  ) {
    this.elastic = {
      taps: arena.alloc((2 * MAX_RADIUS + 1) * 8),
      field: arena.alloc(2 * PLANE * 8),
      scratch: arena.alloc(2 * INPUT_SIZE * (INPUT_SIZE + 2 * MAX_RADIUS) * 8),
    };
  }

  /** Copies a labelled set into the memory once (again only when another set is given). */
  holdSet(slot: SetSlot, set: MnistSet): void {
    if (this.sets.get(slot)?.source === set) return;
    const images = this.arena.alloc(set.images.length);
    const labels = this.arena.alloc(set.labels.length);
    this.arena.u8(images, set.images.length).set(set.images);
    this.arena.u8(labels, set.labels.length).set(set.labels);
    this.sets.set(slot, { source: set, images, labels });
  }

  /** Puts images `indices` of a held set into the batch's input (distorted when given) and their labels. */
  gather(
    batch: BatchRegion,
    slot: SetSlot,
    indices: ArrayLike<number>,
    distortions: readonly Distortion[] | null,
  ): void {
    const set = this.sets.get(slot);
    if (!set) throw new Error(`no ${slot} set is held`);
    const n = indices.length;
    this.arena.u32(batch.indices, n).set(indices);
    const input = batch.layers[0].out;
    this.kernels.gatherBatch(n, set.images, set.labels, batch.indices, distortions ? batch.raw : input, batch.labels);
    distortions?.forEach((d, b) =>
      this.kernels.distort(
        batch.raw + b * PLANE * 4,
        input + b * PLANE * 4,
        d.dx,
        d.dy,
        Math.cos(d.angle) / d.scale,
        Math.sin(d.angle) / d.scale,
        d.elastic ? this.elasticField(d.elastic) : 0,
      ),
    );
  }

  /** Writes `n` inputs (n x 1024 values) and labels into the batch's input. */
  setInputs(batch: BatchRegion, inputs: ArrayLike<number>, labels: ArrayLike<number>, n: number): void {
    if (inputs.length < n * PLANE) throw new Error(`input holds ${inputs.length} values, need ${n * PLANE}`);
    const view = this.arena.f32(batch.layers[0].out, n * PLANE);
    if (inputs instanceof Float32Array) view.set(inputs.subarray(0, n * PLANE));
    else for (let i = 0; i < n * PLANE; i++) view[i] = inputs[i];
    const labelView = this.arena.u8(batch.labels, n);
    for (let b = 0; b < n; b++) labelView[b] = labels[b] ?? 0;
  }

  /** Computes one image's elastic displacement field into the field buffer; returns its address. */
  private elasticField(d: ElasticDistortion): Pointer {
    const { taps, field, scratch } = this.elastic;
    if (d.sigma !== this.tapsOf.sigma) {
      const weights = gaussianTaps(d.sigma);
      new Float64Array(this.arena.memory.buffer, taps, weights.length).set(weights);
      this.tapsOf = { sigma: d.sigma, radius: (weights.length - 1) / 2 };
    }
    this.kernels.elasticField(d.seed, this.tapsOf.radius, taps, d.alpha, field, scratch);
    return field;
  }
}
