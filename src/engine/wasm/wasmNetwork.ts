/**
 * The WebAssembly SIMD LeNet-5: the same forward and backward passes as the reference engine
 * (src/engine/reference/, the oracle for every formula), computed by the module's passes
 * (assembly/network.ts) over buffers that live in its one memory (layout: wasmBuffers.ts), described
 * to it by a descriptor (wasmDescriptor.ts). Inputs come from wasmInputs.ts, weights are loaded by
 * wasmWeights.ts. A learned c3 runs the full c3 kernels on its effective kernels α k (wasmCombination.ts).
 */
import type { LayerDeltaValues } from '../backwardFrame';
import type { Distortion } from '../data/distort';
import type { MnistSet } from '../data/mnistInput';
import type { ArchitectureOptions, LayerSpec } from '../model/layerSpec';
import type { ParameterLayout } from '../model/parameters';
import type { ForwardPass } from '../reference/referenceNetwork';
import type { AlphaPenalty } from '../model/learnedCombination';
import { WasmArena } from './wasmArena';
import type { WasmCombination } from './wasmCombination';
import { allocateBatch, allocateFixed, MAX_PARAMETERS, PLANE, type BatchRegion, type FixedRegion } from './wasmBuffers';
import { DESCRIPTOR_WORDS, PROFILE_SLOTS, writeDescriptor, type LayerTensors } from './wasmDescriptor';
import type { StartHelper } from './wasmHelper';
import { WasmInputs, type SetSlot } from './wasmInputs';
import {
  createSharedMemory,
  instantiateKernels,
  instantiateSharedKernels,
  sharedModule,
  type Lenet5Kernels,
} from './wasmModule';
import { WasmTeam } from './wasmTeam';
import { deltaViews, passViews } from './wasmViews';
import { loadWeights } from './wasmWeights';

/** Images a training batch is split into, so that each chunk's activations stay in the cache. */
export const TRAINING_CHUNK = 16;

/** The WebAssembly engine's network: weights, momentum, batch buffers and datasets in wasm memory. */
export class WasmNetwork {
  private readonly kernels: Lenet5Kernels;
  private readonly arena: WasmArena;
  private readonly inputs: WasmInputs;
  private readonly fixed: FixedRegion;
  private profiling = false;
  private team: WasmTeam | null = null;
  private batch: BatchRegion | null = null;
  private architectureOptions: ArchitectureOptions | null = null;
  private tensors: LayerTensors[] = [];
  private combination: WasmCombination | null = null;
  layers: readonly LayerSpec[] = [];
  layout: ParameterLayout = { tensors: [], size: 0 };

  constructor(kernels: Lenet5Kernels = instantiateKernels()) {
    this.kernels = kernels;
    this.arena = new WasmArena(kernels.memory, kernels.heapBase());
    this.fixed = allocateFixed(this.arena);
    this.inputs = new WasmInputs(kernels, this.arena);
  }

  /** A network whose helper thread (started by `start`) trains half of each batch where memory can be shared, else a one-thread one. */
  static create(start: StartHelper | null): WasmNetwork {
    const module = start ? sharedModule() : null;
    if (!start || !module) return new WasmNetwork();
    const network = new WasmNetwork(instantiateSharedKernels(module, createSharedMemory()));
    try {
      network.team = new WasmTeam(network.kernels, network.arena, module, MAX_PARAMETERS, TRAINING_CHUNK, start);
    } catch {
      // No thread could be started here (no Worker, say): the network trains on one thread.
    }
    return network;
  }

  /** Whether a helper thread was started (it may still be starting: see `threads`). */
  get canShare(): boolean {
    return this.team !== null;
  }

  /** Threads training a batch now: 2 once a helper thread has started and while it answers, else 1. */
  get threads(): number {
    return this.team?.ready ? 2 : 1;
  }

  /** Stops the helper thread, if any (the network still trains, on one thread). */
  dispose(): void {
    this.team?.stop();
    this.team = null;
  }

  get architecture(): ArchitectureOptions {
    return this.requireWeights();
  }

  private requireWeights(): ArchitectureOptions {
    if (!this.architectureOptions) throw new Error('no weights are loaded');
    return this.architectureOptions;
  }

  /** Replaces the architecture and weights; momentum restarts at 0 when `velocity` is null (wasmWeights.ts). */
  load(architecture: ArchitectureOptions, params: ArrayLike<number>, velocity: ArrayLike<number> | null): void {
    const loaded = loadWeights(this.arena, this.fixed, architecture, params, velocity);
    this.architectureOptions = architecture;
    ({ layers: this.layers, layout: this.layout, tensors: this.tensors, combination: this.combination } = loaded);
    this.describe();
  }

  /** Rewrites the descriptor after the weights' architecture or the batch buffers changed. */
  private describe(): void {
    if (!this.batch || !this.architectureOptions) return;
    const parts = {
      architecture: this.architectureOptions,
      tensors: this.tensors,
      masks: this.fixed.masks,
      correct: this.fixed.correct,
      batch: this.batch,
      profile: this.profiling ? this.fixed.profile : 0,
    };
    writeDescriptor(new Int32Array(this.kernels.memory.buffer, this.fixed.descriptor, DESCRIPTOR_WORDS), parts);
    this.team?.describe(parts, this.fixed.grads);
  }

  /** A copy of the weights. */
  parameters(): Float32Array {
    return this.arena.f32(this.fixed.params, this.layout.size).slice();
  }

