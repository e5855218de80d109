/**
 * The WebAssembly SIMD LeNet-5: the same forward and backward passes as the reference engine
 * (src/engine/reference/, the oracle for every formula), computed by the kernels of assembly/ over
 * buffers that live in the module's one memory, allocated once per batch capacity.
 *
 * Memory layout (byte addresses, every range 16-byte aligned; B = batch capacity, P = parameters):
 *
 *   [0, heapBase)     the module's own static data
 *   fixed             params f32[P] | grads f32[P] (dL/dw, zeroed before each backward) | velocity f32[P]
 *                     | c1 mask f32[6] | c3 mask f32[16*6] (1 connected, 0 not) | correct i32
 *   batch (per B)     labels u8[B] | indices u32[B] | raw f32[B*1024] (inputs before distortion)
 *                     | per layer l = 0..7, each [b][c][y][x]: out f32[B*n_l] | pre f32 | argmax u8 | dOut f32 | dPre f32
 *                     | col, dcol f32[max R*P_out] (im2col scratch: 25*784 for c1, 150*100 for c3)
 *   data (per set)    MNIST images u8[count*784] | labels u8[count], copied once (train, then test)
 *
 * P is sized for the largest architecture (with subsampling coefficients), so changing the
 * architecture never moves a buffer. `out` of layer 0 holds the network input; the output layer's
 * pre is the logits, out the softmax, dPre = dL/dz; dOut of layer 0 is dL/d(input).
 */
import type { LayerDeltaValues } from '../backwardFrame';
import type { Distortion } from '../data/distort';
import { gaussianTaps, type ElasticDistortion } from '../data/elastic';
import { INPUT_SIZE, type MnistSet } from '../data/mnistInput';
import type { ArchitectureOptions, LayerSpec } from '../model/layerSpec';
import { shapeSize } from '../model/layerSpec';
import { lenet5Layers } from '../model/lenet5';
import { parameterLayout, tensorSpec, type ParameterLayout } from '../model/parameters';
import type { ForwardPass } from '../reference/referenceNetwork';
import { WasmArena, type Pointer } from './wasmArena';
import { instantiateKernels, type Lenet5Kernels } from './wasmModule';

const PLANE = INPUT_SIZE * INPUT_SIZE;
const ACTIVATION = { relu: 0, tanh: 1, sigmoid: 2 } as const;
const POOLING = { max: 0, mean: 1, subsample: 2 } as const;
const SCRATCH_FLOATS = Math.max(25 * 28 * 28, 150 * 10 * 10);
/** The widest Gaussian an elastic field may use (data/elastic.ts caps its radius at 31). */
const MAX_RADIUS = INPUT_SIZE - 1;

/** One layer's buffers in the batch region. */
interface LayerBuffers {
  readonly size: number;
  readonly out: Pointer;
  readonly pre: Pointer;
  readonly argmax: Pointer;
  readonly dOut: Pointer;
  readonly dPre: Pointer;
}

interface BatchRegion {
  readonly capacity: number;
  readonly labels: Pointer;
  readonly indices: Pointer;
  readonly raw: Pointer;
  readonly layers: readonly LayerBuffers[];
  readonly col: Pointer;
  readonly dcol: Pointer;
}

/** A labelled set copied into the memory. */
interface HeldSet {
  readonly source: MnistSet;
  readonly images: Pointer;
  readonly labels: Pointer;
}

/** The WebAssembly engine's network: weights, momentum, batch buffers and datasets in wasm memory. */
export class WasmNetwork {
  private readonly kernels: Lenet5Kernels;
  private readonly arena: WasmArena;
  private readonly maxParameters: number;
  private readonly params: Pointer;
  private readonly grads: Pointer;
  private readonly velocityAt: Pointer;
  private readonly masks: { c1: Pointer; c3: Pointer };
  private readonly correct: Pointer;
  /** Elastic distortions: the Gaussian's taps (of `tapsSigma`), one field, and the blur's scratch. */
  private readonly elastic: { taps: Pointer; field: Pointer; scratch: Pointer };
  private tapsOf = { sigma: NaN, radius: 0 };
  private batch: BatchRegion | null = null;
  private readonly sets = new Map<'train' | 'test', HeldSet>();
  private architectureOptions: ArchitectureOptions | null = null;
  /** Per layer, where its tensors and their gradients are (weight = coeff for subsampling; 0 when absent). */
  private tensors: { weight: Pointer; bias: Pointer; dWeight: Pointer; dBias: Pointer }[] = [];
  layers: readonly LayerSpec[] = [];
  layout: ParameterLayout = { tensors: [], size: 0 };

