/**
 * The words of the batch size choice in the training panel, in English and Chinese (the tutorial's terms). The
 * tutorial's section 批量更新VS在线更新 holds one line, quoted word for word; the rest is the app's.
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  label: 'batch size',
  online: '{{size}} (online updates)',
  when: 'for the next new network',
  hint: 'At batch size 1 each step follows one image’s gradient, and with η = {{learningRate}} and γ = {{momentum}} a step reaches up to η/(1 − γ) = {{reach}} times it, which tends to throw the network off: try η = 0.01 with γ = 0, or keep η/(1 − γ) at 0.02 or less.',
  helpSummary: 'Batch or online updates?',
  quote: '“Stochastic gradient descent vs batch learning.”',
  source: '— the tutorial, “Batch updates vs online updates” (批量更新VS在线更新), the whole of the section',
  online1:
    'Online updates (batch size 1) change the weights after every image, by that one image’s gradient: N updates per epoch of N images, each following one example, so the steps are noisy and the loss jumps from report to report.',
  batchB:
    'Batch updates average the gradient of B images before each step: N/B steps per epoch, each less noisy (the noise of a mean of B gradients is about 1/√B of one), and the engines compute the B images together, so an epoch takes less time.',
  chart:
    'Each point of the loss chart is the mean loss of the images trained since the previous report (about every 0.25 s). Online updates usually want a smaller learning rate: one image’s gradient is a rougher guess than a batch’s.',
  rule: 'The batch size is fixed when a new network starts (Train new network, or Begin this run again); the network shown keeps its own.',
};

export const zh: Catalog<typeof en> = {
  label: '批大小',
  online: `{{size}}（${zhTerm.onlineUpdate}）`,
  when: '用于下一个新网络',
  hint: `批大小为 1 时每一步只跟随一张图像的${zhTerm.gradient}；η = {{learningRate}}、γ = {{momentum}} 时，一步最多可达它的 η/(1 − γ) = {{reach}} 倍，网络容易被带偏：可以试试 η = 0.01、γ = 0，或让 η/(1 − γ) 不超过 0.02。`,
  helpSummary: `${zhTerm.batchUpdate}还是${zhTerm.onlineUpdate}？`,
  quote: '“随机梯度下降vs批量学习”',
  source: '——教程《批量更新VS在线更新》一节的全文',
  online1: `${zhTerm.onlineUpdate}（批大小为 1）：每看一张图像就按这一张的${zhTerm.gradient}更新一次${zhTerm.weight}。一轮 N 张图像要更新 N 次，每一步只跟随一个样本，所以步子很嘈杂，${zhTerm.loss}值在相邻报告之间上下跳动。`,
  batchB: `${zhTerm.batchUpdate}：先对 B 张图像的${zhTerm.gradient}取平均再走一步。一轮只走 N/B 步，每一步的噪声更小（B 个${zhTerm.gradient}的平均值，噪声约为单个的 1/√B），而且引擎把 B 张图像一起计算，一轮用时更短。`,
  chart: `${zhTerm.loss}图中每个点是上一次报告（约每 0.25 秒一次）以来所训练图像的平均${zhTerm.loss}值。${zhTerm.onlineUpdate}通常需要更小的${zhTerm.learningRate}：一张图像的${zhTerm.gradient}比一批图像的更粗略。`,
  rule: '批大小在新网络开始时（“训练新网络”或“从头重新训练这个网络”）确定；当前显示的网络保持自己的批大小。',
};
