/**
 * The words of the neuron portrait (what each neuron responds to: top test digits, histogram), in English and
 * Chinese (the tutorial's terms, src/i18n/glossary.ts). Its feature image and the network's own digits:
 * src/ui/feature-images.
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  portrait: {
    toggleOpen: 'neuron portrait',
    toggleClose: 'close the neuron portrait',
    toggleTitle: 'What does the pinned neuron respond to? (test digits, histogram, a synthesized input)',
    fromTooltip: 'what does it respond to?',
    region: 'Neuron portrait',
    title: 'Portrait of {{layer}}, {{where}}',
    checkpoint: 'at epoch {{epoch}}, over its {{images}} test images',
    close: 'Close the portrait',
    pinHint:
      'Click (or tap) a node in the view to pin it, or use the arrow keys: its portrait shows here, for any layer.',
    inputNode: 'An input pixel responds to itself: its top digits are the ones with ink there.',
    downloading: 'Fetching the MNIST test images…',
    progress: 'Reading every test image through this checkpoint, once per checkpoint: {{done}}',
    progressLabel: 'Progress of the pass over the test images',
    problem: 'The portrait could not be computed: {{detail}}',
    top: {
      title: 'The test digits that excite it most',
      field:
        'Outlined: the {{size}}x{{size}} input window it sees (its receptive field); beside each, that window enlarged.',
      whole: 'A fully connected unit sees the whole input.',
      load: 'Test digit {{index}}, a {{label}}, gives it {{value}}: load it as the input',
      value: '{{value}}',
    },
    histogram: {
      title: 'Its value over the test images',
      label: 'Histogram of its value over {{images}} test images, from {{low}} to {{high}}; this input: {{value}}',
      labelNoInput: 'Histogram of its value over {{images}} test images, from {{low}} to {{high}}',
      zero: 'Exactly 0 on {{share}} of the test images (its ReLU is off there: dead on them).',
      zeroNone: 'Never exactly 0 on the test images.',
      marker: 'this input: {{value}}',
      below: 'this input: {{value}}, below every test image',
      above: 'this input: {{value}}, above every test image',
      sqrt: 'bar heights: square root of the count',
      single: 'The same value, {{value}}, on every test image.',
    },
  },
};

export const zh: Catalog<typeof en> = {
  portrait: {
    toggleOpen: `${zhTerm.neuron}画像`,
    toggleClose: `关闭${zhTerm.neuron}画像`,
    toggleTitle: `固定的${zhTerm.neuron}对什么有反应？（测试数字、直方图、合成的输入）`,
    fromTooltip: '它对什么有反应？',
    region: `${zhTerm.neuron}画像`,
    title: '{{layer}} 的画像，{{where}}',
    checkpoint: '第 {{epoch}} 轮，基于它的 {{images}} 张测试图像',
    close: '关闭画像',
    pinHint: `在视图中单击（或轻触）一个节点把它固定，或使用方向键：它的画像显示在这里，任何一层都可以。`,
    inputNode: '一个输入像素只对它自己有反应：排在前面的是在这个位置有墨迹的数字。',
    downloading: '正在获取 MNIST 测试图像…',
    progress: '正在让每张测试图像通过这个检查点（每个检查点只需一次）：{{done}}',
    progressLabel: '测试图像遍历的进度',
    problem: '无法计算画像：{{detail}}',
    top: {
      title: '最能激发它的测试数字',
      field: `框出的是它看到的 {{size}}x{{size}} 输入窗口（它的${zhTerm.receptiveField}）；旁边是放大的窗口。`,
      whole: `${zhTerm.denseLayer}的单元看到整个输入。`,
      load: '测试数字 {{index}}（一个 {{label}}）使它的值为 {{value}}：加载为输入',
      value: '{{value}}',
    },
    histogram: {
      title: '它在测试图像上的取值',
      label: '它在 {{images}} 张测试图像上取值的直方图，从 {{low}} 到 {{high}}；这个输入：{{value}}',
      labelNoInput: '它在 {{images}} 张测试图像上取值的直方图，从 {{low}} 到 {{high}}',
      zero: `在 {{share}} 的测试图像上恰好为 0（它的 ReLU 在那里关闭：对这些图像是“死”的）。`,
      zeroNone: '在测试图像上从不恰好为 0。',
      marker: '这个输入：{{value}}',
      below: '这个输入：{{value}}，低于所有测试图像',
      above: '这个输入：{{value}}，高于所有测试图像',
      sqrt: '柱高：计数的平方根',
      single: '在每张测试图像上都是同一个值 {{value}}。',
    },
  },
};
