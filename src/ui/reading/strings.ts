/** The words of the reading (the network's answer and compare mode), in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  drawADigit: 'draw a digit',
  lossIfItIs: 'loss {{loss}} if it is a {{label}}',
  probabilities: 'the ten output probabilities',
  compareToggle: 'compare both shipped networks',
  digit: 'digit',
  lastEpoch: '{{name}} (last epoch)',
};

export const zh: Catalog<typeof en> = {
  drawADigit: '请写一个数字',
  lossIfItIs: `若它是 {{label}}，${zhTerm.loss}为 {{loss}}`,
  probabilities: `${zhTerm.outputLayer}的十个${zhTerm.probability}`,
  compareToggle: '对比两个自带的网络',
  digit: '数字',
  lastEpoch: '{{name}}（最后一轮）',
};