  constructor(kernels: Lenet5Kernels = instantiateKernels()) {
    this.kernels = kernels;
    this.arena = new WasmArena(kernels.memory, kernels.heapBase());
    this.maxParameters = parameterLayout(
      lenet5Layers({ activation: 'tanh', pooling: 'subsample', c3Connectivity: 'full', loss: 'softmax-cross-entropy' }),
    ).size;
    this.params = this.arena.alloc(this.maxParameters * 4);
    this.grads = this.arena.alloc(this.maxParameters * 4);
    this.velocityAt = this.arena.alloc(this.maxParameters * 4);
    this.masks = { c1: this.arena.alloc(6 * 4), c3: this.arena.alloc(16 * 6 * 4) };
    this.correct = this.arena.alloc(16);
    this.elastic = {
      taps: this.arena.alloc((2 * MAX_RADIUS + 1) * 8),
      field: this.arena.alloc(2 * PLANE * 8),
      scratch: this.arena.alloc(2 * INPUT_SIZE * (INPUT_SIZE + 2 * MAX_RADIUS) * 8),
    };
  }

  get architecture(): ArchitectureOptions {
    if (!this.architectureOptions) throw new Error('no weights are loaded');
    return this.architectureOptions;
  }

  /** Replaces the architecture and weights; momentum restarts at 0 when `velocity` is null. */
  load(architecture: ArchitectureOptions, params: ArrayLike<number>, velocity: ArrayLike<number> | null): void {
    const layers = lenet5Layers(architecture);
    const layout = parameterLayout(layers);
    if (params.length !== layout.size) throw new Error(`expected ${layout.size} parameters, got ${params.length}`);
    if (velocity && velocity.length !== layout.size)
      throw new Error(`expected ${layout.size} velocities, got ${velocity.length}`);
    this.architectureOptions = architecture;
    this.layers = layers;
    this.layout = layout;
    this.tensors = layers.map((layer) => {
      const names =
        layer.kind === 'conv' || layer.kind === 'dense'
          ? ['weight', 'bias']
          : layer.kind === 'pool' && layer.pooling === 'subsample'
            ? ['coeff', 'bias']
            : null;
      if (!names) return { weight: 0, bias: 0, dWeight: 0, dBias: 0 };
      const [weight, bias] = names.map((name) => tensorSpec(layout, `${layer.id}.${name}`).offset * 4);
      return {
        weight: this.params + weight,
        bias: this.params + bias,
        dWeight: this.grads + weight,
        dBias: this.grads + bias,
      };
    });
    this.arena.f32(this.params, layout.size).set(params);
    const v = this.arena.f32(this.velocityAt, layout.size);
    if (velocity) v.set(velocity);
    else v.fill(0);
    this.arena.f32(this.masks.c1, 6).fill(1);
    const c3 = layers[3] as Extract<LayerSpec, { kind: 'conv' }>;
    const mask = this.arena.f32(this.masks.c3, 16 * 6).fill(0);
    c3.connections.forEach((inputs, oc) =>
      inputs.forEach((ic) => {
        mask[oc * 6 + ic] = 1;
      }),
    );
  }

  /** A copy of the weights. */
  parameters(): Float32Array {
    return this.arena.f32(this.params, this.layout.size).slice();
  }

  /** A copy of the momentum. */
  velocity(): Float32Array {
    return this.arena.f32(this.velocityAt, this.layout.size).slice();
  }

  /** A view of dL/dw of the last backward pass (valid until the memory grows). */
  gradients(): Float32Array {
    return this.arena.f32(this.grads, this.layout.size);
  }

  /** Images the batch buffers hold (0 before the first batch). */
  get capacity(): number {
    return this.batch?.capacity ?? 0;
  }

