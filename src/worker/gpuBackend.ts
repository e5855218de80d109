/** The WebGL2 engine behind the worker, on an OffscreenCanvas context created and checked at start. */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { PlannedBatch, TrainingSettings } from '../engine/batchPlan';
import type { MnistSet } from '../engine/data/mnistInput';
import { gpuEngine } from '../engine/gpu/gpuAttribution';
import { createComputeContext } from '../engine/gpu/glContext';
import { GpuNetwork } from '../engine/gpu/gpuNetwork';
import { evaluateOnGpu, GpuTrainer, uploadDataset, type LossStatistics } from '../engine/gpu/gpuTrainer';
import type { GpuTexture } from '../engine/gpu/gpuTexture';
import type { AttributionEngine } from '../engine/interpret/attributionEngine';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import type { ComputeBackend, WaitTurn } from './computeBackend';
import type { Hyperparameters } from './protocol';

/** The GPU backend; its constructor throws with the reason when WebGL2 cannot be used here. */
export class GpuBackend implements ComputeBackend {
  readonly kind = 'webgl2' as const;
  readonly renderer: string;
  private readonly gl: WebGL2RenderingContext;
  private lost = false;
  private network: GpuNetwork | null = null;
  private trainer: GpuTrainer | null = null;
  private testSet: { set: MnistSet; texture: GpuTexture } | null = null;

  constructor(onContextLost: () => void = () => {}, onContextRestored: () => void = () => {}) {
    const { gl, canvas, capabilities } = createComputeContext();
    this.gl = gl;
    this.renderer = capabilities.renderer;
    canvas.addEventListener('webglcontextlost', (event) => {
      event.preventDefault(); // asks the browser to restore the context later
      this.lost = true;
      onContextLost();
    });
    canvas.addEventListener('webglcontextrestored', () => onContextRestored());
  }

  private require(): GpuNetwork {
    if (!this.network) throw new Error('no weights are loaded');
    return this.network;
  }

  load(architecture: ArchitectureOptions, params: Float32Array, velocity: Float32Array | null): void {
    const same = this.network && JSON.stringify(this.network.options) === JSON.stringify(architecture);
    if (!same) {
      this.disposeNetwork();
      this.network = new GpuNetwork(this.gl, architecture);
    }
    this.trainer?.dispose();
    this.trainer = null;
    this.network!.setParameters(params, velocity);
  }

  parameters(): Float32Array {
    return this.require().readParameters();
  }

  velocity(): Float32Array {
    return this.require().readVelocity();
  }

  snapshot(waitTurn: WaitTurn) {
    return this.require().readStateAsync(waitTurn);
  }

  infer(input: Float32Array): ActivationFrame {
    return this.require().infer(input);
  }

  backward(input: Float32Array, label: number): { frame: ActivationFrame; backward: BackwardFrame } {
    return this.require().backwardOne(input, label);
  }

  attributionEngine(): AttributionEngine {
    return gpuEngine(this.require());
  }

  beginTraining(train: MnistSet, settings: TrainingSettings, stepsDone: number): void {
    this.trainer?.dispose();
    this.trainer = new GpuTrainer(this.require(), train, settings, stepsDone);
  }

  trainStep(hyperparameters: Hyperparameters): PlannedBatch {
    if (!this.trainer) throw new Error('training has not begun');
    const { learningRate, momentum, weightDecay, alphaLambda } = hyperparameters;
    return this.trainer.step(learningRate, {
      momentum,
      weightDecay,
      ...(alphaLambda === undefined ? {} : { alphaLambda }),
    });
  }

  settle(poll: WaitTurn): Promise<void> {
    return this.trainer ? this.trainer.settle(poll) : Promise.resolve();
  }

  readStatistics(waitTurn: WaitTurn): Promise<LossStatistics | null> {
    return this.trainer ? this.trainer.statistics.read(waitTurn) : Promise.resolve(null);
  }

  async evaluate(test: MnistSet, limit: number, waitTurn: WaitTurn): Promise<LossStatistics> {
    const network = this.require();
    if (this.testSet?.set !== test) {
      if (this.testSet) network.pool.release(this.testSet.texture);
      this.testSet = { set: test, texture: uploadDataset(network, test) };
    }
    return evaluateOnGpu(network, this.testSet.texture, test, waitTurn, 250, limit);
  }

  counters() {
    const runner = this.network?.runner;
    return {
      draws: runner?.counters.draws ?? 0,
      syncReadbacks: runner?.counters.syncReadbacks ?? 0,
      liveTextures: this.network?.pool.liveCount ?? 0,
    };
  }

  isLost(): boolean {
    return this.lost || this.gl.isContextLost();
  }

  /** Loses the context on purpose (WEBGL_lose_context), restoring it after `restoreAfterMs` if given. */
  simulateContextLoss(restoreAfterMs: number | null): void {
    const extension = this.gl.getExtension('WEBGL_lose_context');
    if (!extension) throw new Error('WEBGL_lose_context is not available');
    extension.loseContext();
    if (restoreAfterMs !== null) setTimeout(() => extension.restoreContext(), restoreAfterMs);
  }

  private disposeNetwork(): void {
    if (!this.network) return;
    this.trainer?.dispose();
    this.trainer = null;
    if (this.testSet) this.network.pool.release(this.testSet.texture);
    this.testSet = null;
    this.network.dispose();
    this.network = null;
  }

  dispose(): void {
    if (!this.isLost()) this.disposeNetwork();
  }
}
