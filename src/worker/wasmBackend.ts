/**
 * The WebAssembly SIMD engine behind the worker: the engine when WebGL2 is missing, only a software
 * renderer, or its context is lost. Where the page is cross-origin isolated (shared memory) it trains on
 * two threads (a helper Worker takes half of each batch); elsewhere on one.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { PlannedBatch, TrainingSettings } from '../engine/batchPlan';
import type { MnistSet } from '../engine/data/mnistInput';
import type { LossStatistics } from '../engine/gpu/gpuTrainer';
import type { AttributionEngine } from '../engine/interpret/attributionEngine';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { wasmEngine } from '../engine/wasm/wasmAttribution';
import { startBrowserHelper } from '../engine/wasm/browserHelper';
import { WasmNetwork } from '../engine/wasm/wasmNetwork';
import { backwardFrame, evaluateWasm, inferFrame } from '../engine/wasm/wasmReadout';
import { WasmTrainer } from '../engine/wasm/wasmTrainer';
import type { ComputeBackend } from './computeBackend';
import type { Hyperparameters } from './protocol';
import { TrainingTotals } from './trainingTotals';

/** The wasm backend: everything runs synchronously in the worker, like the CPU reference. */
export class WasmBackend implements ComputeBackend {
  readonly kind = 'wasm' as const;
  readonly renderer: string;
  private readonly network: WasmNetwork;
  private loaded = false;
  private trainer: WasmTrainer | null = null;
  private readonly totals = new TrainingTotals();

  /** `threads` 2 starts a helper thread where the memory can be shared; 1 never does. */
  constructor(threads: 1 | 2 = 2) {
    this.network = WasmNetwork.create(threads === 2 ? startBrowserHelper : null);
    this.renderer = `WebAssembly SIMD (f32x4)${this.network.canShare ? ', training on 2 threads' : ''}`;
  }

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

  attributionEngine(): AttributionEngine {
    return wasmEngine(this.require());
  }

  beginTraining(train: MnistSet, settings: TrainingSettings, stepsDone: number): void {
    this.trainer = new WasmTrainer(this.require(), settings, train, stepsDone);
  }

  settle(): Promise<void> {
    return Promise.resolve();
  }

  trainStep(hyperparameters: Hyperparameters): PlannedBatch {
    return this.totals.step(this.trainer, hyperparameters);
  }

  async readStatistics(): Promise<LossStatistics | null> {
    return this.totals.read();
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
    this.network.dispose();
  }
}
