/**
 * The words of the run comparison (the runs' loss and accuracy overlaid by epoch), in English and Chinese (the
 * tutorial's terms, src/i18n/glossary.ts).
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  compare: {
    heading: 'Compare runs',
    pick: 'Runs to overlay',
    loss: 'training loss by epoch (logarithmic scale)',
    accuracy: 'test accuracy by epoch',
    plot: '{{title}}, one line per run; the arrow keys step through the epochs',
    at: 'At epoch {{epoch}}:',
    runValues: 'loss {{loss}} · accuracy {{accuracy}}',
    pickSome: 'Tick two runs or more to overlay their curves.',
    settings: 'γ {{momentum}}, η {{learningRate}}, batch {{batchSize}}',
    lossFromCheckpoints: 'its loss as its file records it, once per checkpoint',
    lossFromReports: 'its loss as reported while it trained in this page, about 4 times a second',
  },
};

export const zh: Catalog<typeof en> = {
  compare: {
    heading: '比较训练过程',
    pick: '叠加显示的网络',
    loss: `训练时的${zhTerm.loss}值随轮数的变化（对数坐标）`,
    accuracy: '测试准确率随轮数的变化',
    plot: '{{title}}，每个网络一条线；按方向键可逐轮查看',
    at: '训练 {{epoch}} 轮时：',
    runValues: `${zhTerm.loss}值 {{loss}} · 准确率 {{accuracy}}`,
    pickSome: '勾选两个或更多网络，叠加显示它们的曲线。',
    settings: 'γ {{momentum}}，η {{learningRate}}，批大小 {{batchSize}}',
    lossFromCheckpoints: `${zhTerm.loss}值取自它的文件，每个检查点一个`,
    lossFromReports: `${zhTerm.loss}值取自它在本页训练时的进度报告，约每秒 4 次`,
  },
};
