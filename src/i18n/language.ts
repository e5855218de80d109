/**
 * Which language the page opens in: the address's `lang` (query or fragment) wins over the choice
 * remembered in this browser, which wins over the browser's own languages (any zh-* reads Chinese).
 */
import { isLanguage, type Language } from './catalog';

/** localStorage key of the remembered choice. */
export const LANGUAGE_KEY = 'lenet5.language';

/** The `lang` an address names (`?lang=zh` or `#...&lang=zh`), or null when it names none or an unknown one. */
export function addressLanguage(search: string, hash: string): Language | null {
  const fromQuery = new URLSearchParams(search).get('lang');
  if (isLanguage(fromQuery)) return fromQuery;
  const fromFragment = new URLSearchParams(hash.replace(/^#/, '')).get('lang');
  return isLanguage(fromFragment) ? fromFragment : null;
}

/** The first of the browser's languages the app speaks ('zh' for any Chinese), or 'en'. */
export function browserLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** The language to open in, by the priority above. */
export function chooseLanguage(address: Language | null, remembered: unknown, languages: readonly string[]): Language {
  if (address) return address;
  if (isLanguage(remembered)) return remembered;
  return browserLanguage(languages);
}

/** The remembered choice, or null (storage that throws counts as none). */
export function rememberedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the choice (silently not, when storage is unavailable). */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private windows and full storage: the choice lasts for this page only.
  }
}
