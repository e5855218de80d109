/**
 * The words of the probe room (the transform probe's controls, the pad's note, equivariance), in English and Chinese
 * (the tutorial's terms: 等变表示, 平移, 不变性). The invariance sweeps: src/ui/sweeps.
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  section: 'Shift, rotate, scale: equivariance and invariance',
  intro:
    'The probe moves, turns or scales the 32x32 input after preprocessing (the centring would undo a shift). The pad shows what the network now reads; the view, the tooltips and the backward view read it too.',
  controls: 'The transform probe',
  dx: 'Shift right (dx)',
  dy: 'Shift down (dy)',
  rotate: 'Rotate (counterclockwise)',
  scale: 'Scale',
  pixels: '{{value}} px',
  degrees: '{{value}}°',
  times: '×{{value}}',
  reset: 'Reset the probe',
  problem: 'The probe failed: {{detail}}',
  pad: {
    label:
      'The input the network reads: your input moved by ({{dx}}, {{dy}}) px, turned {{rotate}}°, scaled ×{{scale}}',
    caption: 'what the network reads: ({{dx}}, {{dy}}) px · {{rotate}}° · ×{{scale}}',
  },
  equivariance: {
    heading: 'Equivariance',
    intro:
      'Convolution is equivariant to translation: shifting the input shifts its feature maps the same way, f(g(x)) = g(f(x)). For one map, the map of the shifted input is shown beside the original map shifted by the same amount, and their difference.',
    layer: 'Layer',
    map: 'Map',
    ofShifted: 'map of the shifted input',
    shiftedMap: 'original map, shifted',
    difference: 'difference (veiled: outside the borders)',
    maxInside: 'Largest |difference| inside the borders, over all {{maps}} maps of {{layer}}: {{value}}',
    maxEverywhere: 'Largest |difference| everywhere: {{value}}',
    mapShift: 'A shift of ({{dx}}, {{dy}}) px moves {{layer}} (stride {{stride}} px) by ({{mx}}, {{my}}) cells.',
    whole:
      'The stride divides the shift: inside the borders the two maps agree; they differ only where the shifted digit meets the image’s edge.',
    notWhole:
      'The stride {{stride}} of {{layer}} does not divide the shift, so no whole-cell shift of the map matches it: the maps differ even inside the borders. After pooling, the network is not exactly equivariant.',
    noShift: 'Set a shift (dx, dy) above to compare the maps.',
    notWholePixels: 'Equivariance is compared for whole-pixel shifts; set dx and dy to whole numbers.',
    rotateNote:
      'Rotation and scale are left out of this comparison: convolution is not equivariant to them (the tutorial says so too).',
    computing: 'Comparing…',
    mapLabel: '{{name}}: {{layer}} map {{map}}',
  },
};

export const zh: Catalog<typeof en> = {
  section: `${zhTerm.translation}、旋转、缩放：${zhTerm.equivariance}与${zhTerm.invariance}`,
  intro: `变换探针对预处理之后的 32x32 输入做${zhTerm.translation}、旋转或缩放（居中这一步会抵消${zhTerm.translation}，所以放在它之后）。手写板上显示网络此刻读到的输入；视图、提示框和${zhTerm.backprop}视图也都读取它。`,
  controls: '变换探针',
  dx: `向右${zhTerm.translation}（dx）`,
  dy: `向下${zhTerm.translation}（dy）`,
  rotate: '旋转（逆时针）',
  scale: '缩放',
  pixels: '{{value}} 像素',
  degrees: '{{value}} 度',
  times: '{{value}} 倍',
  reset: '重置变换探针',
  problem: '变换探针出错：{{detail}}',
  pad: {
    label: `网络读到的输入：你的输入${zhTerm.translation} ({{dx}}, {{dy}}) 像素、旋转 {{rotate}}°、缩放 ×{{scale}}`,
    caption: '网络读到的输入：({{dx}}, {{dy}}) 像素 · {{rotate}}° · ×{{scale}}',
  },
  equivariance: {
    heading: zhTerm.equivariance,
    intro: `卷积对${zhTerm.translation}具有等变性：输入${zhTerm.translation}，${zhTerm.featureMap}也以同样的方式${zhTerm.translation}，即 f(g(x)) = g(f(x))。这里对一张${zhTerm.featureMap}，把${zhTerm.translation}后输入的${zhTerm.featureMap}与原${zhTerm.featureMap}${zhTerm.translation}同样的量并排比较，并给出两者之差。`,
    layer: '层',
    map: zhTerm.featureMap,
    ofShifted: `${zhTerm.translation}后输入的${zhTerm.featureMap}`,
    shiftedMap: `原${zhTerm.featureMap}，${zhTerm.translation}后`,
    difference: '差（变暗的是边界以外的位置）',
    maxInside: `边界以内 |差| 的最大值（{{layer}} 全部 {{maps}} 张${zhTerm.featureMap}）：{{value}}`,
    maxEverywhere: '所有位置 |差| 的最大值：{{value}}',
    mapShift: `${zhTerm.translation} ({{dx}}, {{dy}}) 像素使 {{layer}}（${zhTerm.stride} {{stride}} 像素）移动 ({{mx}}, {{my}}) 格。`,
    whole: `${zhTerm.stride}能整除${zhTerm.translation}量：边界以内两张${zhTerm.featureMap}一致，只在${zhTerm.translation}后的数字碰到图像边缘的地方不同。`,
    notWhole: `{{layer}} 的${zhTerm.stride} {{stride}} 不能整除${zhTerm.translation}量，${zhTerm.featureMap}没有哪种整格${zhTerm.translation}与之对应：即使在边界以内两者也不同。经过池化之后，网络不再严格等变。`,
    noShift: `请在上方设置${zhTerm.translation}量（dx, dy）来比较${zhTerm.featureMap}。`,
    notWholePixels: `等变性按整像素${zhTerm.translation}比较；请把 dx 和 dy 设为整数。`,
    rotateNote: '旋转和缩放不参与这里的比较：卷积对它们并不是天然等变的（教程中也这样说）。',
    computing: '正在比较…',
    mapLabel: `{{name}}：{{layer}} ${zhTerm.featureMap} {{map}}`,
  },
};
