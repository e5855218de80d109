/** The WebAssembly SIMD engine behind the worker: the engine when WebGL2 is missing or only a software renderer. */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { PlannedBatch, TrainingSettings } from '../engine/batchPlan';
import type { MnistSet } from '../engine/data/mnistInput';
import type { LossStatistics } from '../engine/gpu/gpuTrainer';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { WasmNetwork } from '../engine/wasm/wasmNetwork';
import { backwardFrame, evaluateWasm, inferFrame } from '../engine/wasm/wasmReadout';
import { WasmTrainer } from '../engine/wasm/wasmTrainer';
import type { ComputeBackend } from './computeBackend';
import type { Hyperparameters } from './protocol';

/** The wasm backend: everything runs synchronously in the worker, like the CPU reference. */
export class WasmBackend implements ComputeBackend {
  readonly kind = 'wasm' as const;
  readonly renderer = 'WebAssembly SIMD (f32x4)';
  private readonly network = new WasmNetwork();
  private loaded = false;
  private trainer: WasmTrainer | null = null;
  private totals = { loss: 0, correct: 0, images: 0 };

  private require(): WasmNetwork {
    if (!this.loaded) throw new Error('no weights are loaded');
    return this.network;
  }

  load(architecture: ArchitectureOptions, params: Float32Array, velocity: Float32Array | null): void {
    this.network.load(architecture, params, velocity);
    this.loaded = true;
    this.trainer = null;
  }

  parameters(): Float32Array {
    return this.require().parameters();
  }

  velocity(): Float32Array {
    return this.require().velocity();
  }

  async snapshot() {
    return { params: this.parameters(), velocity: this.velocity() };
  }

  infer(input: Float32Array): ActivationFrame {
    return inferFrame(this.require(), input);
  }

  backward(input: Float32Array, label: number): { frame: ActivationFrame; backward: BackwardFrame } {
    return backwardFrame(this.require(), input, label);
  }

  beginTraining(train: MnistSet, settings: TrainingSettings, stepsDone: number): void {
    this.trainer = new WasmTrainer(this.require(), settings, train, stepsDone);
  }

  settle(): Promise<void> {
    return Promise.resolve();
  }

  trainStep(hyperparameters: Hyperparameters): PlannedBatch {
    if (!this.trainer) throw new Error('training has not begun');
    const { learningRate, momentum, weightDecay } = hyperparameters;
    let progress;
    try {
      progress = this.trainer.trainBatch(learningRate, { momentum, weightDecay });
    } catch (error) {
      // A non-finite loss leaves the weights untouched; the statistics carry it to the host.
      this.totals.loss = NaN;
      this.totals.images += this.trainer.settings.batchSize;
      throw error;
    }
    this.totals.loss += progress.loss * progress.images;
    this.totals.correct += progress.correct;
    this.totals.images += progress.images;
    return { epoch: progress.epoch, indices: new Uint32Array(0), distortions: null, imagesDone: progress.imagesDone,
      imagesInEpoch: progress.imagesInEpoch };
  }

  async readStatistics(): Promise<LossStatistics | null> {
    const { loss, correct, images } = this.totals;
    this.totals = { loss: 0, correct: 0, images: 0 };
    return images === 0 ? null : { loss: loss / images, accuracy: correct / images, images };
  }

  async evaluate(test: MnistSet, limit: number): Promise<LossStatistics> {
    const result = evaluateWasm(this.require(), test, limit);
    return { loss: result.loss, accuracy: result.accuracy, images: result.count };
  }

  counters() {
    return { draws: 0, syncReadbacks: 0, liveTextures: 0 };
  }

  isLost(): boolean {
    return false;
  }

  dispose(): void {
    this.trainer = null;
    this.loaded = false;
  }
}
