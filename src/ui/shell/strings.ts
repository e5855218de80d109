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
  runs: 'Runs',
  advanced: 'Advanced settings',
  language: 'Language',
  languageName: { en: 'English', zh: '简体中文' },
  presentation: 'Presentation',
  presentationHint: 'Large text for a projector, the view as large as it can be, the controls hidden',
  shortcuts: {
    title: 'Keys',
    clear: 'clear the pad',
    pin: 'pin the most active pooling cell',
    backward: 'backward view on / off',
    previous: 'previous checkpoint',
    next: 'next checkpoint',
    explorer: 'test-set explorer',
    presentation: 'presentation mode on / off',
  },
  update: {
    ready: 'A new version of this app is ready.',
    reload: 'Reload to update (your drawing is kept)',
  },
};

export const zh: Catalog<typeof en> = {
  title: 'LeNet-5：逐个神经元看卷积神经网络',
  readingSection: '你的手写数字和网络的识别结果',
  controls: '控制面板',
  hideControls: '收起控制面板',
  foldControls: '收起控制面板',
  showControls: '展开控制面板',
  training: '训练',
  runs: '网络',
  advanced: '高级设置',
  language: '语言',
  languageName: { en: 'English', zh: '简体中文' },
  presentation: '演示模式',
  presentationHint: '适合投影的大字号，视图尽可能大，隐藏控制面板',
  shortcuts: {
    title: '快捷键',
    clear: '清空手写板',
    pin: '选中最活跃的池化单元',
    backward: '打开/关闭反向传播视图',
    previous: '上一个检查点',
    next: '下一个检查点',
    explorer: '测试集浏览',
    presentation: '打开/关闭演示模式',
  },
  update: {
    ready: '本应用有新版本可用。',
    reload: '重新加载以更新（手写的数字会保留）',
  },
};
