/** The words of the runs room (run picker, timeline, damaged runs), in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  name: {
    'lenet5-default': 'modern: ReLU + max pooling',
    'lenet5-classic': 'LeNet-5 as in 1998',
    'lenet5-learned': 'modern, C3 combinations learned',
    'my-run': 'your run (trained here)',
  },
  picker: {
    label: 'run',
    export: 'Export',
    import: 'Import',
    importFile: 'Import a run (.zip)',
  },
  importRefused: 'Import refused: {{detail}}',
  fetchRetrying: 'Could not fetch {{file}} ({{detail}}); trying again in {{seconds}} s.',
  downloads: {
    history: "This run's history: {{held}} of {{total}} checkpoints fetched",
    fetching: 'Fetching the checkpoint at epoch {{epoch}}…',
  },
  timeline: {
    play: 'Play through the epochs',
    pause: 'Pause',
    ticks: 'Checkpoints (the left and right arrow keys step through them)',
    tick: 'epoch {{epoch}}: test accuracy {{accuracy}}',
    tickNotFetched: 'epoch {{epoch}}: test accuracy {{accuracy}} (not fetched yet)',
    epoch: 'epoch {{epoch}}',
    onTestSet: 'epoch {{epoch}} · {{accuracy}} on the test set',
    onTestImages_one: 'epoch {{epoch}} · {{accuracy}} on {{images}} test image',
    onTestImages_other: 'epoch {{epoch}} · {{accuracy}} on {{images}} test images',
  },
  damaged: {
    storage:
      "This browser's storage for this page is damaged: {{problem}}. No saved run was restored, and nothing in it was changed.",
    run: "Run '{{run}}' in this browser's storage is damaged: {{problem}}. It is kept as it is.",
    export: 'export raw data',
    delete: 'delete',
    confirmDelete:
      "Delete run '{{run}}' from this browser's storage? This cannot be undone; export it first to keep its data.",
    exportFailed: "Run '{{run}}' could not be exported: {{detail}}.",
    deleteFailed: "Run '{{run}}' could not be deleted; it is still in this browser's storage.",
  },
  exported: {
    broken:
      'Exported {{kept}} of {{total}} checkpoints, leaving out {{broken}} with weights that are not finite numbers.',
    thinned:
      'Exported {{kept}} of {{total}} checkpoints: a run file holds at most {{most}}, so the export keeps the first, the last and checkpoints spread evenly between them.',
    both: 'Exported {{kept}} of {{total}} checkpoints, leaving out {{broken}} with weights that are not finite numbers and {{thinned}} more because a run file holds at most {{most}} (the first, the last and checkpoints spread evenly between them are kept).',
  },
};

export const zh: Catalog<typeof en> = {
  name: {
    'lenet5-default': `现代版：ReLU + ${zhTerm.maxPooling}`,
    'lenet5-classic': '1998年原版 LeNet-5',
    'lenet5-learned': '现代版，C3 学习特征图的组合',
    'my-run': '你的网络（在此训练）',
  },
  picker: {
    label: '网络',
    export: '导出',
    import: '导入',
    importFile: '导入网络（.zip 文件）',
  },
  importRefused: '导入被拒绝：{{detail}}',
  fetchRetrying: '无法获取 {{file}}（{{detail}}），{{seconds}} 秒后重试。',
  downloads: {
    history: '此网络的训练历程：已获取 {{held}}/{{total}} 个检查点',
    fetching: '正在获取训练 {{epoch}} 轮时的检查点…',
  },
  timeline: {
    play: '逐轮播放训练过程',
    pause: '暂停',
    ticks: '检查点（用左右方向键逐个切换）',
    tick: '训练 {{epoch}} 轮：测试准确率 {{accuracy}}',
    tickNotFetched: '训练 {{epoch}} 轮：测试准确率 {{accuracy}}（尚未获取）',
    epoch: '训练 {{epoch}} 轮',
    onTestSet: '训练 {{epoch}} 轮 · 测试集准确率 {{accuracy}}',
    onTestImages_one: '训练 {{epoch}} 轮 · {{images}} 张测试图像上的准确率 {{accuracy}}',
    onTestImages_other: '训练 {{epoch}} 轮 · {{images}} 张测试图像上的准确率 {{accuracy}}',
  },
  damaged: {
    storage: '此浏览器为本页提供的存储已损坏：{{problem}}。没有恢复任何已保存的网络，存储中的内容也未作任何改动。',
    run: '此浏览器存储中的网络“{{run}}”已损坏：{{problem}}。它按原样保留。',
    export: '导出原始数据',
    delete: '删除',
    confirmDelete: '要从此浏览器的存储中删除网络“{{run}}”吗？此操作无法撤销；如需保留其数据，请先导出。',
    exportFailed: '网络“{{run}}”无法导出：{{detail}}。',
    deleteFailed: '网络“{{run}}”无法删除；它仍在此浏览器的存储中。',
  },
  exported: {
    broken: '已导出 {{total}} 个检查点中的 {{kept}} 个，略去了 {{broken}} 个权值不是有限数的检查点。',
    thinned:
      '已导出 {{total}} 个检查点中的 {{kept}} 个：一个网络文件最多容纳 {{most}} 个检查点，因此保留第一个、最后一个以及两者之间均匀分布的检查点。',
    both: '已导出 {{total}} 个检查点中的 {{kept}} 个，略去了 {{broken}} 个权值不是有限数的检查点，另有 {{thinned}} 个因一个网络文件最多容纳 {{most}} 个检查点而略去（保留第一个、最后一个以及两者之间均匀分布的检查点）。',
  },
};