  /** Makes the batch buffers hold at least `n` images (allocated once per larger size). */
  reserve(n: number): BatchRegion {
    if (this.batch && this.batch.capacity >= n) return this.batch;
    const a = this.arena;
    const sizes = lenet5Layers().map((layer) => shapeSize(layer.shape));
    this.batch = {
      capacity: n,
      labels: a.alloc(n),
      indices: a.alloc(n * 4),
      raw: a.alloc(n * PLANE * 4),
      layers: sizes.map((size) => ({
        size,
        out: a.alloc(n * size * 4),
        pre: a.alloc(n * size * 4),
        argmax: a.alloc(n * size),
        dOut: a.alloc(n * size * 4),
        dPre: a.alloc(n * size * 4),
      })),
      col: a.alloc(SCRATCH_FLOATS * 4),
      dcol: a.alloc(SCRATCH_FLOATS * 4),
    };
    return this.batch;
  }

  /** Copies a labelled set into the memory once (again only when another set is given). */
  holdSet(slot: 'train' | 'test', set: MnistSet): void {
    if (this.sets.get(slot)?.source === set) return;
    const images = this.arena.alloc(set.images.length);
    const labels = this.arena.alloc(set.labels.length);
    this.arena.u8(images, set.images.length).set(set.images);
    this.arena.u8(labels, set.labels.length).set(set.labels);
    this.sets.set(slot, { source: set, images, labels });
  }

