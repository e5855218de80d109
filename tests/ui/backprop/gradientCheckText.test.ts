import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import {
  AGREEMENT,
  axisNames,
  checkVerdict,
  formatNumber,
  relativeDifference,
  weightLabel,
} from '../../../src/ui/backprop/gradientCheckText';
import { i18n } from '../../../src/i18n/i18n';

const table = lenet5Layers({ ...DEFAULT_ARCHITECTURE, c3Connectivity: 'lenet5' });

describe('formatNumber', () => {
  it('prints 6 significant digits, small and large values in exponent form', () => {
    expect(formatNumber(0.123456789)).toBe('0.123457');
    expect(formatNumber(-2.5)).toBe('-2.50000');
    expect(formatNumber(1234.5678)).toBe('1234.57');
    expect(formatNumber(0.001)).toBe('0.00100000');
    expect(formatNumber(1.5e-5)).toBe('1.50000e-5');
    expect(formatNumber(-0.000123456789)).toBe('-1.23457e-4');
    expect(formatNumber(2.5e7)).toBe('2.50000e+7');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });
});

describe('weight names', () => {
  it('decodes conv indices into [oc, ic, ky, kx] and dense ones into [out, in]', () => {
    expect(weightLabel(table, 'c3.weight', 219)).toBe('c3.weight[1, 2, 3, 4]');
    expect(weightLabel(table, 'c1.weight', 58)).toBe('c1.weight[2, 0, 1, 3]');
    expect(weightLabel(table, 'f6.weight', 245)).toBe('f6.weight[2, 5]');
    expect(weightLabel(table, 'missing', 7)).toBe('missing[7]');
    expect(axisNames('c1.weight', table)).toBe('[oc, ic, ky, kx]');
    expect(axisNames('output.weight', table)).toBe('[out, in]');
  });
});

describe('checkVerdict', () => {
  const text = (language: 'en' | 'zh', reason: string) =>
    i18n.getFixedT(language, 'backprop')(`check.verdict.${reason}`, { threshold: AGREEMENT.toExponential(0) });

  it('agrees below the threshold and differs above it, naming the kinks in both languages', () => {
    const agree = checkVerdict({ analytic: 1, numeric: 1 + 1e-6, relativeDifference: relativeDifference(1, 1 + 1e-6) });
    expect(agree).toEqual({ agree: true, reason: 'agree' });
    expect(text('en', agree.reason)).toContain('below 1e-4');
    expect(text('zh', agree.reason)).toContain('小于 1e-4');
    const differ = checkVerdict({ analytic: 0.2, numeric: 0.1, relativeDifference: 0.5 });
    expect(differ).toEqual({ agree: false, reason: 'differ' });
    expect(text('en', differ.reason)).toMatch(/ReLU/);
    expect(text('en', differ.reason)).toMatch(/max-pool/);
    expect(text('zh', differ.reason)).toMatch(/ReLU/);
    expect(text('zh', differ.reason)).toMatch(/最大池化/);
    expect(checkVerdict({ analytic: 1, numeric: 1, relativeDifference: AGREEMENT }).agree).toBe(false);
  });

  it('treats two negligible derivatives as agreeing', () => {
    expect(relativeDifference(1e-14, -1e-14)).toBe(0);
    expect(checkVerdict({ analytic: 0, numeric: 1e-13, relativeDifference: 0 })).toEqual({
      agree: true,
      reason: 'zero',
    });
    expect(text('zh', 'zero')).toContain('ReLU');
  });

  it('measures |a - b| / max(|a|, |b|)', () => {
    expect(relativeDifference(2, 1)).toBe(0.5);
    expect(relativeDifference(-1, 1)).toBe(2);
  });
});
