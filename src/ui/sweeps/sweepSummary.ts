/**
 * What an invariance sweep says, as numbers the charts and sentences use: the reading without a transform, the digit
 * read at each value, and how far the reading holds (the largest square of shifts, the range of angles or scales
 * around no transform).
 *
 *   shift:  value v = (dy + 8)·17 + (dx + 8); no transform at v = 8·17 + 8
 *   rotate, scale: the value 0° or ×1 of the sweep's list
 */
import { SHIFT_RANGE, type SweepKind, type SweepValues } from '../../engine/probe/invarianceSweep';

/** The digit with the largest probability (ties to the lower digit, as the app reads). */
export function readDigit(probabilities: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[best]) best = k;
  return best;
}

/** Where the untransformed input sits in a sweep's values. */
export function identityIndex(kind: SweepKind, values: SweepValues): number {
  if (!Array.isArray(values)) return SHIFT_RANGE * values.dx.length + SHIFT_RANGE;
  const index = values.indexOf(kind === 'rotate' ? 0 : 1);
  if (index < 0) throw new RangeError(`the ${kind} sweep has no identity value`);
  return index;
}

/** For a shift sweep (17x17 rows, dy outer): the largest r such that every |dx|, |dy| ≤ r reads `digit`, or −1. */
export function shiftRadius(probabilities: readonly (readonly number[])[], digit: number): number {
  const side = 2 * SHIFT_RANGE + 1;
  const reads = (dx: number, dy: number) =>
    readDigit(probabilities[(dy + SHIFT_RANGE) * side + dx + SHIFT_RANGE]) === digit;
  let radius = -1;
  for (let r = 0; r <= SHIFT_RANGE; r++) {
    for (let d = -r; d <= r; d++) {
      if (!reads(d, -r) || !reads(d, r) || !reads(-r, d) || !reads(r, d)) return radius;
    }
    radius = r;
  }
  return radius;
}

/** How many values of a sweep read `digit`. */
export function countReading(probabilities: readonly (readonly number[])[], digit: number): number {
  return probabilities.filter((row) => readDigit(row) === digit).length;
}

/** The run of values around `identity` that read `digit` (inclusive indices), or null when `identity` does not. */
export function readingRange(
  probabilities: readonly (readonly number[])[],
  digit: number,
  identity: number,
): { from: number; to: number } | null {
  if (readDigit(probabilities[identity]) !== digit) return null;
  let from = identity,
    to = identity;
  while (from > 0 && readDigit(probabilities[from - 1]) === digit) from--;
  while (to < probabilities.length - 1 && readDigit(probabilities[to + 1]) === digit) to++;
  return { from, to };
}
