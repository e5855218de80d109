/**
 * The edges of a c3 node with learned combinations (the tutorial's 学习特征图的组合): the edge from s2 map i to
 * c3 map j is coloured by the effective weight α_ij k_ij (effectiveWeights.ts) and drawn with an opacity of
 * α_ij / max_i α_ij, so the inputs a map has learned to ignore fade out and the ones it chose stay.
 */
import type { LayerSpec } from '../engine/model/layerSpec';
import { combinationWeights } from '../engine/model/learnedCombination';
import type { NodeRef } from '../engine/model/nodeRef';
import { parameterLayout, tensorSpec } from '../engine/model/parameters';

/** α of output map `focus.c` over its input maps, when `focus` lies in a layer with learned combinations; else null. */
export function focusAlphas(layers: readonly LayerSpec[], params: ArrayLike<number>, focus: NodeRef): number[] | null {
  const layer = layers.find((l) => l.id === focus.layer);
  if (!layer || layer.kind !== 'conv' || !layer.learnedCombinations) return null;
  const inMaps = layer.inShape[0];
  const spec = tensorSpec(parameterLayout(layers), `${layer.id}.alphaLogits`);
  const row = Array.from({ length: inMaps }, (_, i) => params[spec.offset + focus.c * inMaps + i]);
  return Array.from(combinationWeights(row, 1, inMaps));
}

/** Each source's edge opacity (sources with their input map `c`): α / max α, or 1 without learned combinations. */
export function edgeOpacities(alphas: readonly number[] | null, sources: readonly { readonly c: number }[]): number[] {
  if (!alphas) return sources.map(() => 1);
  const most = Math.max(...alphas);
  return sources.map((s) => (most > 0 ? alphas[s.c] / most : 1));
}
