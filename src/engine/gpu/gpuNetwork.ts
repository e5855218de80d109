/**
 * LeNet-5 on WebGL2: forward, backward (their draws: gpuPasses.ts) and the momentum update as a short
 * list of fused draws over textures that stay on the GPU. One instance owns its programs, parameter
 * atlases and batch buffers.
 */
import type { ActivationFrame } from '../activationFrame';
import type { BackwardFrame } from '../backwardFrame';
import type { ArchitectureOptions, LayerSpec } from '../model/layerSpec';
import { lenet5Layers } from '../model/lenet5';
import { parameterLayout } from '../model/parameters';
import type { SgdSettings } from '../reference/sgd';
import { allocateBatch, releaseBatch, type BatchBuffers } from './batchBuffers';
import { readBackwardFrame } from './gpuBackwardFrame';
import { GpuCombination, type PenaltySetting } from './gpuCombination';
import { drawBackward, drawForward } from './gpuPasses';
import { KernelRunner } from './gpuProgram';
import { ATLAS_WIDTH, atlasHeight, TexturePool, type GpuTexture } from './gpuTexture';
import { NetworkPrograms } from './networkPrograms';
import { FrameReader } from './frameReader';
import { unpackLayer } from './packedLayout';

/**
 * The GPU engine's network: programs compiled once, weights and momentum in two ping-pong atlases,
 * and the packed weight atlas the kernels read, rebuilt (one draw) before a forward pass whenever
 * the parameters changed.
 */
export class GpuNetwork {
  readonly runner: KernelRunner;
  readonly pool: TexturePool;
  readonly programs: NetworkPrograms;
  private readonly params: [GpuTexture, GpuTexture];
  private readonly velocity: [GpuTexture, GpuTexture];
  private current = 0;
  private readonly batches = new Map<number, BatchBuffers>();
  private readonly frames: FrameReader;
  private readonly weightAtlas: GpuTexture;
  private weightsStale = true;
  /** A learned c3's true parameters (the GPU runs the full c3 of its effective kernels), else null. */
  private readonly combination: GpuCombination | null;
  /** The layers, in order (the architecture's: a learned c3 says so). */
  readonly layers: readonly LayerSpec[];
  /** Parameters in the run format's layout. */
  readonly size: number;

  constructor(
    readonly gl: WebGL2RenderingContext,
    readonly options: ArchitectureOptions,
  ) {
    this.runner = new KernelRunner(gl);
    this.pool = new TexturePool(gl);
    const learned = options.c3Connectivity === 'learned';
    this.programs = new NetworkPrograms(this.runner, learned ? { ...options, c3Connectivity: 'full' } : options);
    this.layers = lenet5Layers(options);
    const layout = parameterLayout(this.layers);
    this.size = layout.size;
    this.combination = learned ? new GpuCombination(layout, this.programs.layout) : null;
    const rows = atlasHeight(this.programs.layout.size);
    this.params = [this.pool.acquire(ATLAS_WIDTH, rows), this.pool.acquire(ATLAS_WIDTH, rows)];
    this.velocity = [this.pool.acquire(ATLAS_WIDTH, rows), this.pool.acquire(ATLAS_WIDTH, rows)];
    this.frames = new FrameReader(this.programs.layers, this.runner.reader);
    this.weightAtlas = this.pool.acquire(ATLAS_WIDTH, atlasHeight(this.programs.packed.size), 'rgba32f');
  }

  /** Uploads parameters (run-format order) and, optionally, momentum; momentum otherwise restarts at 0. */
  setParameters(params: Float32Array, velocity: Float32Array | null = null): void {
    if (params.length !== this.size) throw new Error(`expected ${this.size} parameters, got ${params.length}`);
    if (this.combination) ({ params, velocity } = this.combination.load(params, velocity));
    const rows = this.params[0].height;
    const padded = new Float32Array(ATLAS_WIDTH * rows);
    padded.set(params);
    this.pool.upload(this.params[this.current], padded);
    padded.fill(0);
    if (velocity) padded.set(velocity);
    this.pool.upload(this.velocity[this.current], padded);
    this.weightsStale = true;
  }

  /** Rebuilds the packed weight atlas from the parameters when they changed (one draw). */
  private packedWeights(): GpuTexture {
    if (this.weightsStale) {
      this.runner.run(this.programs.packWeights, [this.params[this.current]], [this.weightAtlas]);
      this.weightsStale = false;
    }
    return this.weightAtlas;
  }

  /** Reads the parameters back (a synchronous readback: for checkpoints, not per step). */
  readParameters(): Float32Array {
    return this.toTrue(this.runner.reader.readSync(this.params[this.current]), 'params');
  }

  /** Values read from an atlas in the run format's layout (a learned c3's kernels and logits are kept here). */
  private toTrue(atlas: Float32Array, which: 'params' | 'velocity'): Float32Array {
    const full = atlas.slice(0, this.programs.layout.size);
    return this.combination ? this.combination.fromFull(full, which) : full;
  }

  /** Reads parameters and momentum without stalling (pixel-pack buffers and a fence). */
  async readStateAsync(waitTurn: () => Promise<void>): Promise<{ params: Float32Array; velocity: Float32Array }> {
    const [params, velocity] = await Promise.all([
      this.runner.reader.readAsync(this.params[this.current], waitTurn),
      this.runner.reader.readAsync(this.velocity[this.current], waitTurn),
    ]);
    return { params: this.toTrue(params, 'params'), velocity: this.toTrue(velocity, 'velocity') };
  }

