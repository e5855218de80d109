/** The words of the training panel, in English and Chinese (the Chinese in the tutorial's terms, src/i18n/glossary.ts). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  region: 'Training',
  headingSubset: 'Train it yourself (subset: {{images}} images)',
  buttons: {
    train: 'Train',
    pause: 'Pause',
    resume: 'Resume',
    oneBatch: '1 batch',
    oneEpoch: '1 epoch',
    trainNew: 'Train new network',
    oneBatchNew: '1 batch (new)',
    oneEpochNew: '1 epoch (new)',
    resetScratch: 'New from scratch',
    resetScratchTitle: 'Starts the new network {{name}} from random weights (epoch 0), without training it',
    resetCopy: 'Copy as a new run',
    resetCopyTitle: 'Starts the new network {{name}} as a copy of the checkpoint shown, without training it',
    resetRun: 'Begin this run again',
    resetRunTitle: "Replaces {{name}}'s checkpoints by its first weights: {{from}}",
  },
  /** What training starts from: a new network (the run shown stays as it is), or the run trained here shown. */
  origin: {
    legend: '{{shown}} stays as it is: training makes a new network, {{name}}.',
    scratch: 'a new network from scratch ({{architecture}})',
    checkpoint: 'continue training this one from epoch {{epoch}} (the checkpoint shown) as a new run',
    architecture: '{{activation}}, {{pooling}}, {{c3}}, {{loss}}',
    continues: 'Training continues {{name}} from its last checkpoint (epoch {{epoch}}).',
    fromScratch: 'from scratch, with the architecture chosen in Advanced settings',
    fromCheckpoint: 'the copy of {{run}} at epoch {{epoch}}',
  },
  knobs: {
    learningRate: 'learning rate',
    momentum: 'momentum',
    weightDecay: 'weight decay',
  },
  newRun: {
    heading: 'A new network',
    rule: 'These take effect on a new network: the batch size and distortions when it starts, the architecture when it starts from scratch. The network shown keeps its own.',
    distortions: 'distortions',
  },
  architecture: {
    activation: 'activation',
    pooling: 'pooling',
    c3Connectivity: 'C3 connections',
    loss: 'loss',
  },
  /** What each architecture option does, as the engine computes it (the select's tooltip). */
  architectureHelp: {
    activation:
      'After C1, C3, C5 and F6 (and trainable subsampling): ReLU max(0, x); tanh scaled as LeCun does, 1.7159·tanh(2x/3); sigmoid 1/(1 + e^−x).',
    pooling:
      "S2 and S4 over 2×2 windows, stride 2: the largest value, the mean, or LeCun's trainable subsampling β·(sum of the window) + b, then the activation.",
    c3Connectivity:
      "C3 full: each of the 16 C3 maps reads all 6 S2 maps. LeCun's table: each reads 3, 4 or 6 of them (60 connections; LeCun et al. 1998, Table I).",
    loss: "On the softmax outputs p and the one-hot target t: cross-entropy −log p[label]; mean squared error (1/10)Σ(p − t)², so dL/dp = (2/10)(p − t) (the tutorial's squared error is E = ½Σ(t − y)²).",
  },
  /** The values of each architecture option, by the engine's names for them (src/engine/model/lenet5.ts). */
  choice: {
    activation: { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' },
    pooling: { max: 'max pooling', mean: 'mean pooling', subsample: 'trainable subsampling (LeCun)' },
    c3Connectivity: { full: 'C3 full', lenet5: "LeCun's table", learned: 'learned combinations' },
    loss: { 'softmax-cross-entropy': 'cross-entropy', 'mean-squared-error': 'mean squared error' },
  },
  loadingMnist: 'loading MNIST',
  progress: {
    position: '{{run}}: epoch {{epoch}}, step {{step}}',
    images: '{{done}} of {{total}} images this epoch',
    imagesTiming: '{{done}} of {{total}} images this epoch, {{rate}} images/s, about {{left}} left in it',
    loss: 'loss {{loss}}, batch accuracy {{accuracy}}',
  },
  duration: {
    minutes: '{{minutes}} min {{seconds}} s',
    seconds: '{{seconds}} s',
  },
  chart: {
    caption: '{{title}}: ',
    noData: '{{title}}: no data yet',
    points_one: '{{title}}, {{count}} point',
    points_other: '{{title}}, {{count}} points',
    loss: 'training loss',
    lossPoint: '{{loss}} at step {{step}}',
    accuracy: 'test accuracy ({{images}} images)',
    accuracyPoint: '{{accuracy}} at epoch {{epoch}}',
    time: 'time per epoch',
    timePoint: '{{seconds}} s for epoch {{epoch}}',
  },
};

