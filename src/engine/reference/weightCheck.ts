/**
 * The tutorial's check of one derivative (检查求导是否正确): backprop's dL/dw of one weight beside the
 * central finite difference, both in float64 on the reference engine, for one image and label:
 *   numeric = (L(w + ε) - L(w - ε)) / 2ε,   relative difference = |analytic - numeric| / max(|analytic|, |numeric|)
 * (0 when both are below 1e-12: a weight this image does not reach, such as one behind a dead ReLU).
 * With a `penalty` on learned combinations, L is the data loss plus the penalty λ P (learnedConv.ts), so the
 * check shows what the penalty adds: with `l1`, P is 16 for every logit and its gradient is zero (eq. 21).
 */
import type { LayerSpec, LossKind } from '../model/layerSpec';
import { tensorSpec } from '../model/parameters';
import type { AlphaPenalty } from '../model/learnedCombination';
import { addCombinationPenalty } from './learnedConv';
import { ReferenceNetwork } from './referenceNetwork';

/** A penalty on learned combinations' α, added to the loss checked; absent: none. */
export interface CheckedPenalty {
  readonly kind: AlphaPenalty;
  readonly lambda: number;
}

/** One weight checked. */
export interface WeightCheck {
  readonly tensor: string;
  readonly index: number;
  readonly weight: number;
  readonly epsilon: number;
  /** Backprop's dL/dw in float64. */
  readonly analytic: number;
  readonly lossPlus: number;
  readonly lossMinus: number;
  readonly numeric: number;
  readonly relativeDifference: number;
}

const NEGLIGIBLE = 1e-12;

/** Checks weight `index` of tensor `tensor` (manifest layout) for `input` (1x32x32) against `label` (plus `penalty`). */
export function checkWeight(
  layers: readonly LayerSpec[],
  loss: LossKind,
  params: ArrayLike<number>,
  input: ArrayLike<number>,
  label: number,
  tensor: string,
  index: number,
  epsilon = 1e-3,
  penalty: CheckedPenalty = { kind: 'none', lambda: 0 },
): WeightCheck {
  const network = new ReferenceNetwork(layers, loss, Float64Array.from(params));
  const spec = tensorSpec(network.layout, tensor);
  if (!Number.isInteger(index) || index < 0 || index >= spec.size) {
    throw new RangeError(`${tensor} has ${spec.size} entries; index ${index} is outside it`);
  }
  if (!(epsilon > 0)) throw new RangeError(`epsilon must be positive, got ${epsilon}`);
  const x = Float64Array.from(input);
  const { layers: all, layout, params: p } = network;
  const penaltyAt = (gradients: Float64Array | null) =>
    addCombinationPenalty(all, layout, p, gradients, penalty.kind, penalty.lambda);
  const lossAt = () => network.lossOf(network.forward(x, 1), [label]) + penaltyAt(null);
  const gradients = network.backward(network.forward(x, 1), [label]).gradients as Float64Array;
  penaltyAt(gradients);
  const analytic = gradients[spec.offset + index];
  const at = spec.offset + index;
  const weight = network.params[at];
  network.params[at] = weight + epsilon;
  const lossPlus = lossAt();
  network.params[at] = weight - epsilon;
  const lossMinus = lossAt();
  network.params[at] = weight;
  const numeric = (lossPlus - lossMinus) / (2 * epsilon);
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  const relativeDifference = scale < NEGLIGIBLE ? 0 : Math.abs(analytic - numeric) / scale;
  return { tensor, index, weight, epsilon, analytic, lossPlus, lossMinus, numeric, relativeDifference };
}
