/**
 * What one momentum-SGD step (sgd.ts) did to each parameter layer, for the momentum charts. From the state
 * after the step, with v the velocity, w the weights after it, grad the gradient given to the step (penalties
 * included) and wd the weight decay:
 *
 *   w_before = w + v        g = grad + wd * w_before        Δw = -v
 *   gradientNorm = ‖g‖,   velocityNorm = ‖v‖,   updateRatio = ‖Δw‖ / ‖w_before‖   (0 where ‖w_before‖ = 0)
 *
 * norms L2 over every tensor of the layer (weights, biases, coefficients, logits).
 */
import type { FloatArray } from '../model/initialize';
import type { LayerSpec } from '../model/layerSpec';
import { layerTensorShapes, tensorSpec, type ParameterLayout } from '../model/parameters';

/** One parameter layer's figures at a step (the same fields as the worker protocol's `LayerTrainingStats`). */
export interface ParameterLayerStats {
  readonly layer: string;
  readonly gradientNorm: number;
  readonly velocityNorm: number;
  readonly updateRatio: number;
}

/** The figures of every layer with parameters, in layer order, after a step (see the header). */
export function stepStats(
  layers: readonly LayerSpec[],
  layout: ParameterLayout,
  params: FloatArray,
  gradients: ArrayLike<number>,
  velocity: ArrayLike<number>,
  weightDecay: number,
): ParameterLayerStats[] {
  const stats: ParameterLayerStats[] = [];
  for (const layer of layers) {
    const tensors = layerTensorShapes(layer).map((t) => tensorSpec(layout, t.name));
    if (tensors.length === 0) continue;
    let g2 = 0;
    let v2 = 0;
    let w2 = 0;
    for (const t of tensors) {
      for (let i = t.offset; i < t.offset + t.size; i++) {
        const before = params[i] + velocity[i];
        const g = gradients[i] + weightDecay * before;
        g2 += g * g;
        v2 += velocity[i] * velocity[i];
        w2 += before * before;
      }
    }
    const velocityNorm = Math.sqrt(v2);
    stats.push({
      layer: layer.id,
      gradientNorm: Math.sqrt(g2),
      velocityNorm,
      updateRatio: w2 > 0 ? velocityNorm / Math.sqrt(w2) : 0,
    });
  }
  return stats;
}
