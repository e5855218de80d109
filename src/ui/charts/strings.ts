/**
 * The words every chart of the training panel shares (the axes' read-outs, a missing value) and the single steps'
 * loss chart, in English and Chinese (the tutorial's terms, src/i18n/glossary.ts). The line charts of the run
 * shown take theirs from src/ui/training; the momentum charts and the run comparison: src/ui/momentum, src/ui/compare.
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  steps: {
    title: 'loss of single steps beside the mean of each report, by epoch (log scale)',
    plot: '{{title}}; the arrow keys step through the reports',
    step: 'the last step of each report alone ({{batchSize}} images)',
    stepOnline: 'the last step of each report alone (1 image: online updates)',
    mean: 'the mean of every step since the report before',
    at: 'At epoch {{epoch}}: one step {{step}}, mean {{mean}}',
  },
  axis: {
    step: 'step {{step}}',
    epoch: 'epoch {{epoch}}',
    none: '—',
  },
};

export const zh: Catalog<typeof en> = {
  steps: {
    title: `单步的${zhTerm.loss}值与每次报告的平均值，按轮数（对数坐标）`,
    plot: '{{title}}；按方向键可逐次查看',
    step: '每次报告前最后一步单独的值（{{batchSize}} 张图像）',
    stepOnline: `每次报告前最后一步单独的值（1 张图像：${zhTerm.onlineUpdate}）`,
    mean: '上次报告以来所有步的平均值',
    at: '训练 {{epoch}} 轮时：单步 {{step}}，平均 {{mean}}',
  },
  axis: {
    step: '第 {{step}} 步',
    epoch: '{{epoch}} 轮',
    none: '—',
  },
};
