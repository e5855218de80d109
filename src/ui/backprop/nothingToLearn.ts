/**
 * When the backward view has almost nothing to show: the network already gives the label a probability of at least
 * NOTHING_TO_LEARN_PROBABILITY, so the cross-entropy loss −log p is below 0.001 (and the mean squared error below
 * 2e-7) and every δ is tiny; each layer scaled to its own largest |δ| would still look as vivid as for a wrong label.
 */

/** The label's probability from which there is "almost nothing to learn" (cross-entropy loss −log p < 0.001). */
export const NOTHING_TO_LEARN_PROBABILITY = 0.999;

/** What to say when there is almost nothing to learn: the label's probability and the two likeliest other digits. */
export interface NothingToLearn {
  readonly probability: number;
  readonly runnersUp: readonly number[];
}

/** Null while there is something to learn from `label`; else its probability and the two runner-up digits. */
export function nothingToLearn(probabilities: readonly number[], label: number): NothingToLearn | null {
  const probability = probabilities[label];
  if (!(probability >= NOTHING_TO_LEARN_PROBABILITY)) return null;
  const runnersUp = probabilities
    .map((p, digit) => ({ p, digit }))
    .filter(({ digit }) => digit !== label)
    .sort((a, b) => b.p - a.p || a.digit - b.digit)
    .slice(0, 2)
    .map(({ digit }) => digit);
  return { probability, runnersUp };
}
