/**
 * The words of the invariance sweeps (the reading over shifts, rotations and scales, for the selected checkpoint and
 * the shipped networks), in English and Chinese (the tutorial's terms: 池化层的目的与好处, 平移, 不变性). The units of
 * the values (degrees, times) are the probe's (src/ui/probe/strings.ts).
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
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
