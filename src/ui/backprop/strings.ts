/** The words of this room's panels, in English and Chinese (the Chinese in the tutorial's terms, src/i18n/glossary.ts). */
import type { Catalog } from '../../i18n/catalog';

export const en = {};

export const zh: Catalog<typeof en> = {};
