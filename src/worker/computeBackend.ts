/** What the worker asks of an engine, so the WebGL2 engine and the CPU reference are interchangeable. */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { PlannedBatch, TrainingSettings } from '../engine/batchPlan';
import type { MnistSet } from '../engine/data/mnistInput';
import type { LossStatistics } from '../engine/gpu/gpuTrainer';
import type { AttributionEngine } from '../engine/interpret/attributionEngine';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import type { Backend, Hyperparameters } from './protocol';

/** Yields to the worker's event loop: to let messages in, or between polls of a GPU fence. */
export type WaitTurn = () => Promise<void>;

/** One engine behind the worker. */
export interface ComputeBackend {
  readonly kind: Backend;
  readonly renderer: string;
  /** Replaces the network (architecture and weights; momentum restarts at 0 when null). */
  load(architecture: ArchitectureOptions, params: Float32Array, velocity: Float32Array | null): void;
  /** The current weights and momentum (a readback on the GPU: for checkpoints only). */
  parameters(): Float32Array;
  velocity(): Float32Array;
  /** The current weights and momentum, read without stalling the GPU. */
  snapshot(waitTurn: WaitTurn): Promise<{ params: Float32Array; velocity: Float32Array }>;
  /** Every layer's activations for one 32x32 input. */
  infer(input: Float32Array): ActivationFrame;
  /** The forward frame and the backward pass (every delta and parameter gradient) of one input against `label`. */
  backward(input: Float32Array, label: number): { frame: ActivationFrame; backward: BackwardFrame };
  /** The network loaded (or taught, or training) as the attribution methods use it (src/engine/interpret). */
  attributionEngine(): AttributionEngine;
  /** Prepares training on `train` (uploaded once), continuing after `stepsDone` steps of `settings`. */
  beginTraining(train: MnistSet, settings: TrainingSettings, stepsDone: number): void;
  /** Trains one batch (on the GPU: submits it). */
  trainStep(hyperparameters: Hyperparameters): PlannedBatch;
  /**
   * Waits until at most one submitted step is still to run (at once on the CPU), so the queue
   * stays short: a drawing asked for between steps is answered after one step, not a backlog.
   */
  settle(poll: WaitTurn): Promise<void>;
  /** Loss and accuracy of the batches since the last call (asynchronous on the GPU), or null if none. */
  readStatistics(waitTurn: WaitTurn): Promise<LossStatistics | null>;
  /** Accuracy and loss on the first `limit` images of `test`. */
  evaluate(test: MnistSet, limit: number, waitTurn: WaitTurn): Promise<LossStatistics>;
  /** Draws and synchronous readbacks so far, and live textures (zero on the CPU). */
  counters(): { draws: number; syncReadbacks: number; liveTextures: number };
  /** True once the GPU context is lost (always false on the CPU). */
  isLost(): boolean;
  dispose(): void;
}
