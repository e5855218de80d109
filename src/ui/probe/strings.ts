/**
 * The words of the probe room (the transform probe's controls, the pad's note, equivariance and the invariance
 * sweeps), in English and Chinese (the tutorial's terms: 等变表示, 池化层的目的与好处, 平移, 不变性).
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
  sweeps: {
    heading: 'Invariance sweeps',
    intro:
      "Your input, untransformed, is shifted, turned and scaled by every value of a sweep and read by the selected checkpoint and by each shipped network at its last checkpoint: max pooling (modern) beside LeCun's subsampling (1998).",
    empty: 'Draw a digit (or load a test digit) to sweep it.',
    computing: 'Running the sweeps…',
    problem: 'The sweep failed: {{detail}}',
    run: '{{run}}, epoch {{epoch}}',
    shiftTitle: 'Shifts: dx and dy from −8 to 8 px',
    rotateTitle: 'Rotations from −60° to 60°, every 5°',
    scaleTitle: 'Scales from 0.5 to 1.5, every 0.05',
    colour: 'Brightness: p({{digit}}); a number: the digit read instead',
    yAxis: 'p({{digit}})',
    dxAxis: 'dx →',
    dyAxis: 'dy →',
    digitsRow: 'Under the chart: the digit each network reads where it is not {{digit}}.',
    readoutLine: '{{run}}: {{text}}',
    cell: 'dx {{dx}}, dy {{dy}}: reads {{label}}, p({{digit}}) = {{p}}',
    point: '{{value}}: reads {{label}}, p({{digit}}) = {{p}}',
    chartKeys: '{{summary}} Arrow keys step through the values.',
    shiftSummary:
      '{{run}} reads {{digit}} at {{count}} of the 289 shifts, and at every shift of up to {{radius}} px each way.',
    shiftSummaryNone: '{{run}} reads {{digit}} at {{count}} of the 289 shifts; unshifted it reads {{label}}.',
    rangeSummary: '{{run}} reads {{digit}} from {{from}} to {{to}}.',
    rangeSummaryNone: '{{run}} reads {{label}} without a transform, not {{digit}}.',
    explain:
      'What pooling is for: it makes the reading a little invariant to small translations of the input. Each 2x2 pooling forgives a shift within its window; after two of them a shift of a pixel or two barely changes what the fully connected layers see. Larger shifts carry the strokes past what the kernels learned, and the reading breaks.',
    explainRotate:
      'The tutorial also says pooling strengthens rotation invariance. The rotation and scale sweeps show how far that goes: convolution is not equivariant to rotation or scale, so the reading holds only for small turns and scalings.',
    explainTraining:
      'Both shipped networks were trained on digits shifted by up to 2 px, turned by up to 10° and scaled by up to 10% (data augmentation): part of the invariance the sweeps show was learned from those examples, not given by pooling.',
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
  sweeps: {
    heading: `${zhTerm.invariance}扫描`,
    intro: `把未变换的输入按扫描中的每个值${zhTerm.translation}、旋转和缩放，再由选中的检查点以及每个自带网络的最后一个检查点识别：${zhTerm.maxPooling}（现代网络）与 LeCun 的降采样（1998）并排比较。`,
    empty: '请写一个数字（或载入一个测试数字）再扫描。',
    computing: '正在扫描…',
    problem: '扫描出错：{{detail}}',
    run: '{{run}}，第 {{epoch}} 轮',
    shiftTitle: `${zhTerm.translation}：dx 和 dy 从 −8 到 8 像素`,
    rotateTitle: '旋转：从 −60° 到 60°，每 5° 一个',
    scaleTitle: '缩放：从 0.5 到 1.5，每 0.05 一个',
    colour: '亮度：p({{digit}})；数字：改读成的数字',
    yAxis: '{{digit}} 的概率',
    dxAxis: 'dx（向右）→',
    dyAxis: 'dy（向下）→',
    digitsRow: '图下方的数字：各网络不读作 {{digit}} 时读成的数字。',
    readoutLine: '{{run}}：{{text}}',
    cell: 'dx {{dx}}，dy {{dy}}：读作 {{label}}，p({{digit}}) = {{p}}',
    point: '{{value}}：读作 {{label}}，p({{digit}}) = {{p}}',
    chartKeys: '{{summary}} 用方向键逐个查看各个值。',
    shiftSummary: `{{run}} 在 289 种${zhTerm.translation}中有 {{count}} 种读作 {{digit}}；在每个方向${zhTerm.translation}不超过 {{radius}} 像素时都是如此。`,
    shiftSummaryNone: `{{run}} 在 289 种${zhTerm.translation}中有 {{count}} 种读作 {{digit}}；不${zhTerm.translation}时读作 {{label}}。`,
    rangeSummary: '{{run}} 从 {{from}} 到 {{to}} 都读作 {{digit}}。',
    rangeSummaryNone: '{{run}} 不做变换时读作 {{label}}，而不是 {{digit}}。',
    explain: `${zhTerm.poolLayer}的目的与好处：它让识别结果对输入的微小${zhTerm.translation}具有一定的${zhTerm.invariance}。每个 2x2 池化都能容忍窗口之内的位移；经过两次池化，一两个像素的${zhTerm.translation}几乎不改变${zhTerm.denseLayer}看到的东西。${zhTerm.translation}更大时，笔画移出了${zhTerm.kernel}学到的范围，识别结果就变了。`,
    explainRotate: `教程还说池化增强了旋转${zhTerm.invariance}。旋转和缩放的扫描显示了它能做到什么程度：卷积对旋转和缩放并不是天然等变的，所以只有在小角度旋转、小幅缩放时识别结果才保持不变。`,
    explainTraining: `两个自带网络都用${zhTerm.translation}至多 2 像素、旋转至多 10°、缩放至多 10% 的数字训练过（${zhTerm.dataAugmentation}）：扫描中看到的${zhTerm.invariance}有一部分是从这些样本中学到的，并非全由池化带来。`,
  },
};
