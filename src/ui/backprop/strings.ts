/** The words of this room's panels, in English and Chinese (the Chinese in the tutorial's terms, src/i18n/glossary.ts). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm as z } from '../../i18n/glossary';

export const en = {
  panels: {
    learning: 'How it learns from your drawing',
  },
  backward: {
    region: 'Backward pass',
    labelGroup: 'This drawing is a',
    thisIsA: 'this is a',
    preselected: "preselected: the network's reading; press the digit it should be",
    youSay: 'you say it is a {{label}}',
    toggle: 'show the backward pass (error terms δ)',
    part: 'dL/d(activation) instead of δ = dL/dz',
    skipSweep: 'skip the sweep',
    loss: 'loss for a {{label}}: <strong>{{loss}}</strong> <muted>({{name}})</muted>',
    lossName: {
      'softmax-cross-entropy': 'cross-entropy, −log p[label]',
      'mean-squared-error': 'mean squared error over the 10 outputs',
    },
    drawFirst: 'draw a digit to see how the network would learn from it',
    scale: {
      label: 'colour scale',
      layer: 'each layer by its own largest |δ|',
      shared: 'one scale for all layers (the largest |δ| in the network)',
    },
  },
  nothing: {
    text:
      'Almost nothing to learn: the network already reads this as a {{label}} with probability {{probability}} ' +
      '(at least 99.9%, so the loss, {{loss}}, is below 0.001), and every δ is tiny.',
    layerScale:
      'The colours look as vivid as for a wrong label only because each layer is scaled to its own largest |δ|; ' +
      'choose one scale for all layers to compare them.',
    try: 'Try a label it finds less likely:',
    label: '{{digit}} (p = {{probability}})',
  },
  teach: {
    region: 'Teach the network this drawing',
    button: 'teach it {{label}}',
    buttonNoLabel: 'teach it',
    rate: 'rate η',
    rateTitle: 'the learning rate of the teaching steps',
    undo: 'undo teaching',
    rateInvalid: 'The learning rate must be a number above 0 and at most 10.',
    status: '{{steps}} {{reading}}',
    steps_one: '{{count}} step on this drawing; loss {{before}} → {{after}}.',
    steps_other: '{{count}} steps on this drawing; loss {{before}} → {{after}}.',
    flipped_one: 'It read your {{label}} after {{count}} step.',
    flipped_other: 'It read your {{label}} after {{count}} steps.',
    notYet: 'It does not read a {{label}} yet.',
    cost: 'You taught it your {{label}}; on {{images}} test images it now gets <strong>{{after}}</strong> instead of {{before}}.',
    costButton: 'what did it cost? ({{images}} test images)',
    scratch: 'A scratch copy: the stored checkpoints are untouched; undo returns to the checkpoint exactly.',
    failed: 'Teaching: {{detail}}',
  },
  check: {
    title: 'Gradient check',
    intro: "Is backprop's derivative right? Compare it with a central finite difference of the loss.",
    random: 'random weight',
    again: 'check again',
    entry: '{{axes}}, entry {{index}}',
    pickHint: 'Click a kernel tap among the learned kernels, or pick a random weight.',
    checking: 'checking…',
    waiting: 'waiting for the check of this weight…',
    failed: 'Gradient check: {{detail}}',
    rows: {
      weight: 'weight w',
      engine: 'dL/dw, backprop (engine, float32)',
      analytic: 'dL/dw, backprop (float64)',
      epsilon: 'step ε',
      lossPlus: 'loss L(w + ε)',
      lossMinus: 'loss L(w − ε)',
      numeric: 'central difference (L(w + ε) − L(w − ε)) / 2ε',
      relative: 'relative difference |a − n| / max(|a|, |n|)',
    },
    verdict: {
      zero: 'agree: both are zero, the drawing does not reach this weight (e.g. it feeds only ReLUs that are off).',
      agree: "agree: the relative difference is below {{threshold}}, backprop's derivative is right.",
      differ:
        'differ: the loss is not smooth within ±ε of this weight. A ReLU whose input crosses zero, or a max-pool window whose winner switches, between w − ε and w + ε puts a kink inside the finite difference, so it no longer measures the slope at w. Try another weight.',
    },
    engineAgainst: 'engine (float32) against float64 backprop: relative difference {{value}}',
    epsilonNote:
      'The tutorial (检查求导是否正确) suggests ε = 10e-8, that is 1e-7. In float32, which keeps about 7 significant digits, L(w + ε) and L(w − ε) would differ by little more than rounding, so the app computes both losses in float64 with ε = {{epsilon}}.',
  },
};

export const zh: Catalog<typeof en> = {
  panels: {
    learning: '网络如何从你的手写数字中学习',
  },
  backward: {
    region: z.backprop,
    labelGroup: '这个手写数字是',
    thisIsA: '这是',
    preselected: '已预选网络的识别结果；请点它应当是的数字',
    youSay: '你认为它是 {{label}}',
    toggle: `显示${z.backprop}（${z.sensitivity} δ）`,
    part: '显示 dL/d(激活输出)，而不是 δ = dL/dz',
    skipSweep: '跳过逐层动画',
    loss: `若它是 {{label}}，${z.loss}为 <strong>{{loss}}</strong><muted>（{{name}}）</muted>`,
    lossName: {
      'softmax-cross-entropy': `${z.crossEntropy}，−log p[标签]`,
      'mean-squared-error': `10 个输出上的${z.meanSquaredError}`,
    },
    drawFirst: '写一个数字，看看网络会如何从中学习',
    scale: {
      label: '颜色刻度',
      layer: '每层按自身最大的 |δ| 缩放',
      shared: '所有层共用一个刻度（整个网络中最大的 |δ|）',
    },
  },
  nothing: {
    text: `几乎没有什么可学的：网络已经以 {{probability}} 的概率把它认作 {{label}}（至少 99.9%，所以${z.loss}值 {{loss}} 低于 0.001），每个 δ 都极小。`,
    layerScale:
      '颜色看起来和标签错误时一样鲜艳，只是因为每层都按自身最大的 |δ| 缩放；选择“所有层共用一个刻度”即可比较各层。',
    try: '换一个它认为不太可能的标签试试：',
    label: '{{digit}}（p = {{probability}}）',
  },
  teach: {
    region: '用这个手写数字教网络',
    button: '教它 {{label}}',
    buttonNoLabel: '教它',
    rate: `${z.learningRate} η`,
    rateTitle: `教学步骤的${z.learningRate}`,
    undo: '撤销教学',
    rateInvalid: `${z.learningRate}必须是大于 0、不超过 10 的数。`,
    status: '{{steps}}{{reading}}',
    steps_one: `在这个数字上训练了 {{count}} 步；${z.loss}值 {{before}} → {{after}}。`,
    steps_other: `在这个数字上训练了 {{count}} 步；${z.loss}值 {{before}} → {{after}}。`,
    flipped_one: '{{count}} 步后，它认出了你写的 {{label}}。',
    flipped_other: '{{count}} 步后，它认出了你写的 {{label}}。',
    notYet: '它还没有把它认作 {{label}}。',
    cost: '你教会了它认你写的 {{label}}；在 {{images}} 张测试图像上，它现在的正确率是 <strong>{{after}}</strong>，之前是 {{before}}。',
    costButton: '代价是什么？（{{images}} 张测试图像）',
    scratch: '这是一份临时副本：保存的检查点不受影响；撤销会精确回到该检查点。',
    failed: '教学出错：{{detail}}',
  },
  check: {
    title: z.gradientCheck,
    intro: `${z.backprop}算出的导数对吗？把它与${z.loss}的${z.centralDifference}（教程称“二阶有限差分”）比较。`,
    random: `随机选一个${z.weight}`,
    again: '再检验一次',
    entry: '{{axes}}，第 {{index}} 项',
    pickHint: `在参数${z.gradient}中点击${z.kernel}的一个元素，或随机选一个${z.weight}。`,
    checking: '检验中…',
    waiting: `等待这个${z.weight}的检验结果…`,
    failed: `${z.gradientCheck}出错：{{detail}}`,
    rows: {
      weight: `${z.weight} w`,
      engine: `dL/dw，${z.backprop}（引擎，float32）`,
      analytic: `dL/dw，${z.backprop}（float64）`,
      epsilon: '步长 ε',
      lossPlus: `${z.loss} L(w + ε)`,
      lossMinus: `${z.loss} L(w − ε)`,
      numeric: `${z.centralDifference} (L(w + ε) − L(w − ε)) / 2ε`,
      relative: '相对差 |a − n| / max(|a|, |n|)',
    },
    verdict: {
      zero: `一致：两者都为零，这个手写数字影响不到这个${z.weight}（例如它只连到处于关闭状态的 ReLU）。`,
      agree: `一致：相对差小于 {{threshold}}，${z.backprop}的导数是对的。`,
      differ: `不一致：${z.loss}在这个${z.weight}的 ±ε 范围内不光滑。在 w − ε 与 w + ε 之间，若某个 ReLU 的输入穿过零点，或某个${z.maxPooling}窗口的胜出者发生改变，差分区间内就有一个折点，它测到的就不再是 w 处的斜率。请换一个${z.weight}试试。`,
    },
    engineAgainst: `引擎（float32）与 float64 ${z.backprop}的相对差：{{value}}`,
    epsilonNote: `教程（检查求导是否正确）建议 ε = 10e-8，即 1e-7。float32 只有约 7 位有效数字，L(w + ε) 与 L(w − ε) 之差几乎只剩舍入误差，所以这里用 float64 计算两个${z.loss}值，并取 ε = {{epsilon}}。`,
  },
};
