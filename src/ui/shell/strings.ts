/** The words of the page's frame (title, sections, language switch), in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';

export const en = {
  title: 'LeNet-5, neuron by neuron',
  readingSection: "Your drawing and the network's reading",
  controls: 'Controls',
  hideControls: 'Hide controls',
  foldControls: 'Fold the controls away',
  showControls: 'Show the controls',
  training: 'Training',
  runsAndEngine: 'Runs and engine',
  language: 'Language',
  languageName: { en: 'English', zh: '简体中文' },
};

export const zh: Catalog<typeof en> = {
  title: 'LeNet-5：逐个神经元看卷积神经网络',
  readingSection: '你的手写数字和网络的识别结果',
  controls: '控制面板',
  hideControls: '收起控制面板',
  foldControls: '收起控制面板',
  showControls: '展开控制面板',
  training: '训练',
  runsAndEngine: '网络与计算引擎',
  language: '语言',
  languageName: { en: 'English', zh: '简体中文' },
};
