/**
 * Central finite-difference check of the analytic gradients of the reference network:
 *   numeric = (L(theta + eps) - L(theta - eps)) / (2 eps),
 *   relative error = |analytic - numeric| / max(|analytic|, |numeric|, floor).
 * Run it on a float64 network so rounding stays far below the tolerance.
 */
import { SeededRandom } from '../model/random';
import type { ReferenceNetwork } from './referenceNetwork';

/** The worst disagreement found in one tensor (or in the input). */
export interface TensorGradientCheck {
  readonly tensor: string;
  readonly checked: number;
  readonly maxRelativeError: number;
  readonly worstIndex: number;
  readonly analytic: number;
  readonly numeric: number;
}

/** How many entries to probe and how. */
export interface GradientCheckOptions {
  /** Entries probed per tensor; tensors at most this big are checked whole. */
  readonly entriesPerTensor: number;
  readonly epsilon: number;
  /**
   * Gradients smaller than this in magnitude are compared absolutely: the numeric oracle itself is
   * only accurate to about |L| * 2^-52 / eps (~1e-11 here), so below ~1e-6 its relative error grows.
   */
  readonly floor: number;
  readonly seed: number;
}

const DEFAULTS: GradientCheckOptions = { entriesPerTensor: 12, epsilon: 1e-5, floor: 1e-6, seed: 7 };

function relativeError(analytic: number, numeric: number, floor: number): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

/** Checks every parameter tensor and the input of `network` on one batch. */
export function checkGradients(
  network: ReferenceNetwork,
  input: Float64Array,
  labels: ArrayLike<number>,
  batchSize: number,
  options: Partial<GradientCheckOptions> = {},
): TensorGradientCheck[] {
  const { entriesPerTensor, epsilon, floor, seed } = { ...DEFAULTS, ...options };
  const random = new SeededRandom(seed);
  const lossAt = (x: Float64Array) => network.lossOf(network.forward(x, batchSize), labels);
  const analytic = network.backward(network.forward(input, batchSize), labels);

  const probe = (
    name: string,
    values: Float64Array,
    offset: number,
    size: number,
    grad: ArrayLike<number>,
    gradOffset: number,
    loss: () => number,
  ): TensorGradientCheck => {
    const indices =
      size <= entriesPerTensor
        ? Array.from({ length: size }, (_, i) => i)
        : Array.from({ length: entriesPerTensor }, () => random.int(size));
    let worst: TensorGradientCheck = {
      tensor: name,
      checked: indices.length,
      maxRelativeError: 0,
      worstIndex: -1,
      analytic: 0,
      numeric: 0,
    };
    for (const i of indices) {
      const saved = values[offset + i];
      values[offset + i] = saved + epsilon;
      const plus = loss();
      values[offset + i] = saved - epsilon;
      const minus = loss();
      values[offset + i] = saved;
      const numeric = (plus - minus) / (2 * epsilon);
      const error = relativeError(grad[gradOffset + i], numeric, floor);
      if (error >= worst.maxRelativeError) {
        worst = { ...worst, maxRelativeError: error, worstIndex: i, analytic: grad[gradOffset + i], numeric };
      }
    }
    return worst;
  };

  const params = network.params as Float64Array;
  const results = network.layout.tensors.map((t) =>
    probe(t.name, params, t.offset, t.size, analytic.gradients, t.offset, () => lossAt(input)),
  );
  const dInput = analytic.deltas[0].dOut;
  results.push(probe('input', input, 0, input.length, dInput, 0, () => lossAt(input)));
  return results;
}
