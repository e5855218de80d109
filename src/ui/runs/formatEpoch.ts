/** An epoch as the reader's language writes numbers: up to four decimals, none when whole (1/16 of an epoch: "0.0625"). */
import type { Language } from '../../i18n/catalog';
import { formatSignificant } from '../../i18n/format';

/** `epoch` rounded to four decimals, written without trailing zeros ("2", "0.0625"). */
export function formatEpoch(language: Language, epoch: number): string {
  return formatSignificant(language, Number(epoch.toFixed(4)), 12);
}
