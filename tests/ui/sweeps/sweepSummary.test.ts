/** How far a reading holds in a sweep: the square of shifts, the range of angles or scales, read off the probabilities. */
import { describe, expect, it } from 'vitest';
import { isIdentity } from '../../../src/engine/data/inputTransform';
import { SWEEP_KINDS, sweepTransforms, sweepValues } from '../../../src/engine/probe/invarianceSweep';
import { countReading, identityIndex, readDigit, readingRange, shiftRadius } from '../../../src/ui/sweeps/sweepSummary';

/** Ten probabilities that read `digit` with probability p. */
const reading = (digit: number, p = 0.9) => Array.from({ length: 10 }, (_, k) => (k === digit ? p : (1 - p) / 9));

/** A shift sweep reading `inside` where |dx|, |dy| ≤ r (else `outside`), with one more cell changed. */
function shiftGrid(r: number, inside: number, outside: number, changed?: { dx: number; dy: number; digit: number }) {
  return Array.from({ length: 289 }, (_, v) => {
    const dx = (v % 17) - 8,
      dy = Math.floor(v / 17) - 8;
    if (changed && changed.dx === dx && changed.dy === dy) return reading(changed.digit);
    return reading(Math.max(Math.abs(dx), Math.abs(dy)) <= r ? inside : outside);
  });
}

describe('a sweep summary', () => {
  it('finds the untransformed input in every sweep', () => {
    for (const kind of SWEEP_KINDS) {
      const index = identityIndex(kind, sweepValues(kind));
      expect(isIdentity(sweepTransforms(kind)[index]), kind).toBe(true);
    }
    expect(identityIndex('shift', sweepValues('shift'))).toBe(8 * 17 + 8);
  });

  it('reads the digit with the largest probability, ties to the lower digit', () => {
    expect(readDigit(reading(7))).toBe(7);
    expect(readDigit([0, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0])).toBe(1);
  });

  it('gives the largest square of shifts that all read the digit', () => {
    expect(shiftRadius(shiftGrid(3, 7, 1), 7)).toBe(3);
    expect(shiftRadius(shiftGrid(8, 7, 1), 7)).toBe(8);
    expect(shiftRadius(shiftGrid(3, 7, 1, { dx: -2, dy: 1, digit: 4 }), 7)).toBe(1);
    expect(shiftRadius(shiftGrid(3, 7, 1, { dx: 0, dy: 0, digit: 4 }), 7)).toBe(-1);
    expect(countReading(shiftGrid(3, 7, 1), 7)).toBe(49);
  });

  it('gives the run of values around no transform that read the digit', () => {
    const rows = [1, 1, 7, 7, 7, 7, 2, 7].map((d) => reading(d));
    expect(readingRange(rows, 7, 3)).toEqual({ from: 2, to: 5 });
    expect(readingRange(rows, 7, 7)).toEqual({ from: 7, to: 7 });
    expect(readingRange(rows, 7, 0)).toBeNull();
  });
});
