/** The words of the view's options (trace, colours, edges, camera) and the colour legends, in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  open: 'View options',
  close: 'Close view options',
  trace: 'trace to the input',
  colours: 'colours',
  colourMode: {
    fixed: 'fixed ranges',
    perDrawing: 'per drawing',
    difference: 'change since last checkpoint',
  },
  edges: 'edges: weight x activation',
  camera: 'Camera',
  cameraPreset: 'Camera preset',
  overview3d: '3D overview',
  front: 'front-on',
  overview: 'overview',
  closeUp: '{{layer}} close up',
  guide: 'how to read this view',
  legend: {
    negative: 'negative',
    high: 'high',
    note: {
      fixed: 'fixed range per layer; edges red = positive, blue = negative',
      perDrawing: 'range of this drawing; edges red = positive, blue = negative',
      difference: 'blue: lower than one checkpoint before, warm: higher; edges red = positive, blue = negative',
    },
    titleFixed: 'each layer has a fixed range, the same for every drawing and checkpoint',
    titlePerDrawing: 'each layer scaled to this drawing',
    deltaPre:
      'error terms δ = dL/dz (dL/d(output) for pooling and the input); white = 0; each layer scaled to its largest ' +
      'magnitude (beside its name), square-root scale; edges: the W × δ they carry down',
    deltaOut:
      'dL/d(activation) of every layer; white = 0; each layer scaled to its largest magnitude (beside its name), ' +
      'square-root scale; edges: the W × δ they carry down',
    deltaPreShared:
      'error terms δ = dL/dz (dL/d(output) for pooling and the input); white = 0; one scale for every layer: ' +
      '±{{scale}}, the largest magnitude in the network (beside each name: the layer’s own largest and its share), ' +
      'square-root scale; edges: the W × δ they carry down',
    deltaOutShared:
      'dL/d(activation) of every layer; white = 0; one scale for every layer: ±{{scale}}, the largest magnitude in ' +
      'the network (beside each name: the layer’s own largest and its share), square-root scale; edges: the W × δ ' +
      'they carry down',
  },
  pinMostActive: {
    forward: 'pin the most active {{layer}} cell',
    backward: 'pin the largest |δ| of {{layer}}',
    title: 'Pins the cell of the pooling layer in close-up (else s2) with the largest value, and shows its 2x2 window.',
    titleBackward:
      'Pins the cell of the pooling layer in close-up (else s2) with the largest |δ|, and shows where it sends it.',
  },
};

export const zh: Catalog<typeof en> = {
  open: '视图选项',
  close: '收起视图选项',
  trace: '一直追溯到输入',
  colours: '颜色',
  colourMode: {
    fixed: '固定范围',
    perDrawing: '按本次手写',
    difference: '相对上一个检查点的变化',
  },
  edges: `连线：${zhTerm.weight} × 激活值`,
  camera: '相机',
  cameraPreset: '相机预设',
  overview3d: '三维总览',
  front: '正面',
  overview: '总览',
  closeUp: '{{layer}} 特写',
  guide: '如何解读这个视图',
  legend: {
    negative: '负',
    high: '高',
    note: {
      fixed: '每层范围固定；连线红色 = 正，蓝色 = 负',
      perDrawing: '按本次手写的范围；连线红色 = 正，蓝色 = 负',
      difference: '蓝色：比上一个检查点低，暖色：更高；连线红色 = 正，蓝色 = 负',
    },
    titleFixed: '每层有固定的范围，对所有手写和检查点都相同',
    titlePerDrawing: '每层按本次手写缩放',
    deltaPre:
      `${zhTerm.sensitivity} δ = dL/dz（池化层和输入层为 dL/d(输出)）；白色 = 0；每层按其最大绝对值（标在层名旁）缩放，` +
      '平方根刻度；连线：向下传递的 W × δ',
    deltaOut: '每层的 dL/d(激活值)；白色 = 0；每层按其最大绝对值（标在层名旁）缩放，平方根刻度；连线：向下传递的 W × δ',
    deltaPreShared:
      `${zhTerm.sensitivity} δ = dL/dz（池化层和输入层为 dL/d(输出)）；白色 = 0；所有层共用一个刻度：±{{scale}}，` +
      '即整个网络中的最大绝对值（层名旁为该层自身的最大绝对值及其所占比例），平方根刻度；连线：向下传递的 W × δ',
    deltaOutShared:
      '每层的 dL/d(激活值)；白色 = 0；所有层共用一个刻度：±{{scale}}，即整个网络中的最大绝对值' +
      '（层名旁为该层自身的最大绝对值及其所占比例），平方根刻度；连线：向下传递的 W × δ',
  },
  pinMostActive: {
    forward: '固定最活跃的 {{layer}} 单元',
    backward: '固定 |δ| 最大的 {{layer}} 单元',
    title: `固定特写中的${zhTerm.poolLayer}（否则为 s2）里值最大的单元，并显示它的 2x2 窗口。`,
    titleBackward: `固定特写中的${zhTerm.poolLayer}（否则为 s2）里 |δ| 最大的单元，并显示它把 δ 传到哪里。`,
  },
};
