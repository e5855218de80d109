/**
 * The gradient check's penalty rows on a logit c: the tutorial's L1 zero to rounding, the entropy's derivative against
 * its finite difference, nothing without a penalty.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/engine/model/random';
import { checkPenalty } from '../../../src/ui/penalties/penaltyCheck';

describe('the penalty’s part of the gradient check on c', () => {
  const random = new SeededRandom(9);
  const logits = Float64Array.from({ length: 96 }, () => random.normal() * 1.5);

  it('is zero for the tutorial’s L1 (Σ α = 1: the penalty is the constant 16 λ), analytic and numeric', () => {
    for (const index of [0, 17, 95]) {
      const check = checkPenalty('l1', 0.1, logits, 16, 6, index);
      expect(check.value).toBeCloseTo(1.6, 12);
      expect(Math.abs(check.analytic)).toBeLessThan(1e-15);
      expect(Math.abs(check.numeric)).toBeLessThan(1e-9);
    }
  });

  it('is not zero for the entropy, and its derivative −λ α_l (ln α_l + H) matches the finite difference', () => {
    for (const index of [0, 17, 95]) {
      const check = checkPenalty('entropy', 0.1, logits, 16, 6, index);
      expect(Math.abs(check.analytic)).toBeGreaterThan(1e-4);
      expect(Math.abs(check.analytic - check.numeric)).toBeLessThan(1e-7 * Math.max(1, Math.abs(check.analytic)));
    }
  });

  it('adds nothing with none', () => {
    const check = checkPenalty('none', 0.1, logits, 16, 6, 3);
    expect([check.value, check.analytic, check.numeric]).toEqual([0, 0, 0]);
  });
});
