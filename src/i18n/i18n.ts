/**
 * The app's one i18next instance (with react-i18next), its language chosen at start (address, then the
 * remembered choice, then the browser's languages; language.ts), and the switch that changes it, keeps
 * `<html lang>` in step and remembers the choice.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from './catalog';
import { addressLanguage, chooseLanguage, rememberedLanguage, rememberLanguage } from './language';
import { NAMESPACES, resources } from './resources';

/** The language the page opened in. */
export const initialLanguage: Language =
  typeof location === 'undefined'
    ? 'en'
    : chooseLanguage(addressLanguage(location.search, location.hash), rememberedLanguage(), navigator.languages ?? []);

/** The i18next instance every component reads through `useTranslation`. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: false,
  ns: NAMESPACES,
  defaultNS: 'shell',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

setDocumentLanguage(initialLanguage);

function setDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

/** Shows the app in `language` from now on; `remember`: the person chose it (kept for the next visit). */
export function applyLanguage(language: Language, remember: boolean): void {
  if (remember) rememberLanguage(language);
  setDocumentLanguage(language);
  void i18n.changeLanguage(language);
}
