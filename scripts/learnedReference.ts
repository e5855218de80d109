/**
 * A float64 reference network for any architecture, learned combinations included: a learned c3 is an
 * ordinary full c3 with the effective kernels α_ij k_ij (src/engine/model/learnedCombination.ts), so
 * the reference's full-c3 network over those kernels gives the same activations, predictions and loss.
 * What the trainer CLI evaluates checkpoints with and the shipped-run tests recompute accuracy with.
 */
import type { ArchitectureOptions } from '../src/engine/model/layerSpec';
import { combinationWeights, effectiveKernels } from '../src/engine/model/learnedCombination';
import { lenet5Layers } from '../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../src/engine/model/parameters';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';

/**
 * The reference network of `architecture` with `params` (in its layout; float32 params compute in float32, as
 * the app's CPU engine does, others in float64); for `learned`, the equivalent full c3 one.
 */
export function referenceNetworkFor(architecture: ArchitectureOptions, params: ArrayLike<number>): ReferenceNetwork {
  const ArrayType = params instanceof Float32Array ? Float32Array : Float64Array;
  if (architecture.c3Connectivity !== 'learned')
    return new ReferenceNetwork(lenet5Layers(architecture), architecture.loss, ArrayType.from(params));
  const layout = parameterLayout(lenet5Layers(architecture));
  const fullLayers = lenet5Layers({ ...architecture, c3Connectivity: 'full' });
  const fullLayout = parameterLayout(fullLayers);
  const full = new ArrayType(fullLayout.size);
  for (const t of fullLayout.tensors) {
    const from = tensorSpec(layout, t.name).offset;
    for (let i = 0; i < t.size; i++) full[t.offset + i] = params[from + i];
  }
  const logits = tensorSpec(layout, 'c3.alphaLogits');
  const kernels = tensorSpec(layout, 'c3.weight');
  const alpha = combinationWeights(
    Array.from({ length: logits.size }, (_, i) => params[logits.offset + i]),
    16,
    6,
  );
  const target = tensorSpec(fullLayout, 'c3.weight').offset;
  effectiveKernels(
    Float64Array.from({ length: kernels.size }, (_, i) => params[kernels.offset + i]),
    alpha,
    25,
    full.subarray(target, target + kernels.size),
  );
  return new ReferenceNetwork(fullLayers, architecture.loss, full);
}
