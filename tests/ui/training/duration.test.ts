/** The training panel's time left, in English and Chinese: seconds, then minutes with two-digit seconds. */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/i18n/i18n';
import { durationText } from '../../../src/ui/training/duration';

const en = i18n.getFixedT('en', 'training');
const zh = i18n.getFixedT('zh', 'training');

describe('durationText', () => {
  it('gives seconds under a minute and minutes with two-digit seconds from a minute on', () => {
    expect(durationText(en, 'en', 0.4)).toBe('0 s');
    expect(durationText(en, 'en', 59.4)).toBe('59 s');
    expect(durationText(en, 'en', 59.6)).toBe('1 min 00 s');
    expect(durationText(en, 'en', 65)).toBe('1 min 05 s');
    expect(durationText(en, 'en', 3725)).toBe('62 min 05 s');
    expect(durationText(en, 'en', 60 * 1234 + 7)).toBe('1,234 min 07 s');
  });

  it('says it in Chinese', () => {
    expect(durationText(zh, 'zh', 65)).toBe('1 分 05 秒');
    expect(durationText(zh, 'zh', 12)).toBe('12 秒');
  });

  it('gives nothing for an unknown time (no speed measured yet)', () => {
    expect(durationText(en, 'en', Number.NaN)).toBeNull();
    expect(durationText(en, 'en', Infinity)).toBeNull();
  });
});
