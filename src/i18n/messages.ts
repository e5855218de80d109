/**
 * The messages the store reports (errors, alerts, the engine's status), in English and Chinese. Details
 * from the engine or the browser (an error's own text) come in as the `detail` value and are shown as they are.
 */
import type { Catalog } from './catalog';
import { zhTerm } from './glossary';

export const en = {
  failed: '{{detail}}',
  classicRunFailed: 'The classic LeNet-5 run could not be loaded: {{detail}}',
  mnistFailed: 'MNIST could not be loaded: {{detail}}',
  trainingDiverged:
    'Training diverged at epoch {{epoch}} (loss {{loss}}). It is paused and back at the last checkpoint; lower the learning rate and press Train again.',
  backwardWhileTraining: 'backward pass while training: {{detail}}',
  gradientCheckFailed: 'Gradient check: {{detail}}',
  testImageFailed: 'Loading test image {{index}}: {{detail}}',
  storageFull:
    'The browser\'s storage for this page is full: run "{{run}}" is kept in this tab but will not survive a reload.',
  saveFailed: 'Run "{{run}}" could not be saved ({{detail}}); it is kept in this tab.',
  engineName: {
    webgl2: 'the WebGL2 engine',
    wasm: 'the WebAssembly engine',
    cpu: 'the CPU reference engine',
  },
  engineRestarted: 'The engine stopped ({{why}}); restarted on {{engine}} from the checkpoint at epoch {{epoch}}.',
  engineDownTooOften:
    'The engine stopped {{deaths}} times within a minute (last: {{why}}); it stays down. Your runs are kept in this page.',
  engineRestartFailed: 'The engine stopped ({{why}}) and could not be restarted: {{detail}}',
  engineRetryFailed: 'The engine could not be restarted: {{detail}}',
  retryAsked: 'it was down; you asked to retry',
  engineDidNotStart:
    "The engine's worker did not start ({{why}}). If this site sends a Cross-Origin-Embedder-Policy header, it must send it with every response, the worker's scripts included. Reload the page to try again.",
};

export const zh: Catalog<typeof en> = {
  failed: '出错了：{{detail}}',
  classicRunFailed: '无法加载1998年原版 LeNet-5：{{detail}}',
  mnistFailed: '无法加载 MNIST 数据：{{detail}}',
  trainingDiverged: `训练在第 {{epoch}} 轮发散（${zhTerm.loss} {{loss}}）。训练已暂停，并回到上一个检查点；请调低${zhTerm.learningRate}后再点“训练”。`,
  backwardWhileTraining: `训练中的${zhTerm.backprop}出错：{{detail}}`,
  gradientCheckFailed: `${zhTerm.gradientCheck}出错：{{detail}}`,
  testImageFailed: '无法加载测试图像 {{index}}：{{detail}}',
  storageFull: '浏览器为本页提供的存储已满：网络“{{run}}”保留在此标签页中，但刷新后将丢失。',
  saveFailed: '网络“{{run}}”无法保存（{{detail}}）；它保留在此标签页中。',
  engineName: {
    webgl2: 'WebGL2 引擎',
    wasm: 'WebAssembly 引擎',
    cpu: 'CPU 参考引擎',
  },
  engineRestarted: '引擎停止了（{{why}}）；已在{{engine}}上从第 {{epoch}} 轮的检查点重新启动。',
  engineDownTooOften: '引擎在一分钟内停止了 {{deaths}} 次（最后一次：{{why}}），暂不再启动。你的网络仍保留在本页中。',
  engineRestartFailed: '引擎停止了（{{why}}），且无法重新启动：{{detail}}',
  engineRetryFailed: '引擎无法重新启动：{{detail}}',
  retryAsked: '引擎已停止；你要求重试',
  engineDidNotStart:
    '引擎的 Worker 没有启动（{{why}}）。如果本站发送了 Cross-Origin-Embedder-Policy 响应头，它必须随每个响应发送，包括 Worker 的脚本。请刷新页面重试。',
};
