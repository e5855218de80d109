/** The words of the runs room (run picker, timeline, damaged runs), in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';

export const en = {
  name: {
    'lenet5-default': 'modern: ReLU + max pooling',
    'lenet5-classic': 'LeNet-5 as in 1998',
    'my-run': 'your run (trained here)',
  },
};

export const zh: Catalog<typeof en> = {
  name: {
    'lenet5-default': '现代版：ReLU + 最大池化',
    'lenet5-classic': '1998年原版 LeNet-5',
    'my-run': '你的网络（在此训练）',
  },
};
