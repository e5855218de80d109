/** Numbers as the reader's language writes them (Intl): plain numbers, percentages, counts. */
import type { Language } from './catalog';

const LOCALES: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };

const cache = new Map<string, Intl.NumberFormat>();

function formatter(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.NumberFormat(LOCALES[language], options);
    cache.set(key, found);
  }
  return found;
}

/** `fraction` (0.994) as a percentage with `digits` decimals ("99.4%"). */
export function formatPercent(language: Language, fraction: number, digits = 1): string {
  return formatter(language, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}

/** `value` with exactly `digits` decimals, grouped ("60,000", "0.0500"). */
export function formatFixed(language: Language, value: number, digits = 0): string {
  return formatter(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** `value` with `digits` significant digits ("7.5e-7" stays readable: "7.5E-7"). */
export function formatSignificant(language: Language, value: number, digits = 3): string {
  const magnitude = Math.abs(value);
  const scientific = magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6);
  return formatter(language, {
    notation: scientific ? 'scientific' : 'standard',
    maximumSignificantDigits: digits,
  }).format(value);
}