  /** Reads the momentum back (synchronous), to carry a run over to another engine. */
  readVelocity(): Float32Array {
    return this.toTrue(this.runner.reader.readSync(this.velocity[this.current]), 'velocity');
  }

  /** The buffers of a batch size, allocated on first use. */
  buffers(batchSize: number): BatchBuffers {
    let buffers = this.batches.get(batchSize);
    if (!buffers) {
      buffers = allocateBatch(this.pool, this.programs, batchSize);
      this.batches.set(batchSize, buffers);
    }
    return buffers;
  }

  /**
   * Uploads `batchSize` 32x32 inputs and their labels. Without labels (inference) the labels of an
   * earlier batch stay, and the loss outputs of the next forward pass mean nothing.
   */
  uploadBatch(inputs: Float32Array, batchSize: number, labels: ArrayLike<number> | null = null): BatchBuffers {
    const buffers = this.buffers(batchSize);
    // The input is a packed map of one channel: (value, 0, 0, 0) per texel.
    const texels = new Float32Array(batchSize * 1024 * 4);
    for (let i = 0; i < batchSize * 1024; i++) texels[i * 4] = inputs[i];
    this.pool.upload(buffers.layers[0].out, texels);
    if (labels) {
      const items = new Float32Array(batchSize * 4);
      for (let b = 0; b < batchSize; b++) items[b * 4] = labels[b];
      this.pool.upload(buffers.labels, items);
    }
    return buffers;
  }

  /** Runs every layer forward over the batch already in `buffers` (and the output's softmax and loss). */
  forward(buffers: BatchBuffers): void {
    drawForward(this.runner, this.programs, this.packedWeights(), buffers);
  }

  /**
   * Backpropagates the loss of the last forward pass: every layer's dOut and dPre (down to c1, or
   * to the input when `toInput`) and every parameter gradient (two-pass reductions).
   */
  backward(buffers: BatchBuffers, toInput = false): void {
    drawBackward(this.runner, this.programs, this.packedWeights(), buffers, toInput);
  }

  /**
   * One momentum-SGD update of every parameter from the gradients in `buffers` (one draw; with a learned
   * c3, also a readback of its gradient and an upload of its new effective kernels: gpuCombination.ts).
   */
  update(buffers: BatchBuffers, settings: SgdSettings, penalty: PenaltySetting = NO_PENALTY): void {
    const next = 1 - this.current;
    this.runner.run(
      this.programs.sgd,
      [this.params[this.current], this.velocity[this.current], ...this.gradientTextures(buffers)],
      [this.params[next], this.velocity[next]],
      { ...settings },
    );
    this.current = next;
    this.weightsStale = true;
    if (this.combination) {
      const gradient = this.runner.reader.readSync(buffers.layers[3].gradient!);
      const effective = this.combination.step(gradient, settings, penalty);
      this.pool.uploadRange(this.params[this.current], this.combination.fullKernels.offset, effective);
    }
  }

  /** The reduced gradient textures of every parameterised layer, in slot order. */
  private gradientTextures(buffers: BatchBuffers): GpuTexture[] {
    return [...this.programs.gradientSlots.keys()].map((l) => buffers.layers[l].gradient!);
  }

  /** The gradients of the last backward pass in run-format order (a synchronous readback: for tests and inspection). */
  readGradients(buffers: BatchBuffers): Float32Array {
    const atlas = this.pool.acquire(ATLAS_WIDTH, this.params[0].height);
    try {
      this.runner.run(this.programs.gradientAtlas, this.gradientTextures(buffers), [atlas]);
      const full = this.runner.reader.readSync(atlas).slice(0, this.programs.layout.size);
      return this.combination ? this.combination.gradientsFromFull(full) : full;
    } finally {
      this.pool.release(atlas);
    }
  }

  /**
   * Every layer's values for one 32x32 input (activations, pre-activations, max-pool winners) as a
   * frame: one upload, the forward draws and one readback of all the layer textures.
   */
  infer(input: Float32Array): ActivationFrame {
    const buffers = this.uploadBatch(input, 1);
    this.forward(buffers);
    return this.frames.read(buffers, input);
  }

  /**
   * The forward frame and the backward pass of one 32x32 input against `label`: every layer's dOut
   * and dPre down to the input, and every parameter gradient (synchronous readbacks: one image, on demand).
   */
  backwardOne(input: Float32Array, label: number): { frame: ActivationFrame; backward: BackwardFrame } {
    const buffers = this.uploadBatch(input, 1, [label]);
    this.forward(buffers);
    this.backward(buffers, true);
    const frame = this.frames.read(buffers, input);
    const backward = readBackwardFrame(this, buffers, frame, label);
    return { frame, backward };
  }

  /** Reads a whole layer texture of a batch as [b][c][y][x] (for tests and deltas). */
  readLayer(buffers: BatchBuffers, l: number, part: 'out' | 'second' | 'dOut' | 'dPre'): Float32Array {
    const texture = buffers.layers[l][part];
    if (!texture) throw new Error(`layer ${this.programs.layers[l].id} has no ${part} texture`);
    return unpackLayer(this.programs.layers[l], buffers.batchSize, this.runner.reader.readSync(texture), texture.width);
  }

  /** Frees every texture and program. */
  dispose(): void {
    for (const buffers of this.batches.values()) releaseBatch(this.pool, buffers);
    this.batches.clear();
    for (const t of [...this.params, ...this.velocity, this.weightAtlas]) this.pool.release(t);
    this.pool.dispose();
    this.runner.dispose();
  }
}

const NO_PENALTY: PenaltySetting = { kind: 'none', lambda: 0 };
