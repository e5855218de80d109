/**
 * The penalty's part of the gradient check on a logit c_ij (the tutorial's eq. 18-21 against our entropy): λ ∂P/∂c
 * from `addAlphaPenalty` (as the trainers add it) beside the central finite difference of λ P, in float64. With
 * the tutorial's `l1`, Σ_i |α_ij| = 1 for every j, so P does not move when c does and both are 0 (to rounding).
 */
import { addAlphaPenalty, combinationWeights, type AlphaPenalty } from '../../engine/model/learnedCombination';

/** The penalty's derivative with respect to one logit, analytic and numeric, and the penalty's value. */
export interface PenaltyCheck {
  readonly kind: AlphaPenalty;
  readonly lambda: number;
  /** λ P over every output map at the logits given. */
  readonly value: number;
  /** λ ∂P/∂c_ij as the trainers add it to the logits' gradient. */
  readonly analytic: number;
  /** (λ P(c + ε) − λ P(c − ε)) / 2ε. */
  readonly numeric: number;
  readonly epsilon: number;
}

/** λ P of the logits (all output maps), in float64. */
function penaltyValue(kind: AlphaPenalty, lambda: number, logits: ArrayLike<number>, out: number, inn: number): number {
  const alpha = combinationWeights(logits, out, inn);
  return addAlphaPenalty(kind, lambda, alpha, out, inn, new Float64Array(out * inn));
}

/**
 * The check of logit `index` (= j * inMaps + i) of `logits` ([outMaps][inMaps]) under penalty `kind` with weight
 * `lambda`; `epsilon` the finite difference's step.
 */
export function checkPenalty(
  kind: AlphaPenalty,
  lambda: number,
  logits: ArrayLike<number>,
  outMaps: number,
  inMaps: number,
  index: number,
  epsilon = 1e-4,
): PenaltyCheck {
  const c = Float64Array.from(logits);
  const alpha = combinationWeights(c, outMaps, inMaps);
  const gradient = new Float64Array(outMaps * inMaps);
  const value = addAlphaPenalty(kind, lambda, alpha, outMaps, inMaps, gradient);
  const at = (shift: number) => {
    const moved = c.slice();
    moved[index] += shift;
    return penaltyValue(kind, lambda, moved, outMaps, inMaps);
  };
  const numeric = (at(epsilon) - at(-epsilon)) / (2 * epsilon);
  return { kind, lambda, value, analytic: gradient[index], numeric, epsilon };
}
