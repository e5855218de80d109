/** The words of the 3D view's room (the stage, the node tooltip and its announcements, the guide), in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  stage: 'The network in 3D',
  loading: 'Loading the trained network…',
  keyboardLabel:
    'The network in 3D. Arrow keys move the focused node within its layer (with Shift, a map at a time); ' +
    "Page Up and Page Down move to the layer above and below; Home and End to the layer's first and last node; " +
    "Enter flies the camera to the node's layer; Escape clears the focus.",
  guide: {
    title: 'How to read this view',
    tiles: 'Every tile is one neuron: the 32x32 input at the bottom, the ten digits at the top.',
    colourBackward: "Colour is the neuron's error term δ: red positive, blue negative, white zero.",
    colourForward: "Colour is the neuron's activation: dark is zero, orange to pale yellow high, blue negative.",
    pointer:
      'Hover or tap a node to see where its input comes from; click pins it. With the keyboard: Tab to the view, ' +
      'arrows move within a layer, Page Up/Down between layers.',
    camera:
      'Drag to turn the view, scroll or pinch to zoom. The buttons “{{overview}}” and “{{front}}” and the list of ' +
      'close-ups, above the view (on a phone behind “{{options}}”), move the camera back to a preset.',
    dismiss: 'Got it',
  },
  node: {
    unit: 'unit {{unit}}',
    cell: 'map {{map}}, row {{row}}, column {{column}}',
    pinned: '{{where}} (pinned: Esc clears)',
    value: 'value {{value}}',
    valueAndPre: 'value {{value}}, before activation {{pre}}',
    summary: '{{layer}} {{where}}: value {{value}}, {{computation}}',
    summaryNotComputed: '{{layer}} {{where}}: value not computed yet, {{computation}}',
  },
  computation: {
    input: 'a pixel of the preprocessed drawing (0 = paper, 1 = ink)',
    conv_one: 'sum of the {{size}}x{{size}} window x kernel over map {{maps}} + bias, then {{activation}}',
    conv_other: 'sum of the {{size}}x{{size}} window x kernel over maps {{maps}} + bias, then {{activation}}',
    convLearned:
      'sum over maps {{maps}} of α × (the {{size}}x{{size}} window x kernel), α learned per map, + bias, then {{activation}}',
    max: 'the largest of its 2x2 window',
    mean: 'the mean of its 2x2 window',
    subsample: 'coefficient x sum of its 2x2 window + bias, then {{activation}}',
    logit: 'weights . the {{inputs}} f6 units + bias (a logit), then softmax over the 10 digits',
    dense: 'weights . all {{inputs}} inputs + bias, then {{activation}}',
  },
};

export const zh: Catalog<typeof en> = {
  stage: '三维网络视图',
  loading: '正在加载训练好的网络…',
  keyboardLabel:
    `三维网络视图。方向键在层内移动当前节点（按住 Shift 时每次跨一个${zhTerm.featureMap}）；` +
    'Page Up 和 Page Down 移到上一层和下一层；Home 和 End 移到本层的第一个和最后一个节点；' +
    'Enter 让相机飞到该节点所在的层；Esc 清除当前节点。',
  guide: {
    title: '如何解读这个视图',
    tiles: `每个小方块是一个${zhTerm.neuron}：底部是 32x32 的输入图像，顶部是十个数字。`,
    colourBackward: `颜色表示${zhTerm.neuron}的${zhTerm.sensitivity} δ：红色为正，蓝色为负，白色为零。`,
    colourForward: `颜色表示${zhTerm.neuron}的激活值：深色为零，橙色到浅黄色为高，蓝色为负。`,
    pointer:
      '把鼠标悬停在节点上或轻点节点，可以看到它的输入来自哪里；单击可固定该节点。用键盘：按 Tab 进入视图，' +
      '方向键在层内移动，Page Up/Page Down 在层间移动。',
    camera:
      '拖动可旋转视图，滚动滚轮或双指捏合可缩放。视图上方的“{{overview}}”“{{front}}”按钮和特写列表' +
      '（手机上在“{{options}}”按钮里）可把相机移回预设位置。',
    dismiss: '知道了',
  },
  node: {
    unit: '单元 {{unit}}',
    cell: `${zhTerm.featureMap} {{map}}，行 {{row}}，列 {{column}}`,
    pinned: '{{where}}（已固定：按 Esc 取消）',
    value: '值 {{value}}',
    valueAndPre: '值 {{value}}，激活前 {{pre}}',
    summary: '{{layer}} {{where}}：值 {{value}}，{{computation}}',
    summaryNotComputed: '{{layer}} {{where}}：值尚未计算，{{computation}}',
  },
  computation: {
    input: '预处理后的手写图像中的一个像素（0 = 纸，1 = 墨迹）',
    conv_one: `${zhTerm.featureMap} {{maps}} 上 {{size}}x{{size}} 窗口与${zhTerm.kernel}的乘积之和 + ${zhTerm.bias}，再经 {{activation}}`,
    conv_other: `${zhTerm.featureMap} {{maps}} 上 {{size}}x{{size}} 窗口与${zhTerm.kernel}的乘积之和 + ${zhTerm.bias}，再经 {{activation}}`,
    convLearned: `${zhTerm.featureMap} {{maps}} 上 α ×（{{size}}x{{size}} 窗口与${zhTerm.kernel}的乘积之和）之和（α 为学习到的每张图的组合权值）+ ${zhTerm.bias}，再经 {{activation}}`,
    max: '它的 2x2 窗口中的最大值',
    mean: '它的 2x2 窗口的平均值',
    subsample: `${zhTerm.multiplicativeBias} β × 它的 2x2 窗口之和 + ${zhTerm.additiveBias} b，再经 {{activation}}`,
    logit: `${zhTerm.weight}与 f6 的 {{inputs}} 个单元的点积 + ${zhTerm.bias}（即 logit），再对 10 个数字做 softmax`,
    dense: `${zhTerm.weight}与全部 {{inputs}} 个输入的点积 + ${zhTerm.bias}，再经 {{activation}}`,
  },
};