  /** Puts images `indices` of a held set into the input buffer (distorted when given) and their labels. */
  gather(slot: 'train' | 'test', indices: ArrayLike<number>, distortions: readonly Distortion[] | null): void {
    const set = this.sets.get(slot);
    if (!set) throw new Error(`no ${slot} set is held`);
    const n = indices.length;
    const batch = this.reserve(n);
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

  /** Computes one image's elastic displacement field into the field buffer; returns its address. */
  private elasticField(d: ElasticDistortion): Pointer {
    const { taps, field, scratch } = this.elastic;
    if (d.sigma !== this.tapsOf.sigma) {
      const weights = gaussianTaps(d.sigma);
      new Float64Array(this.kernels.memory.buffer, taps, weights.length).set(weights);
      this.tapsOf = { sigma: d.sigma, radius: (weights.length - 1) / 2 };
    }
    this.kernels.elasticField(d.seed, this.tapsOf.radius, taps, d.alpha, field, scratch);
    return field;
  }

  /** Writes `n` inputs (n x 1024 values) and labels into the batch buffers. */
  setInputs(inputs: ArrayLike<number>, labels: ArrayLike<number>, n: number): void {
    if (inputs.length < n * PLANE) throw new Error(`input holds ${inputs.length} values, need ${n * PLANE}`);
    const batch = this.reserve(n);
    const view = this.arena.f32(batch.layers[0].out, n * PLANE);
    for (let i = 0; i < n * PLANE; i++) view[i] = inputs[i];
    this.arena.u8(batch.labels, n).set(Array.from({ length: n }, (_, b) => labels[b] ?? 0));
  }

  /** Runs the first `n` inputs of the batch buffers through every layer; returns the batch-mean loss against the labels. */
  forward(n: number): number {
    const k = this.kernels;
    const batch = this.reserve(n);
    const arch = this.architecture;
    const act = ACTIVATION[arch.activation];
    for (let l = 1; l < this.layers.length; l++) {
      const layer = this.layers[l];
      const x = batch.layers[l - 1].out;
      const buffers = batch.layers[l];
      const count = n * buffers.size;
      const t = this.tensors[l];
      if (layer.kind === 'conv') {
        k.convForward(
          n,
          layer.inShape[0],
          layer.inShape[1],
          layer.shape[0],
          layer.kernelSize,
          x,
          t.weight,
          t.bias,
          buffers.pre,
          batch.col,
        );
        k.activate(act, count, buffers.pre, buffers.out);
      } else if (layer.kind === 'pool') {
        const sub = layer.pooling === 'subsample';
        k.poolForward(
          POOLING[layer.pooling],
          n * layer.shape[0],
          layer.shape[0],
          layer.shape[1],
          x,
          sub ? buffers.pre : buffers.out,
          buffers.argmax,
          t.weight,
          t.bias,
        );
        if (sub) k.activate(act, count, buffers.pre, buffers.out);
      } else if (layer.kind === 'dense') {
        k.denseForward(n, layer.inFeatures, layer.shape[0], x, t.weight, t.bias, buffers.pre);
        if (layer.activation !== 'softmax') k.activate(act, count, buffers.pre, buffers.out);
      }
    }
    const output = batch.layers[this.layers.length - 1];
    return k.softmaxLoss(
      arch.loss === 'softmax-cross-entropy' ? 0 : 1,
      n,
      output.size,
      output.pre,
      output.out,
      batch.labels,
      output.dPre,
      this.correct,
    );
  }

  /** Correct top-1 predictions of the last forward pass. */
  lastCorrect(): number {
    return new Int32Array(this.kernels.memory.buffer, this.correct, 1)[0];
  }

  /**
   * Backpropagates the last forward pass of `n` images into every delta and `gradients()`
   * (dL/d(input) too when `inputDelta`).
   */
  backward(n: number, inputDelta: boolean): void {
    const k = this.kernels;
    const batch = this.reserve(n);
    const act = ACTIVATION[this.architecture.activation];
    this.arena.f32(this.grads, this.layout.size).fill(0);
    const last = this.layers.length - 1;
    for (let l = last; l >= 1; l--) {
      const layer = this.layers[l];
      const buffers = batch.layers[l];
      const x = batch.layers[l - 1].out;
      const dx = l > 1 || inputDelta ? batch.layers[l - 1].dOut : 0;
      const hasPre = layer.kind !== 'pool' || layer.pooling === 'subsample';
      if (hasPre && l !== last)
        k.activationBackward(act, n * buffers.size, buffers.pre, buffers.out, buffers.dOut, buffers.dPre);
      const dy = hasPre ? buffers.dPre : buffers.dOut;
      const t = this.tensors[l];
      if (layer.kind === 'conv') {
        k.convBackward(
          n,
          layer.inShape[0],
          layer.inShape[1],
          layer.shape[0],
          layer.kernelSize,
          x,
          t.weight,
          dy,
          t.dWeight,
          t.dBias,
          dx,
          layer.id === 'c1' ? this.masks.c1 : this.masks.c3,
          batch.col,
          batch.dcol,
        );
      } else if (layer.kind === 'pool') {
        k.poolBackward(
          POOLING[layer.pooling],
          n * layer.shape[0],
          layer.shape[0],
          layer.shape[1],
          x,
          dy,
          buffers.argmax,
          dx,
          t.weight,
          t.dWeight,
          t.dBias,
        );
      } else if (layer.kind === 'dense') {
        k.denseBackward(n, layer.inFeatures, layer.shape[0], x, t.weight, dy, t.dWeight, t.dBias, dx);
      }
    }
  }

  /** One momentum-SGD update from `gradients()` (src/engine/reference/sgd.ts). */
  sgdStep(learningRate: number, momentum: number, weightDecay: number): void {
    this.kernels.sgdStep(
      this.layout.size,
      this.params,
      this.grads,
      this.velocityAt,
      learningRate,
      momentum,
      weightDecay,
    );
  }

  /** The last forward pass of `n` images as views (valid until the memory grows). */
  pass(n: number): ForwardPass {
    const batch = this.reserve(n);
    return {
      batchSize: n,
      layers: this.layers.map((layer, l) => {
        const b = batch.layers[l];
        const count = n * b.size;
        const hasPre =
          layer.kind === 'conv' || layer.kind === 'dense' || (layer.kind === 'pool' && layer.pooling === 'subsample');
        return {
          id: layer.id,
          out: this.arena.f32(b.out, count),
          pre: hasPre ? this.arena.f32(b.pre, count) : null,
          argmax: layer.kind === 'pool' && layer.pooling === 'max' ? this.arena.u8(b.argmax, count) : null,
        };
      }),
    };
  }

  /** Every layer's deltas of the last backward pass of `n` images, as views. */
  deltas(n: number): LayerDeltaValues[] {
    const batch = this.reserve(n);
    const last = this.layers.length - 1;
    return this.layers.map((layer, l) => {
      const b = batch.layers[l];
      const count = n * b.size;
      const hasPre =
        layer.kind === 'conv' || layer.kind === 'dense' || (layer.kind === 'pool' && layer.pooling === 'subsample');
      return {
        dOut: this.arena.f32(l === last ? b.dPre : b.dOut, count),
        dPre: hasPre ? this.arena.f32(b.dPre, count) : null,
      };
    });
  }
}
