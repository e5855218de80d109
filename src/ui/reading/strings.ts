/** The words of the reading (the network's answer and compare mode), in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  drawADigit: 'draw a digit',
  lossIfItIs: 'loss {{loss}} if it is a {{label}}',
  probabilities: 'the ten output probabilities',
  compareToggle: 'compare with another shipped network',
  digit: 'digit',
  lastEpoch: '{{name}} (last epoch)',
  shown: {
    label: 'Network shown',
    shipped: '{{name}}, shipped with the app · epoch {{epoch}}',
    trainedScratch: '{{name}}: your network, trained here from scratch · epoch {{epoch}}',
    trainedFrom: '{{name}}: your network, trained here from {{origin}} at epoch {{originEpoch}} · epoch {{epoch}}',
    imported: '{{name}}: imported into this browser · epoch {{epoch}}',
    accuracy: '{{accuracy}} on {{images}} test images',
    taught_one: 'taught copy: {{count}} teaching step on one drawing, not saved',
    taught_other: 'taught copy: {{count}} teaching steps on one drawing, not saved',
    backToShipped: 'back to {{name}}',
    leftShipped: '{{shipped}} is unchanged: you are now looking at a network of your own.',
  },
  taught: {
    badge: 'taught copy',
    detail_one:
      'This reading comes from a copy taught that a drawing is a {{label}} ({{count}} step); the checkpoint is unchanged.',
    detail_other:
      'This reading comes from a copy taught that a drawing is a {{label}} ({{count}} steps); the checkpoint is unchanged.',
    undo: 'undo teaching',
  },
};

export const zh: Catalog<typeof en> = {
  drawADigit: '请写一个数字',
  lossIfItIs: `若它是 {{label}}，${zhTerm.loss}为 {{loss}}`,
  probabilities: `${zhTerm.outputLayer}的十个${zhTerm.probability}`,
  compareToggle: '与另一个自带的网络对比',
  digit: '数字',
  lastEpoch: '{{name}}（最后一轮）',
  shown: {
    label: '当前显示的网络',
    shipped: '{{name}}，本应用自带 · 第 {{epoch}} 轮',
    trainedScratch: '{{name}}：你的网络，在此从零开始训练 · 第 {{epoch}} 轮',
    trainedFrom: '{{name}}：你的网络，在此从 {{origin}} 第 {{originEpoch}} 轮继续训练 · 第 {{epoch}} 轮',
    imported: '{{name}}：导入到本浏览器 · 第 {{epoch}} 轮',
    accuracy: '{{images}} 张测试图像上准确率 {{accuracy}}',
    taught_one: '教过的副本：在一张手写数字上教了 {{count}} 步，未保存',
    taught_other: '教过的副本：在一张手写数字上教了 {{count}} 步，未保存',
    backToShipped: '返回{{name}}',
    leftShipped: '{{shipped}}没有被改动：你现在看到的是你自己的网络。',
  },
  taught: {
    badge: '教过的副本',
    detail_one:
      '这个识别结果来自一个被教过的副本：它被教成把一个手写数字认作 {{label}}（{{count}} 步）；检查点本身没有改变。',
    detail_other:
      '这个识别结果来自一个被教过的副本：它被教成把一个手写数字认作 {{label}}（{{count}} 步）；检查点本身没有改变。',
    undo: '撤销教学',
  },
};
