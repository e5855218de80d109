/**
 * A conv layer on the reference engine, with a fixed connection table or with learned combinations (c3 with
 * `learnedCombinations`, the tutorial's eq. 15-17). Learned combinations run the table's loops (conv.ts) on the
 * effective kernels W'[oc][ic] = α[oc][ic] k[oc][ic] and map W's gradient back (learnedCombination.ts):
 *
 *   α[oc][ic]      = softmax over ic of c[oc][·]            (c = `<id>.alphaLogits` [oc][ic])
 *   y[b][oc][oy][ox] = bias[oc] + sum_ic sum_ky sum_kx x[b][ic][oy+ky][ox+kx] * α[oc][ic] k[oc][ic][ky][kx]
 *   dx               = conv.ts's dx with W' in place of w
 *   G[oc][ic][ky][kx] = sum_b sum_oy sum_ox x[b][ic][oy+ky][ox+kx] * dy[b][oc][oy][ox]   (dL/dW')
 *   dk = α G,   dα[oc][ic] = sum_t G[oc][ic][t] k[oc][ic][t],   dc[oc][l] = α[oc][l] (dα[oc][l] - sum_i α[oc][i] dα[oc][i])
 *
 * W' is held in the network's float type (float32 or float64), α in float64.
 */
import type { FloatArray } from '../model/initialize';
import type { LayerSpec } from '../model/layerSpec';
import {
  addAlphaPenalty,
  combinationGradients,
  combinationWeights,
  effectiveKernels,
  type AlphaPenalty,
} from '../model/learnedCombination';
import { tensorSpec, type ParameterLayout } from '../model/parameters';
import { convBackward, convForward, type ConvDims } from './conv';

/** Where a conv layer's tensors start in the flat parameter vector; `alphaLogits` null for a fixed table. */
export interface ConvOffsets {
  readonly weight: number;
  readonly bias: number;
  readonly alphaLogits: number | null;
}

/** The effective parameters [W' | bias] of a learned conv layer, and α. */
function effectiveParameters(
  d: ConvDims,
  params: FloatArray,
  o: ConvOffsets,
): { effective: FloatArray; alpha: Float64Array } {
  const { inChannels, outChannels, kernelSize: K } = d;
  const weightSize = outChannels * inChannels * K * K;
  const alpha = combinationWeights(
    params.subarray(o.alphaLogits!, o.alphaLogits! + outChannels * inChannels),
    outChannels,
    inChannels,
  ) as Float64Array;
  const effective = new (params instanceof Float64Array ? Float64Array : Float32Array)(weightSize + outChannels);
  effectiveKernels(params.subarray(o.weight, o.weight + weightSize), alpha, K * K, effective);
  effective.set(params.subarray(o.bias, o.bias + outChannels), weightSize);
  return { effective, alpha };
}

/** Writes y (pre-activation) of a conv layer, through learned combinations where it has them. */
export function convLayerForward(d: ConvDims, x: FloatArray, params: FloatArray, o: ConvOffsets, y: FloatArray): void {
  if (o.alphaLogits === null) return convForward(d, x, params, o.weight, o.bias, y);
  const { effective } = effectiveParameters(d, params, o);
  convForward(d, x, effective, 0, effective.length - d.outChannels, y);
}

/**
 * Accumulates a conv layer's parameter gradients into `grads` (kernels, biases and, for learned combinations,
 * the logits, at the parameters' offsets) and, when `dx` is given, overwrites dx with the input's gradient.
 */
export function convLayerBackward(
  d: ConvDims,
  x: FloatArray,
  params: FloatArray,
  o: ConvOffsets,
  dy: FloatArray,
  grads: FloatArray,
  dx: FloatArray | null,
): void {
  if (o.alphaLogits === null) return convBackward(d, x, params, o.weight, o.bias, dy, grads, dx);
  const { inChannels, outChannels, kernelSize: K } = d;
  const { effective, alpha } = effectiveParameters(d, params, o);
  const weightSize = effective.length - outChannels;
  const effectiveGrads = new Float64Array(effective.length);
  convBackward(d, x, effective, 0, weightSize, dy, effectiveGrads, dx);
  const kernelGrads = new Float64Array(weightSize);
  const logitGrads = new Float64Array(outChannels * inChannels);
  const kernels = params.subarray(o.weight, o.weight + weightSize);
  combinationGradients(effectiveGrads, kernels, alpha, outChannels, inChannels, K * K, kernelGrads, logitGrads);
  for (let i = 0; i < weightSize; i++) grads[o.weight + i] += kernelGrads[i];
  for (let oc = 0; oc < outChannels; oc++) grads[o.bias + oc] += effectiveGrads[weightSize + oc];
  for (let i = 0; i < logitGrads.length; i++) grads[o.alphaLogits + i] += logitGrads[i];
}

/**
 * Adds λ times the gradient of an α penalty (learnedCombination.ts `addAlphaPenalty`: `l1` as the tutorial's
 * eq. 18/21, `entropy`) to the logits' entries of `gradients` (flat, the parameters' layout; null: only the
 * value is wanted) for every conv layer with learned combinations, and returns the penalty's value λ P.
 */
export function addCombinationPenalty(
  layers: readonly LayerSpec[],
  layout: ParameterLayout,
  params: FloatArray,
  gradients: FloatArray | null,
  kind: AlphaPenalty,
  lambda: number,
): number {
  let total = 0;
  for (const layer of layers) {
    if (layer.kind !== 'conv' || !layer.learnedCombinations) continue;
    const logits = tensorSpec(layout, `${layer.id}.alphaLogits`);
    const [outMaps, inMaps] = logits.shape as [number, number];
    const alpha = combinationWeights(params.subarray(logits.offset, logits.offset + logits.size), outMaps, inMaps);
    const target = gradients
      ? gradients.subarray(logits.offset, logits.offset + logits.size)
      : new Float64Array(logits.size);
    total += addAlphaPenalty(kind, lambda, alpha, outMaps, inMaps, target);
  }
  return total;
}
