/** The reference engine behind the worker: the fallback when WebGL2 cannot run, and the Node-tested oracle. */
import { frameFromPass, type ActivationFrame } from '../engine/activationFrame';
import { buildBackwardFrame, referenceDeltas, type BackwardFrame } from '../engine/backwardFrame';
import type { PlannedBatch, TrainingSettings } from '../engine/batchPlan';
import type { MnistSet } from '../engine/data/mnistInput';
import { evaluateNetwork } from '../engine/evaluate';
import type { LossStatistics } from '../engine/gpu/gpuTrainer';
import type { AttributionEngine } from '../engine/interpret/attributionEngine';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { lenet5Layers } from '../engine/model/lenet5';
import { referenceEngine } from '../engine/reference/referenceAttribution';
import { ReferenceNetwork } from '../engine/reference/referenceNetwork';
import type { ParameterLayerStats } from '../engine/reference/stepStats';
import { ReferenceTrainer } from '../engine/referenceTrainer';
import type { ComputeBackend } from './computeBackend';
import type { Hyperparameters } from './protocol';
import { TrainingTotals } from './trainingTotals';

/** The CPU backend. */
export class CpuBackend implements ComputeBackend {
  readonly kind = 'cpu' as const;
  readonly renderer = 'CPU (reference engine)';
  private network: ReferenceNetwork | null = null;
  private architecture: ArchitectureOptions | null = null;
  private trainer: ReferenceTrainer | null = null;
  private pendingVelocity: Float32Array | null = null;
  private readonly totals = new TrainingTotals();

  private require(): ReferenceNetwork {
    if (!this.network) throw new Error('no weights are loaded');
    return this.network;
  }

  load(architecture: ArchitectureOptions, params: Float32Array, velocity: Float32Array | null): void {
    this.architecture = architecture;
    this.network = new ReferenceNetwork(lenet5Layers(architecture), architecture.loss, Float32Array.from(params));
    this.pendingVelocity = velocity;
    this.trainer = null;
  }

  parameters(): Float32Array {
    return Float32Array.from(this.require().params);
  }

  velocity(): Float32Array {
    return this.trainer ? Float32Array.from(this.trainer.velocity) : new Float32Array(this.require().layout.size);
  }

  async snapshot() {
    return { params: this.parameters(), velocity: this.velocity() };
  }

  infer(input: Float32Array): ActivationFrame {
    const network = this.require();
    return frameFromPass(network.layers, network.forward(input, 1));
  }

  backward(input: Float32Array, label: number): { frame: ActivationFrame; backward: BackwardFrame } {
    const network = this.require();
    const pass = network.forward(input, 1);
    const result = network.backward(pass, [label]);
    const output = pass.layers[pass.layers.length - 1];
    return {
      frame: frameFromPass(network.layers, pass),
      backward: buildBackwardFrame(
        network.layers,
        network.loss,
        referenceDeltas(result.deltas),
        result.gradients,
        output.out,
        output.pre!,
        label,
      ),
    };
  }

  attributionEngine(): AttributionEngine {
    return referenceEngine(this.require());
  }

  beginTraining(train: MnistSet, settings: TrainingSettings, stepsDone: number): void {
    const network = this.require();
    this.trainer = new ReferenceTrainer(
      this.architecture!,
      settings,
      train,
      Float32Array.from(network.params),
      this.trainer?.velocity ?? this.pendingVelocity,
      stepsDone,
    );
    this.network = this.trainer.network;
  }

  settle(): Promise<void> {
    return Promise.resolve();
  }

  trainStep(hyperparameters: Hyperparameters): PlannedBatch {
    return this.totals.step(this.trainer, hyperparameters);
  }

  /** Per parameter layer, the last training step's gradient, velocity and update figures (null before one). */
  layerStats(): ParameterLayerStats[] | null {
    return this.trainer?.lastStepStats() ?? null;
  }

  async readStatistics(): Promise<LossStatistics | null> {
    return this.totals.read();
  }

  async evaluate(test: MnistSet, limit: number): Promise<LossStatistics> {
    const result = evaluateNetwork(this.require(), test, 500, limit);
    return { loss: result.loss, accuracy: result.accuracy, images: result.count };
  }

  counters() {
    return { draws: 0, syncReadbacks: 0, liveTextures: 0 };
  }

  isLost(): boolean {
    return false;
  }

  dispose(): void {
    this.network = null;
    this.trainer = null;
  }
}
