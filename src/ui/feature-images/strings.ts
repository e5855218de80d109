/**
 * The words of the feature images (the input synthesized to excite a neuron, and the network's own 0 … 9), in
 * English and Chinese (the tutorial's terms, src/i18n/glossary.ts).
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  feature: {
    title: 'An input made to excite it',
    label: 'Synthesized input for {{layer}}, {{where}}: value {{value}}',
    caption: 'value {{value}} (best test digit: {{best}}) after {{steps}} steps',
    computing: 'synthesizing…',
    explain:
      'Gradient ascent on the 32x32 input, kept in [0, 1], with jitter, blur and a pull towards paper so that it stays readable: what the neuron likes, not something it has seen.',
  },
  own: {
    title: "The network's own 0 … 9",
    explain: 'For each output, the input synthesized to maximize its probability (log p).',
    label: "The network's own {{digit}}: p = {{value}}",
  },
};

export const zh: Catalog<typeof en> = {
  feature: {
    title: '为激发它而合成的输入',
    label: '为 {{layer}}（{{where}}）合成的输入：值 {{value}}',
    caption: '值 {{value}}（最好的测试数字：{{best}}），共 {{steps}} 步',
    computing: '合成中…',
    explain: `在 32x32 的输入上做${zhTerm.gradient}上升，像素保持在 [0, 1] 内，并加入抖动、模糊和向纸色的回拉，使图像可读：这是${zhTerm.neuron}喜欢的东西，而不是它见过的东西。`,
  },
  own: {
    title: '网络心目中的 0 … 9',
    explain: `对${zhTerm.outputLayer}的每个输出，合成一个使其${zhTerm.probability}最大（log p）的输入。`,
    label: '网络心目中的 {{digit}}：p = {{value}}',
  },
};
