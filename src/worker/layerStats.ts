/**
 * The momentum charts' figures (LayerTrainingStats) of one SGD step, from the weights and momentum
 * buffer read before and after it, the same for every engine. The step (src/engine/reference/sgd.ts) is
 *
 *   g = ∂E/∂w + weightDecay w (+ a penalty's gradient);   v' = momentum v + learningRate g;   w' = w − v'
 *
 * so per parameter layer: the velocity's norm ‖v'‖, the gradient's ‖g‖ = ‖v' − momentum v‖ / learningRate,
 * and the update-to-weight ratio ‖Δw‖ / ‖w‖ = ‖v'‖ / ‖w' + v'‖ (w the weights before the step).
 */
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { lenet5Layers } from '../engine/model/lenet5';
import { parameterLayout } from '../engine/model/parameters';
import type { PlannedBatch } from '../engine/batchPlan';
import type { ComputeBackend, WaitTurn } from './computeBackend';
import type { Hyperparameters, LayerTrainingStats } from './protocol';

/** The state around one step: the momentum before, the weights and momentum after, the step's rate and momentum. */
export interface StepState {
  readonly velocityBefore: ArrayLike<number>;
  readonly paramsAfter: ArrayLike<number>;
  readonly velocityAfter: ArrayLike<number>;
  readonly learningRate: number;
  readonly momentum: number;
}

/** Per parameter layer of `architecture`, in layer order (gradientNorm NaN when the learning rate was 0). */
export function layerTrainingStats(architecture: ArchitectureOptions, state: StepState): LayerTrainingStats[] {
  const { velocityBefore, paramsAfter, velocityAfter, learningRate, momentum } = state;
  const layers = lenet5Layers(architecture);
  const { tensors } = parameterLayout(layers);
  const stats: LayerTrainingStats[] = [];
  for (const layer of layers) {
    const owned = tensors.filter((t) => t.name.startsWith(`${layer.id}.`));
    if (owned.length === 0) continue;
    let gradient = 0,
      velocity = 0,
      weight = 0;
    for (const t of owned)
      for (let i = t.offset; i < t.offset + t.size; i++) {
        const v = velocityAfter[i];
        const g = v - momentum * velocityBefore[i];
        const w = paramsAfter[i] + v;
        gradient += g * g;
        velocity += v * v;
        weight += w * w;
      }
    stats.push({
      layer: layer.id,
      gradientNorm: learningRate > 0 ? Math.sqrt(gradient) / learningRate : NaN,
      velocityNorm: Math.sqrt(velocity),
      updateRatio: weight > 0 ? Math.sqrt(velocity / weight) : 0,
    });
  }
  return stats;
}

/**
 * Trains one batch on `backend` between two snapshots of its weights and momentum (copies on the CPU,
 * asynchronous readbacks on the GPU: for one step per progress report, never every step) and returns
 * the batch and its figures.
 */
export async function measuredStep(
  backend: ComputeBackend,
  hyperparameters: Hyperparameters,
  architecture: ArchitectureOptions,
  waitTurn: WaitTurn,
): Promise<{ batch: PlannedBatch; stats: LayerTrainingStats[] }> {
  const before = await backend.snapshot(waitTurn);
  const batch = backend.trainStep(hyperparameters);
  await backend.settle(waitTurn);
  const after = await backend.snapshot(waitTurn);
  const stats = layerTrainingStats(architecture, {
    velocityBefore: before.velocity,
    paramsAfter: after.params,
    velocityAfter: after.velocity,
    learningRate: hyperparameters.learningRate,
    momentum: hyperparameters.momentum,
  });
  return { batch, stats };
}
