/** The words of the teaching status about the drawing that was taught (its thumbnail), in English and Chinese. */
import type { Catalog } from '../../i18n/catalog';

export const en = {
  taughtAs: 'Taught this drawing as a {{label}}.',
  thumbnail: 'the drawing taught as a {{label}} (32x32 input)',
};

export const zh: Catalog<typeof en> = {
  taughtAs: '把这个手写数字教成了 {{label}}。',
  thumbnail: '被教成 {{label}} 的手写数字（32x32 输入）',
};
