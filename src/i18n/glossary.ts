/**
 * The tutorial's own terms (shared/seed: 《CNN卷积神经网络》), each with the section it comes from. The
 * Chinese catalogs build their sentences from these, so a term reads the same everywhere in the app and
 * as the reader met it in the tutorial.
 */

/** One term: its English and Chinese, and the tutorial section (its title as written there) it is taken from. */
export interface Term {
  readonly en: string;
  readonly zh: string;
  readonly section: string;
  /** Where the app's short term is not the tutorial's words: how the tutorial puts it. */
  readonly tutorialWording?: string;
}

/** Every term the app uses, by meaning. */
export const GLOSSARY = {
  convolution: { en: 'convolution', zh: '卷积', section: '卷积直观解释' },
  convLayer: { en: 'convolutional layer', zh: '卷积层', section: '卷积层' },
  poolLayer: { en: 'pooling layer', zh: '池化层', section: '池化层' },
  subsamplingLayer: { en: 'subsampling layer', zh: '降采样层', section: '降采样层前后向传播' },
  pooling: { en: 'pooling', zh: '池化', section: '池化直观解释' },
  maxPooling: { en: 'max pooling', zh: '最大池化', section: '池化直观解释' },
  meanPooling: { en: 'mean pooling', zh: '平均池化', section: '池化直观解释' },
  denseLayer: { en: 'fully connected layer', zh: '全连接层', section: '全连接层' },
  featureMap: { en: 'feature map', zh: '特征图', section: '卷积直观解释' },
  kernel: { en: 'kernel', zh: '卷积核', section: '卷积层前向传播' },
  filter: { en: 'filter', zh: '滤波器', section: '卷积直观解释' },
  stride: { en: 'stride', zh: '步长', section: '卷积直观解释' },
  zeroPadding: { en: 'zero padding', zh: '零填充', section: '卷积直观解释' },
  activation: { en: 'activation function', zh: '激活函数', section: '激活函数（ReLU）' },
  relu: { en: 'ReLU', zh: 'ReLU', section: '激活函数（ReLU）' },
  neuron: { en: 'neuron', zh: '神经元', section: '全连接网络反向传播' },
  inputLayer: { en: 'input layer', zh: '输入层', section: '用BP训练全连接网络' },
  outputLayer: { en: 'output layer', zh: '输出层', section: '用BP训练全连接网络' },
  weight: { en: 'weight', zh: '权值', section: '全连接网络前向传播' },
  bias: { en: 'bias', zh: '偏置', section: '卷积层前向传播' },
  multiplicativeBias: { en: 'multiplicative bias β', zh: '乘性偏置', section: '降采样层前向传播' },
  additiveBias: { en: 'additive bias b', zh: '加性偏置', section: '降采样层前向传播' },
  forwardPass: { en: 'forward pass', zh: '前向传播', section: '组合并用反向传播训练' },
  backprop: { en: 'backpropagation', zh: '反向传播', section: '组合并用反向传播训练' },
  sensitivity: { en: 'error term δ', zh: '敏感度', section: '全连接网络反向传播', tutorialWording: '灵敏度' },
  sensitivityMap: { en: 'δ map', zh: '敏感度图', section: '学习特征图的组合' },
  upsample: { en: 'upsampling', zh: '上采样', section: '下层为降采样层的反向传播' },
  downsample: { en: 'downsampling', zh: '下采样', section: '池化直观解释' },
  receptiveField: { en: 'receptive field', zh: '接受域', section: '稀疏交互' },
  sparseInteractions: { en: 'sparse interactions', zh: '稀疏交互', section: '稀疏交互' },
  parameterSharing: { en: 'parameter sharing', zh: '参数共享', section: '参数共享' },
  equivariance: { en: 'equivariance', zh: '等变表示', section: '等变表示' },
  invariance: { en: 'invariance', zh: '不变性', section: '池化层的目的与好处' },
  translation: { en: 'translation', zh: '平移', section: '等变表示' },
  softmax: { en: 'softmax', zh: 'softmax', section: '全连接层直观解释' },
  probability: { en: 'probability', zh: '概率', section: '全连接层直观解释' },
  targetVector: { en: 'target vector', zh: '目标矢量', section: '组合并用反向传播训练' },
  loss: { en: 'loss', zh: '损失函数', section: '损失函数' },
  totalError: { en: 'total error', zh: '总误差', section: '组合并用反向传播训练' },
  crossEntropy: { en: 'cross-entropy', zh: '交叉熵', section: '交叉熵损失函数' },
  meanSquaredError: { en: 'mean squared error', zh: '均方误差', section: '从方差损失函数说起' },
  gradient: { en: 'gradient', zh: '梯度', section: '卷积层梯度计算' },
  gradientDescent: { en: 'gradient descent', zh: '梯度下降', section: '梯度下降法存在的问题' },
  learningRate: { en: 'learning rate', zh: '学习率', section: '学习率' },
  momentum: { en: 'momentum', zh: '动量', section: '动量法' },
  velocity: { en: 'velocity', zh: '速度', section: '动量法' },
  batchUpdate: { en: 'batch update', zh: '批量更新', section: '批量更新VS在线更新' },
  onlineUpdate: { en: 'online update', zh: '在线更新', section: '批量更新VS在线更新' },
  gradientCheck: {
    en: 'gradient check',
    zh: '梯度检验',
    section: '检查求导是否正确',
    tutorialWording: '检查求导是否正确',
  },
  finiteDifference: { en: 'finite difference', zh: '有限差分', section: '检查求导是否正确' },
  featureCombination: { en: 'learned combination of feature maps', zh: '特征图的组合', section: '学习特征图的组合' },
  sparseCombination: { en: 'sparse combination', zh: '稀疏组合', section: '加强稀疏组合' },
  trainingSet: { en: 'training set', zh: '训练集', section: 'LeNet5手写数字识别的C++实现' },
  errorRate: { en: 'error rate', zh: '错误率', section: 'LeNet' },
  featureDetector: { en: 'feature detector', zh: '特征检测器', section: '卷积直观解释' },
  regularization: { en: 'regularization', zh: '正则化', section: '加强稀疏组合' },
  dataAugmentation: { en: 'data augmentation', zh: '数据增强', section: 'AlexNet' },
  distortion: { en: 'distortion', zh: '失真', section: 'LeNet' },
  centralDifference: {
    en: 'central finite difference',
    zh: '中心差分',
    section: '检查求导是否正确',
    tutorialWording: '二阶有限差分',
  },
  inputMap: { en: 'input map', zh: '输入图', section: '卷积层前向传播' },
  outputMap: { en: 'output map', zh: '输出图', section: '卷积层前向传播' },
} as const satisfies Record<string, Term>;

/** A term's key. */
export type TermKey = keyof typeof GLOSSARY;

/** The Chinese of every term, for the catalogs' template strings: `${zhTerm.featureMap}`. */
export const zhTerm = Object.fromEntries(Object.entries(GLOSSARY).map(([key, term]) => [key, term.zh])) as {
  readonly [K in TermKey]: (typeof GLOSSARY)[K]['zh'];
};

/** The English of every term. */
export const enTerm = Object.fromEntries(Object.entries(GLOSSARY).map(([key, term]) => [key, term.en])) as {
  readonly [K in TermKey]: (typeof GLOSSARY)[K]['en'];
};
