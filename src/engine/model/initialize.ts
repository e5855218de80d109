import type { LayerSpec } from './layerSpec';
import { parameterLayout, tensorSpec } from './parameters';
import { SeededRandom } from './random';

/** Float storage the reference engine computes in: float32 for training, float64 for gradient checks. */
export type FloatArray = Float32Array | Float64Array;

/** A constructor for one of the `FloatArray` kinds. */
export type FloatArrayConstructor = Float32ArrayConstructor | Float64ArrayConstructor;

/**
 * Seeded, deterministic initial weights: He normal (std sqrt(2 / fanIn)) for layers followed by ReLU,
 * LeCun normal (std sqrt(1 / fanIn)) otherwise. Biases start at 0, subsampling coefficients at 1/4
 * (so a fresh `subsample` layer starts as mean pooling). Unconnected c3 kernels stay 0. Learned
 * combinations start uniform (logits 0, α = 1/n of n input maps), their kernels n times larger, so that the
 * effective kernels α k start as the full table's.
 */
export function initialParameters(
  layers: readonly LayerSpec[],
  seed: number,
  ArrayType: FloatArrayConstructor = Float32Array,
): FloatArray {
  const layout = parameterLayout(layers);
  const params = new ArrayType(layout.size);
  const random = new SeededRandom(seed);
  for (const layer of layers) {
    if (layer.kind === 'conv') {
      const weight = tensorSpec(layout, `${layer.id}.weight`);
      const [outChannels, inChannels, k] = weight.shape as [number, number, number];
      for (let oc = 0; oc < outChannels; oc++) {
        const connected = layer.connections[oc];
        const std =
          Math.sqrt((layer.activation === 'relu' ? 2 : 1) / (connected.length * k * k)) *
          (layer.learnedCombinations ? connected.length : 1);
        for (const ic of connected) {
          const base = weight.offset + (oc * inChannels + ic) * k * k;
          for (let i = 0; i < k * k; i++) params[base + i] = random.normal() * std;
        }
      }
    } else if (layer.kind === 'dense') {
      const weight = tensorSpec(layout, `${layer.id}.weight`);
      const std = Math.sqrt((layer.activation === 'relu' ? 2 : 1) / layer.inFeatures);
      for (let i = 0; i < weight.size; i++) params[weight.offset + i] = random.normal() * std;
    } else if (layer.kind === 'pool' && layer.pooling === 'subsample') {
      params.fill(
        0.25,
        tensorSpec(layout, `${layer.id}.coeff`).offset,
        tensorSpec(layout, `${layer.id}.coeff`).offset + layer.shape[0],
      );
    }
  }
  return params;
}
