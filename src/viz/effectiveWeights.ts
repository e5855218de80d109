/**
 * The weights a learned c3 really convolves with: u_j = Σ_i x_i * (α_ij k_ij) + b_j (the tutorial's 学习特征图的组合),
 * so wherever the view recomputes a c3 sum from the parameters (edges, δ explanations, the close-up) it reads the
 * effective kernels α_ij k_ij in place of `c3.weight`. Other runs' parameters are returned as they are.
 */
import type { LayerSpec } from '../engine/model/layerSpec';
import { combinationWeights, effectiveKernels } from '../engine/model/learnedCombination';
import { parameterLayout, tensorSpec } from '../engine/model/parameters';

/** `params`, or for a run with learned combinations a float64 copy whose conv weights are α_ij k_ij. */
export function effectiveParams(layers: readonly LayerSpec[], params: ArrayLike<number>): ArrayLike<number> {
  const learned = layers.filter((l) => l.kind === 'conv' && l.learnedCombinations);
  if (learned.length === 0) return params;
  const layout = parameterLayout(layers);
  const copy = Float64Array.from(params as ArrayLike<number>);
  for (const layer of learned) {
    if (layer.kind !== 'conv') continue;
    const [outMaps] = layer.shape;
    const inMaps = layer.inShape[0];
    const area = layer.kernelSize * layer.kernelSize;
    const logits = tensorSpec(layout, `${layer.id}.alphaLogits`);
    const weights = tensorSpec(layout, `${layer.id}.weight`);
    const alpha = combinationWeights(copy.subarray(logits.offset, logits.offset + logits.size), outMaps, inMaps);
    const kernels = copy.subarray(weights.offset, weights.offset + weights.size);
    effectiveKernels(kernels.slice(), alpha, area, kernels);
  }
  return copy;
}
