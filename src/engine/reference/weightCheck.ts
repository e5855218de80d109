/**
 * The tutorial's check of one derivative (检查求导是否正确): backprop's dL/dw of one weight beside the
 * central finite difference, both in float64 on the reference engine, for one image and label:
 *   numeric = (L(w + ε) - L(w - ε)) / 2ε,   relative difference = |analytic - numeric| / max(|analytic|, |numeric|)
 * (0 when both are below 1e-12: a weight this image does not reach, such as one behind a dead ReLU).
 */
import type { LayerSpec, LossKind } from '../model/layerSpec';
import { tensorSpec } from '../model/parameters';
import { ReferenceNetwork } from './referenceNetwork';

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

/** Checks weight `index` of tensor `tensor` (manifest layout) for `input` (1x32x32) against `label`. */
export function checkWeight(
  layers: readonly LayerSpec[],
  loss: LossKind,
  params: ArrayLike<number>,
  input: ArrayLike<number>,
  label: number,
  tensor: string,
  index: number,
  epsilon = 1e-3,
): WeightCheck {
  const network = new ReferenceNetwork(layers, loss, Float64Array.from(params));
  const spec = tensorSpec(network.layout, tensor);
  if (!Number.isInteger(index) || index < 0 || index >= spec.size) {
    throw new RangeError(`${tensor} has ${spec.size} entries; index ${index} is outside it`);
  }
  if (!(epsilon > 0)) throw new RangeError(`epsilon must be positive, got ${epsilon}`);
  const x = Float64Array.from(input);
  const lossAt = () => network.lossOf(network.forward(x, 1), [label]);
  const analytic = network.backward(network.forward(x, 1), [label]).gradients[spec.offset + index];
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
