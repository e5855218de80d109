/** The words of this room's panels, in English and Chinese (the Chinese in the tutorial's terms, src/i18n/glossary.ts). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm as z } from '../../i18n/glossary';

export const en = {
  section: 'Learned kernels (c1, c3) and the gradient check',
  title: 'Learned kernels',
  titleGradients: 'Kernels and their gradients',
  weightsIntro:
    "The weights W of every convolution kernel, as the network shown learned them. Show the backward pass to see each one's gradient dL/dW beside it; click a tap to check its derivative below.",
  otherArchitecture: 'The backward pass shown belongs to another architecture than these layers.',
  intro:
    'dL/dW of one backward pass: loss {{loss}} against label {{label}}. Click a kernel tap to check its derivative.',
  conv: {
    region: '{{layer}} kernels',
    pairsRegion: '{{layer}} kernels and their gradients',
    count: '{{count}} kernels {{size}}x{{size}}',
    pairsCount: '{{count}} kernels {{size}}x{{size}}: W | dL/dW',
    weightsCount: '{{count}} kernels {{size}}x{{size}}: W',
    showGradient: 'dL/dW',
    showWeight: 'W',
    mapAxis: 'map',
    inputAxis: 'in {{map}}',
    gridGradient: '{{layer}} map {{out}} from map {{in}}: dL/dW (click a tap to check it)',
    gridWeight: '{{layer}} map {{out}} from map {{in}}: weights (click a tap to check it)',
    pairWeight: '{{layer}} kernel {{out}}: weights (click a tap to check its gradient)',
    pairWeightFrom: '{{layer}} kernel {{out}} from map {{in}}: weights (click a tap to check its gradient)',
    pairGradient: '{{layer}} kernel {{out}}: dL/dW (click a tap to check it)',
    pairGradientFrom: '{{layer}} kernel {{out}} from map {{in}}: dL/dW (click a tap to check it)',
    gridCaption: 'rows: {{layer}} maps; columns: the maps they read; empty: not connected',
  },
  scale: {
    weight: 'W ±{{scale}}',
    gradient: 'dL/dW ±{{scale}}',
    caption: 'each image scaled by the largest |value| in {{tensor}}',
  },
  dense: {
    region: "Dense layers' gradient norms",
    title: 'dense layers',
    norm: '||dL/dW[j][:]||₂ per unit j',
    caption: 'each strip scaled by its own largest norm (white 0, red max); click a unit to focus it',
    strip: "{{layer}}: gradient norm of each of its {{units}} units' weights (click a unit to focus it)",
    max: 'max {{value}}',
    maxAt: 'max {{value}} (unit {{unit}})',
  },
};

export const zh: Catalog<typeof en> = {
  section: `学到的${z.kernel}（C1、C3）与${z.gradientCheck}`,
  title: `学到的${z.kernel}`,
  titleGradients: `${z.kernel}及其${z.gradient}`,
  weightsIntro: `当前网络学到的每个${z.kernel}的${z.weight} W。显示${z.backprop}后，每个${z.kernel}旁会出现它的${z.gradient} dL/dW；点击一个元素，可在下方检验它的导数。`,
  otherArchitecture: `所显示的${z.backprop}属于另一种网络结构，与这些层不符。`,
  intro: `一次${z.backprop}的 dL/dW：对标签 {{label}} 的${z.loss}值为 {{loss}}。点击${z.kernel}的一个元素，可检验它的导数。`,
  conv: {
    region: `{{layer}} 的${z.kernel}`,
    pairsRegion: `{{layer}} 的${z.kernel}及其${z.gradient}`,
    count: `{{count}} 个 {{size}}x{{size}} ${z.kernel}`,
    pairsCount: `{{count}} 个 {{size}}x{{size}} ${z.kernel}：W | dL/dW`,
    weightsCount: `{{count}} 个 {{size}}x{{size}} ${z.kernel}：W`,
    showGradient: `${z.gradient} dL/dW`,
    showWeight: `${z.weight} W`,
    mapAxis: '图',
    inputAxis: '输入 {{map}}',
    gridGradient: `{{layer}} ${z.outputMap} {{out}} 来自${z.inputMap} {{in}}：dL/dW（点击一个元素可检验它）`,
    gridWeight: `{{layer}} ${z.outputMap} {{out}} 来自${z.inputMap} {{in}}：${z.weight}（点击一个元素可检验它）`,
    pairWeight: `{{layer}} ${z.kernel} {{out}}：${z.weight}（点击一个元素可检验它的${z.gradient}）`,
    pairWeightFrom: `{{layer}} ${z.kernel} {{out}}（来自${z.inputMap} {{in}}）：${z.weight}（点击一个元素可检验它的${z.gradient}）`,
    pairGradient: `{{layer}} ${z.kernel} {{out}}：dL/dW（点击一个元素可检验它）`,
    pairGradientFrom: `{{layer}} ${z.kernel} {{out}}（来自${z.inputMap} {{in}}）：dL/dW（点击一个元素可检验它）`,
    gridCaption: `行：{{layer}} 的${z.outputMap}；列：它们读取的${z.inputMap}；空白：未连接`,
  },
  scale: {
    weight: `${z.weight} W ±{{scale}}`,
    gradient: `${z.gradient} dL/dW ±{{scale}}`,
    caption: '每幅图按 {{tensor}} 中最大的 |值| 缩放',
  },
  dense: {
    region: `${z.denseLayer}的${z.gradient}范数`,
    title: z.denseLayer,
    norm: '每个单元 j 的 ||dL/dW[j][:]||₂',
    caption: '每一条按自身的最大范数缩放（白色为 0，红色为最大）；点击一个单元可选中它',
    strip: `{{layer}}：{{units}} 个单元各自${z.weight}的${z.gradient}范数（点击一个单元可选中它）`,
    max: '最大 {{value}}',
    maxAt: '最大 {{value}}（单元 {{unit}}）',
  },
};
