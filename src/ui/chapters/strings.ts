/** The chapters: the tutorial's sections as a path through the app, in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  menu: 'Chapters',
  menuLabel: 'Chapters of the tutorial shown in the app',
  coming: 'coming',
  comingNote: 'This part of the app is not built yet.',
  close: 'Close the chapter',
  fromTutorial: 'Tutorial section: {{section}}',
  chapter: {
    convolution: {
      title: 'Convolution, intuitively',
      text: "The pinned c1 neuron is one cell of a feature map: its 5x5 kernel slides over the input, and here it sits on the lit window below it. Its value is the sum of the window times the kernel, plus the bias, through ReLU: the close-up beside the view shows every product. Press 'Slide' there to watch the window move (the stride is 1) and the feature map being built cell by cell, and try another stride or zero padding.",
    },
    pooling: {
      title: 'Pooling, intuitively',
      text: 'The pinned s2 cell takes the largest of the four values in its 2x2 window of c1 (marked), and the window moves by 2. The map shrinks to a quarter, and a small shift of the digit barely changes it.',
    },
    'fully-connected': {
      title: 'The fully connected layer, intuitively',
      text: 'The pinned f6 unit reads every one of the 120 values of c5: each edge is a weight. Fully connected layers combine the features the convolution and pooling layers found into the reading; the output layer turns them into ten probabilities with softmax.',
    },
    training: {
      title: 'Putting it together: training with backpropagation',
      text: 'Training starts from random weights, runs each training image forward, measures the error against the target vector and moves every weight and kernel against its gradient. Train a new network here and step through its epochs on the timeline to watch your drawing be read better and better.',
    },
    visualization: {
      title: 'Visualizing a convolutional network',
      text: "The c3 node with the strongest response is pinned and its portrait is open beside the view: the test digits that excite it most (the 14x14 window it sees outlined on each), an input synthesized to excite it, and how its value spreads over the test images. The tutorial says that more convolution steps learn more complex features (edges in the first layer, then shapes made of edges); compare with a c1 node's portrait (5x5 windows: short strokes at one angle) and an output's (the network's own 0 … 9). In a LeNet-5 trained on MNIST the c3 features are pieces of strokes and where they meet, not the faces of the tutorial's figure, which comes from a convolutional deep belief network trained on faces.",
    },
    equivariance: {
      title: 'Equivariance',
      text: "Shift the digit and the convolution's feature maps shift with it; rotate or scale it and they do not simply follow. The transform probe now shifts your input by (2, 1) px: its equivariance panel shows c1's map of the shifted input beside c1's map shifted, equal inside the borders. Choose s2: a shift of 1 px is half a pooling cell, and the maps differ.",
    },
    'pooling-invariance': {
      title: 'What pooling is for',
      text: "Pooling makes the reading a little invariant to small shifts of the input. The invariance sweeps read your digit shifted by up to 8 px each way, turned by up to 60° and scaled from 0.5 to 1.5, for max pooling and for LeCun's subsampling side by side: see how far the reading holds.",
    },
    'conv-backprop': {
      title: 'Backpropagation into a layer below a convolution',
      text: "The backward view is on, against the network's runner-up digit, and the c3 neuron with the largest δ is pinned. Its tooltip derives its δ: the δ maps of the layer above convolved ('full') with the 180°-rotated kernels, times f'(z).",
    },
    'pool-backprop': {
      title: 'Backpropagation into a layer below a subsampling layer',
      text: 'The pinned s2 cell passes its δ down to its 2x2 window in c1: to the winner only for max pooling (the other three get 0), a quarter each for mean pooling, β·δ for trainable subsampling — the UpSample of the tutorial.',
    },
    'learned-combinations': {
      title: 'Learning combinations of feature maps',
      text: "Instead of LeCun's hand-made C3 table, the network learns how much each s2 map feeds each c3 map (α = softmax of free weights c). The α panel shows them beside LeCun's table, epoch by epoch along the timeline; the pinned c3 node's edges fade with α. The penalties that should make α sparse (加强稀疏组合) are in the advanced settings: the tutorial's L1 does nothing, since the α of a map always sum to 1.",
    },
    'batch-vs-online': {
      title: 'Batch versus online updates',
      text: 'Batch size 1 in the training panel updates the weights after every single image (online updates); larger batches average the gradient first. Train a run at 1 and one at 64 and compare their loss curves: the online loss is far noisier, and it needs a smaller learning rate.',
    },
    'gradient-check': {
      title: 'Checking the derivatives',
      text: "One weight's derivative from backpropagation is compared with the central finite difference (L(w+ε) − L(w−ε)) / 2ε. The tutorial suggests ε = 10e-8; in float32 that step is lost in rounding, so the app computes in float64 with ε = 1e-3 and shows the relative difference.",
    },
    momentum: {
      title: 'Momentum',
      text: "Momentum keeps a velocity v ← γv + η∇L and moves the weights by it, so steps that agree add up and zig-zags cancel. While a run trains, the momentum charts show each layer's gradient, velocity and update-to-weight ratio; train one run with momentum 0 and one with 0.9 and overlay them in the run comparison.",
    },
  },
};

export const zh: Catalog<typeof en> = {
  menu: '章节',
  menuLabel: '教程中在本应用里可以看到的章节',
  coming: '即将推出',
  comingNote: '应用的这一部分尚未完成。',
  close: '关闭本章',
  fromTutorial: '教程章节：{{section}}',
  chapter: {
    convolution: {
      title: '卷积直观解释',
      text: `被选中的 c1 ${zhTerm.neuron}是一张${zhTerm.featureMap}中的一个点：它的 5x5 ${zhTerm.kernel}在输入上滑动，此刻正停在下方被点亮的窗口上。它的值是窗口与${zhTerm.kernel}对应元素乘积之和，加上${zhTerm.bias}，再经过 ReLU：视图旁的特写列出了每一个乘积。点那里的“滑动”，可以看到窗口逐格移动（${zhTerm.stride}为 1），${zhTerm.featureMap}一格一格地生成；还可以试试别的${zhTerm.stride}和${zhTerm.zeroPadding}。`,
    },
    pooling: {
      title: '池化直观解释',
      text: `被选中的 s2 点取 c1 中它的 2x2 窗口里四个值的最大值（已标出），窗口每次移动 2 个元素。${zhTerm.featureMap}缩小为四分之一，数字稍作${zhTerm.translation}时它几乎不变。`,
    },
    'fully-connected': {
      title: '全连接层直观解释',
      text: `被选中的 f6 单元读取 c5 的全部 120 个值：每条连线都是一个${zhTerm.weight}。${zhTerm.denseLayer}把${zhTerm.convLayer}和${zhTerm.poolLayer}提取到的特征组合起来进行分类；${zhTerm.outputLayer}用 softmax 把它们变成十个${zhTerm.probability}。`,
    },
    training: {
      title: '组合并用反向传播训练',
      text: `训练从随机${zhTerm.weight}开始：每张训练图像经过${zhTerm.forwardPass}，与${zhTerm.targetVector}比较算出误差，再沿${zhTerm.gradient}的反方向更新所有${zhTerm.weight}和${zhTerm.filter}。在这里训练一个新网络，并在时间轴上逐轮查看，你的手写数字会被识别得越来越好。`,
    },
    visualization: {
      title: '卷积神经网络的可视化',
      text: `已选中响应最强的 c3 ${zhTerm.neuron}，并在视图旁打开了它的画像：最能激发它的测试数字（每个上面都框出它看到的 14x14 窗口）、为激发它而合成的输入，以及它的值在测试图像上的分布。教程说，卷积的步骤越多，网络学到的特征就越复杂（第一层检测边缘，下一层用边缘检测简单的形状）；可以与一个 c1 ${zhTerm.neuron}的画像（5x5 窗口：某个方向的短笔画）和${zhTerm.outputLayer}的画像（网络心目中的 0 … 9）对比。在 MNIST 上训练的 LeNet-5 里，c3 的特征是笔画的片段和交汇处，而不是教程图中的人脸——那张图来自在人脸图像上训练的卷积深度置信网络。`,
    },
    equivariance: {
      title: '等变表示',
      text: `把数字${zhTerm.translation}，卷积得到的${zhTerm.featureMap}也随之${zhTerm.translation}；旋转或缩放它，${zhTerm.featureMap}却不会简单地跟着变化。变换探针现在把你的输入${zhTerm.translation}了 (2, 1) 像素：等变面板把${zhTerm.translation}后输入的 c1 ${zhTerm.featureMap}与${zhTerm.translation}后的原 c1 ${zhTerm.featureMap}并排显示，两者在边界以内相同。选择 s2：${zhTerm.translation} 1 像素只是半个池化格，两张图就不同了。`,
    },
    'pooling-invariance': {
      title: '池化层的目的与好处',
      text: `池化让识别结果对输入的微小${zhTerm.translation}具有一定的${zhTerm.invariance}。${zhTerm.invariance}扫描把你的数字在每个方向${zhTerm.translation}至多 8 像素、旋转至多 60°、缩放 0.5 到 1.5 倍后再识别，${zhTerm.maxPooling}与 LeCun 的降采样并排比较：看看识别结果能保持到什么程度。`,
    },
    'conv-backprop': {
      title: '下层为卷积层的反向传播',
      text: `${zhTerm.backprop}视图已打开，目标是网络的第二候选数字，并选中了 ${zhTerm.sensitivity} δ 最大的 c3 ${zhTerm.neuron}。它的提示框推导出这个 δ：上一层的${zhTerm.sensitivityMap}与旋转 180° 的${zhTerm.kernel}做 'full' 卷积，再乘以 f'(u)。`,
    },
    'pool-backprop': {
      title: '下层为降采样层的反向传播',
      text: `被选中的 s2 点把它的 δ 传回 c1 中的 2x2 窗口：${zhTerm.maxPooling}只传给最大值所在的位置（其余三个为 0），${zhTerm.meanPooling}平摊为四分之一，可训练的降采样则传 β·δ——即教程中的 UpSample（${zhTerm.upsample}）。`,
    },
    'learned-combinations': {
      title: '学习特征图的组合',
      text: `不再使用 LeCun 手工设计的 C3 连接表，而是让网络自己学习每张 s2 ${zhTerm.featureMap}对每张 c3 ${zhTerm.featureMap}的贡献（α 为自由权值 c 的 softmax）。α 面板把它们与 LeCun 的连接表并排显示，并随时间轴逐轮变化；固定的 c3 节点的连线按 α 变淡。使组合变得稀疏的罚函数（加强稀疏组合）在高级设置中：教程的 L1 罚函数不起作用，因为一张图的各 α 之和总是 1。`,
    },
    'batch-vs-online': {
      title: '批量更新VS在线更新',
      text: `每看一张图像就更新一次（${zhTerm.onlineUpdate}），还是每看一批再更新（${zhTerm.batchUpdate}）：训练面板中把批量大小设为 1 就是每张图像更新一次${zhTerm.weight}，更大的批量先对梯度取平均。分别以 1 和 64 训练两个网络并比较损失曲线：${zhTerm.onlineUpdate}的损失抖动大得多，也需要更小的${zhTerm.learningRate}。`,
    },
    'gradient-check': {
      title: '检查求导是否正确',
      text: `把${zhTerm.backprop}算出的某个${zhTerm.weight}的导数与中心${zhTerm.finiteDifference} (E(w+ε) − E(w−ε)) / 2ε 比较。教程建议 ε = 10e-8；在 float32 下这么小的步长会被舍入误差淹没，所以本应用用 float64、ε = 1e-3 计算，并给出相对误差。`,
    },
    momentum: {
      title: '动量法',
      text: `${zhTerm.momentum}法保留一个${zhTerm.velocity} v ← γv + η∇L，并用它更新${zhTerm.weight}：方向一致的步子会累积，来回震荡的会相互抵消。训练时，${zhTerm.momentum}图表显示各层的梯度、${zhTerm.velocity}以及更新量与${zhTerm.weight}之比；分别以${zhTerm.momentum} 0 和 0.9 训练两个网络，在训练对比中叠加观察。`,
    },
  },
};
