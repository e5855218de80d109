/** The close-ups' numbers as the reader's language writes them: two decimals in the grids, four (as the tooltip) elsewhere. */
import type { Language } from '../../i18n/catalog';
import { formatFixed } from '../../i18n/format';

/** A grid cell's number: two decimals, a value that rounds to zero written without a sign. */
export function cellText(language: Language, value: number): string {
  return formatFixed(language, Math.round(value * 100) / 100 || 0, 2);
}

/** A value as the tooltip writes it: four decimals. */
export function valueText(language: Language, value: number): string {
  return formatFixed(language, value, 4);
}