  /** A copy of the momentum. */
  velocity(): Float32Array {
    return this.arena.f32(this.fixed.velocity, this.layout.size).slice();
  }

  /** A view of dL/dw of the last backward pass (valid until the memory grows). */
  gradients(): Float32Array {
    return this.arena.f32(this.fixed.grads, this.layout.size);
  }

  /** Images the batch buffers hold (0 before the first batch). */
  get capacity(): number {
    return this.batch?.capacity ?? 0;
  }

  /** Makes the batch buffers hold at least `n` images (allocated once per larger size). */
  reserve(n: number): BatchRegion {
    if (this.batch && this.batch.capacity >= n) return this.batch;
    this.batch = allocateBatch(this.arena, n);
    this.describe();
    return this.batch;
  }

  /** Copies a labelled set into the memory once (again only when another set is given). */
  holdSet(slot: SetSlot, set: MnistSet): void {
    this.inputs.holdSet(slot, set);
  }

  /** Puts images `indices` of a held set into the input buffer (distorted when given) and their labels. */
  gather(slot: SetSlot, indices: ArrayLike<number>, distortions: readonly Distortion[] | null): void {
    this.inputs.gather(this.reserve(indices.length), slot, indices, distortions);
  }

  /** Writes `n` inputs (n x 1024 values) and labels into the batch buffers. */
  setInputs(inputs: ArrayLike<number>, labels: ArrayLike<number>, n: number): void {
    this.inputs.setInputs(this.reserve(n), inputs, labels, n);
  }

  /** Runs the first `n` inputs of the batch buffers through every layer; returns the batch-mean loss against the labels. */
  forward(n: number): number {
    const batch = this.reserve(n);
    this.requireWeights();
    return this.kernels.forward(this.fixed.descriptor, n, batch.layers[0].out, batch.labels, n) / n;
  }

  /** Correct top-1 predictions of the last forward pass (or training batch). */
  lastCorrect(): number {
    return new Int32Array(this.kernels.memory.buffer, this.fixed.correct, 1)[0];
  }

  /**
   * Backpropagates the last forward pass of `n` images into every delta and `gradients()` (dL/d(input) too
   * when `inputDelta`). With `top` below the output it starts from the dPre the caller wrote into layer `top`.
   */
  backward(n: number, inputDelta: boolean, top = this.layers.length - 1): void {
    const batch = this.reserve(n);
    this.arena.f32(this.fixed.grads, this.layout.size).fill(0);
    this.kernels.backwardFrom(this.fixed.descriptor, n, batch.layers[0].out, inputDelta, top);
    this.combination?.mapGradients();
  }

  /**
   * Forward and backward of the `n` inputs in the batch buffers, in chunks of `chunk` images (the second
   * half on the helper thread when there is one), into `gradients()` (of the batch mean); returns the
   * batch-mean loss. The layers' buffers then hold the last chunk only.
   */
  trainBatch(n: number, chunk = TRAINING_CHUNK): number {
    const batch = this.reserve(n);
    this.requireWeights();
    const { descriptor, grads, correct } = this.fixed;
    const [input, labels, count, size] = [batch.layers[0].out, batch.labels, this.layout.size, Math.min(n, chunk)];
    const run = (images: number, first: number, zero: boolean) => {
      const at = input + first * PLANE * 4;
      const loss = this.kernels.trainBatch(descriptor, images, size, at, labels + first, grads, zero ? count : 0, n);
      return { loss, correct: this.lastCorrect() };
    };
    const total = this.team ? this.team.train(n, size, { input, labels, grads, count }, run) : run(n, 0, true);
    new Int32Array(this.kernels.memory.buffer, correct, 1)[0] = total.correct;
    this.combination?.mapGradients();
    return total.loss / n;
  }

  /** Adds λ times a penalty on α into c3.alphaLogits' gradient (nothing without learned combinations); returns λ P. */
  addAlphaPenalty(kind: AlphaPenalty, lambda: number): number {
    return this.combination?.addPenalty(kind, lambda) ?? 0;
  }

  /** One momentum-SGD update from `gradients()` (src/engine/reference/sgd.ts). */
  sgdStep(learningRate: number, momentum: number, weightDecay: number): void {
    this.kernels.sgdStep(
      this.layout.size,
      this.fixed.params,
      this.fixed.grads,
      this.fixed.velocity,
      learningRate,
      momentum,
      weightDecay,
    );
    this.combination?.compose();
  }

  /** Turns the per-layer timing on (from zero) or off (keeping it for `profile()`). */
  setProfiling(on: boolean): void {
    this.profiling = on;
    if (on) new Float64Array(this.kernels.memory.buffer, this.fixed.profile, PROFILE_SLOTS).fill(0);
    this.describe();
  }

  /** Milliseconds spent per layer since profiling was turned on: [l][0 forward, 1 backward]. */
  profile(): number[][] {
    const table = new Float64Array(this.kernels.memory.buffer, this.fixed.profile, PROFILE_SLOTS);
    return Array.from({ length: PROFILE_SLOTS / 2 }, (_, l) => [table[2 * l], table[2 * l + 1]]);
  }

  /** The last forward pass of `n` images as views (valid until the memory grows). */
  pass(n: number): ForwardPass {
    return passViews(this.arena, this.layers, this.reserve(n), n);
  }

  /** Every layer's deltas of the last backward pass of `n` images, as views. */
  deltas(n: number): LayerDeltaValues[] {
    return deltaViews(this.arena, this.layers, this.reserve(n), n);
  }
}
