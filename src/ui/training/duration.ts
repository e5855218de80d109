/** A time left as people read it ("1 min 05 s", "1 分 05 秒"), numbers with Intl. */
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n/catalog';
import { formatFixed } from '../../i18n/format';

/** `seconds` rounded to whole seconds, in minutes and two-digit seconds from a minute on; null if not finite. */
export function durationText(t: TFunction<'training'>, language: Language, seconds: number): string | null {
  if (!Number.isFinite(seconds)) return null;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('duration.seconds', { seconds: formatFixed(language, s) });
  return t('duration.minutes', {
    minutes: formatFixed(language, Math.floor(s / 60)),
    seconds: formatFixed(language, s % 60).padStart(2, '0'),
  });
}