export const zh: Catalog<typeof en> = {
  region: '训练',
  headingSubset: '亲手训练它（子集：{{images}} 张图像）',
  buttons: {
    train: '训练',
    pause: '暂停',
    resume: '继续',
    oneBatch: '训练 1 批',
    oneEpoch: '训练 1 轮',
    trainNew: '训练新网络',
    oneBatchNew: '新网络训练 1 批',
    oneEpochNew: '新网络训练 1 轮',
    resetScratch: '从零新建',
    resetScratchTitle: `用随机${zhTerm.weight}（第 0 轮）生成新网络 {{name}}，但不训练它`,
    resetCopy: '复制为新网络',
    resetCopyTitle: '把当前显示的检查点复制为新网络 {{name}}，但不训练它',
    resetRun: '从头重新训练这个网络',
    resetRunTitle: `用 {{name}} 最初的${zhTerm.weight}替换它的所有检查点：{{from}}`,
  },
  origin: {
    legend: '“{{shown}}”不会被改动：训练会生成一个新网络 {{name}}。',
    scratch: '从零开始的新网络（{{architecture}}）',
    checkpoint: '从当前显示的检查点（第 {{epoch}} 轮）继续训练它，结果存为新网络',
    architecture: '{{activation}}、{{pooling}}、{{c3}}、{{loss}}',
    continues: '训练会从 {{name}} 的最后一个检查点（第 {{epoch}} 轮）继续。',
    fromScratch: '从零开始，网络结构按“高级设置”中的选择',
    fromCheckpoint: '“{{run}}”第 {{epoch}} 轮的副本',
  },
  knobs: {
    learningRate: zhTerm.learningRate,
    momentum: zhTerm.momentum,
    weightDecay: `权值衰减（L2 ${zhTerm.regularization}）`,
  },
  newRun: {
    heading: '新网络',
    rule: '这些设置只作用于新网络：批大小与随机失真在新网络开始时生效，网络结构在从零开始时生效。当前显示的网络保持自己的设置。',
    distortions: `随机${zhTerm.distortion}（${zhTerm.dataAugmentation}）`,
  },
  architecture: {
    activation: zhTerm.activation,
    pooling: zhTerm.pooling,
    c3Connectivity: 'C3 的连接',
    loss: zhTerm.loss,
  },
  architectureHelp: {
    activation: `C1、C3、C5、F6（以及可训练的${zhTerm.subsamplingLayer}）之后的${zhTerm.activation}：ReLU 为 max(0, x)；tanh 按 LeCun 的做法缩放为 1.7159·tanh(2x/3)；sigmoid 为 1/(1 + e^−x)。`,
    pooling: `S2 与 S4 在 2×2 窗口上、${zhTerm.stride}为 2：取最大值、取平均值，或 LeCun 的可训练${zhTerm.subsamplingLayer}：${zhTerm.multiplicativeBias} β ×（窗口之和）+ ${zhTerm.additiveBias} b，再经${zhTerm.activation}。`,
    c3Connectivity: `C3 全部连接：C3 的 16 张${zhTerm.featureMap}各自读取 S2 的全部 6 张。LeCun 的连接表：每张只读取其中 3、4 或 6 张（共 60 个连接；LeCun 等人 1998 年论文的表 I）。`,
    loss: `作用于 softmax 输出 p 与独热${zhTerm.targetVector} t：${zhTerm.crossEntropy}为 −log p[label]；${zhTerm.meanSquaredError}为 (1/10)Σ(p − t)²，故 dL/dp = (2/10)(p − t)（教程中的平方误差是 E = ½Σ(t − y)²）。`,
  },
  choice: {
    activation: { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' },
    pooling: {
      max: zhTerm.maxPooling,
      mean: zhTerm.meanPooling,
      subsample: `可训练的${zhTerm.subsamplingLayer}（LeCun）`,
    },
    c3Connectivity: { full: 'C3 全部连接', lenet5: 'LeCun 的连接表', learned: '学习特征图的组合' },
    loss: { 'softmax-cross-entropy': zhTerm.crossEntropy, 'mean-squared-error': zhTerm.meanSquaredError },
  },
  loadingMnist: '正在加载 MNIST',
  progress: {
    position: '{{run}}：已训练 {{epoch}} 轮，第 {{step}} 步',
    images: '本轮已训练 {{done}} / {{total}} 张图像',
    imagesTiming: '本轮已训练 {{done}} / {{total}} 张图像，每秒 {{rate}} 张，本轮约剩 {{left}}',
    loss: `${zhTerm.loss}值 {{loss}}，本批准确率 {{accuracy}}`,
  },
  duration: {
    minutes: '{{minutes}} 分 {{seconds}} 秒',
    seconds: '{{seconds}} 秒',
  },
  chart: {
    caption: '{{title}}：',
    noData: '{{title}}：还没有数据',
    points_one: '{{title}}，{{count}} 个点',
    points_other: '{{title}}，{{count}} 个点',
    loss: `训练时的${zhTerm.loss}值`,
    lossPoint: '{{loss}}（第 {{step}} 步）',
    accuracy: '测试准确率（{{images}} 张图像）',
    accuracyPoint: '{{accuracy}}（训练 {{epoch}} 轮后）',
    time: '每轮用时',
    timePoint: '{{seconds}} 秒（第 {{epoch}} 轮）',
  },
};
