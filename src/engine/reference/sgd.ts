/**
 * SGD with momentum and optional L2 weight decay, over the flat parameter vector:
 *   g = grad + weightDecay * w;   v <- momentum * v + learningRate * g;   w <- w - v
 */
import type { FloatArray } from '../model/initialize';

/** Hyperparameters of one update. */
export interface SgdSettings {
  readonly learningRate: number;
  readonly momentum: number;
  readonly weightDecay: number;
}

/** Applies one momentum-SGD update to `params` in place, keeping `velocity` between calls. */
export function sgdMomentumStep(
  params: FloatArray,
  gradients: FloatArray,
  velocity: FloatArray,
  settings: SgdSettings,
): void {
  const { learningRate, momentum, weightDecay } = settings;
  for (let i = 0; i < params.length; i++) {
    const g = gradients[i] + weightDecay * params[i];
    const v = momentum * velocity[i] + learningRate * g;
    velocity[i] = v;
    params[i] = params[i] - v;
  }
}
