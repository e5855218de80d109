/**
 * The words of the probe, sweeps, close-up and slide rooms: the Chinese in the tutorial's terms (等变表示, 不变性, 平移,
 * 步长, 零填充, 卷积核), the size formula of stride and padding with its numbers, and run summaries with their values in
 * both languages.
 */
import { describe, expect, it } from 'vitest';
import { zhTerm } from '../../../src/i18n/glossary';
import { i18n } from '../../../src/i18n/i18n';

const probeZh = i18n.getFixedT('zh', 'probe');
const sweepsEn = i18n.getFixedT('en', 'sweeps');
const sweepsZh = i18n.getFixedT('zh', 'sweeps');
const closeupZh = i18n.getFixedT('zh', 'closeup');
const slideEn = i18n.getFixedT('en', 'slide');
const slideZh = i18n.getFixedT('zh', 'slide');

describe('the probe, sweeps, close-up and slide words', () => {
  it("use the tutorial's terms in Chinese", () => {
    expect(probeZh('equivariance.heading')).toBe(zhTerm.equivariance);
    expect(sweepsZh('sweeps.heading')).toContain(zhTerm.invariance);
    expect(probeZh('dx')).toContain(zhTerm.translation);
    expect(sweepsZh('sweeps.explain')).toContain(zhTerm.poolLayer);
    expect(slideZh('stride.heading')).toBe(`${zhTerm.stride}与${zhTerm.zeroPadding}`);
    expect(closeupZh('conv.kernel')).toBe(zhTerm.kernel);
    expect(closeupZh('pool.coefficient')).toContain(zhTerm.multiplicativeBias);
  });

  it('write the size of a strided, padded map with its numbers', () => {
    expect(slideEn('stride.size', { padding: 1, stride: 2, size: 15 })).toBe(
      '⌊(32 + 2·1 − 5) / 2⌋ + 1 = 15: a 15x15 map',
    );
    expect(slideZh('stride.size', { padding: 2, stride: 3, size: 11 })).toContain('⌊(32 + 2·2 − 5) / 3⌋ + 1 = 11');
  });

  it('say how far a reading holds, in both languages', () => {
    const values = { run: 'modern', digit: 7, count: 120, radius: 3 };
    expect(sweepsEn('sweeps.shiftSummary', values)).toBe(
      'modern reads 7 at 120 of the 289 shifts, and at every shift of up to 3 px each way.',
    );
    expect(sweepsZh('sweeps.shiftSummary', values)).toContain('3 像素');
    expect(sweepsZh('sweeps.rangeSummary', { run: 'm', digit: 7, from: '-25 度', to: '30 度' })).toContain('-25 度');
  });
});
