/** The words of the pad room (the drawing pad, its hint and tools, the image shown on it, the preprocessing strip), in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  label: 'Drawing pad: draw a digit',
  hint: 'Draw a digit here, 0 to 9, with a mouse, pen or finger',
  clear: 'Clear',
  eraser: 'Eraser',
  eraserOn: 'Eraser (on)',
  testImage: {
    label: 'MNIST test image {{index}}',
    caption: 'test image #{{index}} · draw to return to your drawing',
  },
  addressInput: {
    label: 'The input from the address',
    caption: 'the input from the address · draw to start your own',
  },
  strip: {
    label: 'Preprocessing steps',
    stage: 'the drawing after the step: {{step}}',
    step: {
      crop: 'crop',
      fit: 'fit 20 px',
      centre: 'centre 28',
      input: 'input 32',
    },
    testNote:
      'An MNIST test image is already 28x28 and centred: it is only padded to 32x32, with no other preprocessing.',
    addressNote:
      'This input came with the address, already preprocessed: the network reads it at full precision. Drawing on the ' +
      'pad returns to your own drawing.',
  },
};

export const zh: Catalog<typeof en> = {
  label: '手写板：请写一个数字',
  hint: '用鼠标、触控笔或手指在这里写一个 0 到 9 的数字',
  clear: '清除',
  eraser: '橡皮擦',
  eraserOn: '橡皮擦（已开启）',
  testImage: {
    label: 'MNIST 测试图像 {{index}}',
    caption: '测试图像 #{{index}} · 在手写板上书写即可回到你的手写',
  },
  addressInput: {
    label: '来自地址的输入',
    caption: '来自地址的输入 · 在手写板上书写即可开始你自己的手写',
  },
  strip: {
    label: '预处理步骤',
    stage: '这一步之后的手写图像：{{step}}',
    step: {
      crop: '裁剪',
      fit: '缩放到 20 像素',
      centre: '居中 28',
      input: '输入 32',
    },
    testNote: `MNIST 测试图像已经是 28x28 并且居中：只需${zhTerm.zeroPadding}到 32x32，不做其他预处理。`,
    addressNote: '这个输入随地址而来，已经过预处理：网络按完整精度读取它。在手写板上书写即可回到你自己的手写。',
  },
};
