/**
 * The shape every translation must have: the English catalog's keys, each a string. A catalog typed
 * `Catalog<typeof en>` fails the typecheck when it misses a key of the English one (or adds one it lacks).
 */
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** The languages of the app: English and Simplified Chinese. */
export const LANGUAGES = ['en', 'zh'] as const;

/** One of the app's languages. */
export type Language = (typeof LANGUAGES)[number];

/** True for 'en' and 'zh'. */
export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'zh';
}
