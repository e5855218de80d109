/**
 * The words of the close-up room (the arithmetic of the pinned node: convolution, pooling, a dense unit), in
 * English and Chinese (the tutorial's terms: 卷积直观解释, 池化直观解释). The slide mode, stride and zero padding: src/ui/slide.
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  region: 'Close-up of the pinned node',
  heading: {
    conv: 'Convolution close-up: {{layer}}, map {{map}}, row {{row}}, column {{column}}',
    pool: 'Pooling close-up: {{layer}}, map {{map}}, row {{row}}, column {{column}}',
    dense: 'Close-up: {{layer}}, unit {{unit}}',
  },
  fold: 'Fold',
  unfold: 'Show the arithmetic',
  foldLabel: 'Fold the close-up to its heading',
  unfoldLabel: 'Show the close-up of the pinned node',
  notRead: "Draw a digit: the close-up shows the arithmetic of the network's reading of it.",
  grid: '{{name}}, {{rows}} by {{columns}}: {{values}}',
  gridRow: 'row {{row}}: {{values}}',
  marked: '{{value}} (marked)',
  conv: {
    intro:
      'The {{size}}x{{size}} kernel lies on the window of the map below: each element of the window is multiplied by the kernel element over it, and the products are summed. The sums of all connected maps, plus the bias, give z; the activation function gives the value.',
    maps: 'Connected input maps',
    mapButton: 'map {{map}}: Σ {{sum}}',
    window: 'window of {{layer}} map {{map}}',
    kernel: 'kernel',
    products: 'products',
    sum: 'sum of the products',
    sumsLabel: 'sums of the maps',
    bias: 'bias',
    total: 'z, the sum of every map plus the bias',
    activated: '{{activation}}(z): the value shown in the view',
  },
  pool: {
    intro: {
      max: 'Max pooling: the 2x2 window of {{layer}} map {{map}} gives its largest value (marked).',
      mean: 'Mean pooling: the 2x2 window of {{layer}} map {{map}} gives the mean of its four values.',
      subsample:
        "LeCun's trainable subsampling: the sum of the 2x2 window of {{layer}} map {{map}}, times the map's coefficient (multiplicative bias), plus its additive bias, then the activation function.",
    },
    window: '2x2 window of {{layer}} map {{map}}',
    winner: 'the largest (the winner)',
    sum: 'sum of the window',
    mean: 'the mean: the sum / 4',
    coefficient: 'coefficient',
    bias: 'bias',
    z: 'z = coefficient × sum + bias',
    value: 'the value shown in the view',
  },
  dense: {
    intro:
      'Each of the {{inputs}} inputs x (the values of {{below}}) is multiplied by its weight w. The largest contributions w·x are listed, the others summed; with the bias they give z.',
    introOutput:
      'Each of the {{inputs}} inputs x (the values of {{below}}) is multiplied by its weight w; with the bias they give the logit z, and softmax over the ten logits gives the probability.',
    table: 'The largest contributions to {{layer}} unit {{unit}}',
    input: 'input',
    x: 'x',
    w: 'w',
    product: 'w·x',
    unit: '{{layer}} unit {{unit}}',
    cell: '{{layer}} map {{map}} ({{row}}, {{column}})',
    rest: 'the other {{count}} inputs',
    bias: 'bias',
    z: 'z',
    value: '{{activation}}(z): the value shown in the view',
    probability: 'softmax: the probability shown in the view',
  },
};

export const zh: Catalog<typeof en> = {
  region: '选中神经元的特写',
  heading: {
    conv: `卷积特写：{{layer}}，${zhTerm.featureMap} {{map}}，行 {{row}}，列 {{column}}`,
    pool: `池化特写：{{layer}}，${zhTerm.featureMap} {{map}}，行 {{row}}，列 {{column}}`,
    dense: '特写：{{layer}}，单元 {{unit}}',
  },
  fold: '收起',
  unfold: '显示计算过程',
  foldLabel: '把特写收起，只留标题',
  unfoldLabel: '显示选中神经元的特写',
  notRead: '请写一个数字：特写会显示网络识别它时的计算过程。',
  grid: '{{name}}，{{rows}}×{{columns}}：{{values}}',
  gridRow: '第 {{row}} 行：{{values}}',
  marked: '{{value}}（已标出）',
  conv: {
    intro: `{{size}}x{{size}} 的${zhTerm.kernel}覆盖在下层${zhTerm.featureMap}的窗口上：计算窗口与${zhTerm.kernel}对应元素的乘积，再把乘积相加。所有相连${zhTerm.inputMap}的和加上${zhTerm.bias}得到 z，再经过${zhTerm.activation}得到这个${zhTerm.neuron}的值。`,
    maps: `相连的${zhTerm.inputMap}`,
    mapButton: `${zhTerm.inputMap} {{map}}：Σ {{sum}}`,
    window: `{{layer}} ${zhTerm.featureMap} {{map}} 上的窗口`,
    kernel: zhTerm.kernel,
    products: '对应元素的乘积',
    sum: '乘积之和',
    sumsLabel: `各${zhTerm.inputMap}的和`,
    bias: zhTerm.bias,
    total: `z：所有${zhTerm.inputMap}的和加上${zhTerm.bias}`,
    activated: '{{activation}}(z)：视图中显示的值',
  },
  pool: {
    intro: {
      max: `${zhTerm.maxPooling}：取 {{layer}} ${zhTerm.featureMap} {{map}} 上 2x2 窗口中的最大值（已标出）。`,
      mean: `${zhTerm.meanPooling}：取 {{layer}} ${zhTerm.featureMap} {{map}} 上 2x2 窗口中四个值的平均值。`,
      subsample: `LeCun 的可训练${zhTerm.subsamplingLayer}：{{layer}} ${zhTerm.featureMap} {{map}} 上 2x2 窗口的和，乘以该图的系数（${zhTerm.multiplicativeBias}），加上${zhTerm.additiveBias}，再经过${zhTerm.activation}。`,
    },
    window: `{{layer}} ${zhTerm.featureMap} {{map}} 上的 2x2 窗口`,
    winner: '最大值（胜出者）',
    sum: '窗口之和',
    mean: '平均值：和 / 4',
    coefficient: `系数（${zhTerm.multiplicativeBias}）`,
    bias: zhTerm.additiveBias,
    z: 'z = 系数 × 和 + 偏置',
    value: '视图中显示的值',
  },
  dense: {
    intro: `{{inputs}} 个输入 x（{{below}} 的值）各乘以自己的${zhTerm.weight} w。列出贡献 w·x 最大的几项，其余的求和；再加上${zhTerm.bias}得到 z。`,
    introOutput: `{{inputs}} 个输入 x（{{below}} 的值）各乘以自己的${zhTerm.weight} w，加上${zhTerm.bias}得到 logit z；对十个 logit 做 softmax 得到${zhTerm.probability}。`,
    table: '{{layer}} 单元 {{unit}} 的最大贡献',
    input: '输入',
    x: '输入 x',
    w: `${zhTerm.weight} w`,
    product: '乘积 w·x',
    unit: '{{layer}} 单元 {{unit}}',
    cell: `{{layer}} ${zhTerm.featureMap} {{map}}（{{row}}，{{column}}）`,
    rest: '其余 {{count}} 个输入',
    bias: zhTerm.bias,
    z: '加权和 z',
    value: '{{activation}}(z)：视图中显示的值',
    probability: `softmax：视图中显示的${zhTerm.probability}`,
  },
};
