/** Typed keys: `t` accepts only keys of the English catalogs (a missing or misspelt key fails the typecheck). */
import 'i18next';
import type { Resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'shell';
    resources: Resources;
    returnNull: false;
  }
}
