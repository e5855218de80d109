/**
 * The words of the learned-combinations room (the α panel and the tooltip's α), in English and Chinese (the
 * tutorial's terms: 学习特征图的组合, eq. 15-17). The α penalties and their gradient check: src/ui/penalties.
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm as z } from '../../i18n/glossary';

export const en = {
  title: 'Learned combinations of feature maps (α)',
  intro:
    'How much each s2 map (column) feeds each c3 map (row): α_ij = exp(c_ij) / Σ_k exp(c_kj), a softmax over the inputs of each output map (the tutorial, eq. 15–17). It follows the timeline: step through the epochs to watch the combinations form.',
  fetching: 'Fetching the checkpoint at epoch {{epoch}}…',
  grid: {
    learned: 'α, epoch {{epoch}}',
    compared: '{{run}}, epoch {{epoch}}',
    lecun: "LeCun's table (1998)",
    rows: 'c3 map',
    columns: 's2 map',
    corner: 'rows: c3 maps; columns: s2 maps',
    region: '{{name}}: rows are c3 maps 0–15, columns s2 maps 0–5',
    cell: 'c3 map {{out}} ← s2 map {{in}}: α = {{value}}',
    lecunOn: 'c3 map {{out}} ← s2 map {{in}}: connected in LeCun’s table',
    lecunOff: 'c3 map {{out}} ← s2 map {{in}}: not connected in LeCun’s table',
  },
  readoutHint: 'Hover or focus a cell to read its α; click it to check its logit’s gradient below.',
  scale: 'α: 0',
  scaleEnd: '1',
  scaleNote: 'the same scale for every grid; LeCun’s table: connected = 1, not connected = 0',
  sparsity:
    'Inputs with α ≥ {{threshold}}: {{mean}} per c3 map on average (LeCun’s table: 3.75), from {{least}} to {{most}}.',
  compare: {
    label: 'beside it',
    none: 'nothing',
    option: '{{run}} ({{penalty}}, λ = {{lambda}})',
    help: 'Another run with learned combinations, at the checkpoint nearest this epoch (e.g. one trained here with l1 beside one with entropy).',
  },
  tooltip: {
    alphaTitle: 'α of its inputs (learned combinations)',
    logitTitle:
      '∂E/∂c of this map (eq. 16–17), δ its sensitivity map: ∂E/∂α_i = Σ_uv (δ ∘ (x_i * k_i))_uv, ∂E/∂c_i = α_i (∂E/∂α_i − Σ_k α_k ∂E/∂α_k)',
    map: 's2 map',
    engine: '(backprop: {{value}})',
  },
};

export const zh: Catalog<typeof en> = {
  title: `学习${z.featureCombination}（α）`,
  intro: `每张 s2 ${z.featureMap}（列）对每张 c3 ${z.featureMap}（行）的贡献：α_ij = exp(c_ij) / Σ_k exp(c_kj)，即对每张${z.outputMap}的所有${z.inputMap}做 softmax（教程式 15–17）。它跟随时间轴：逐轮切换训练轮次，可以看到这些组合如何形成。`,
  fetching: '正在获取训练 {{epoch}} 轮时的检查点…',
  grid: {
    learned: 'α，训练 {{epoch}} 轮',
    compared: '{{run}}，训练 {{epoch}} 轮',
    lecun: 'LeCun 的连接表（1998）',
    rows: `c3 ${z.featureMap}`,
    columns: `s2 ${z.featureMap}`,
    corner: `行：c3 ${z.featureMap}；列：s2 ${z.featureMap}`,
    region: `{{name}}：行是 c3 ${z.featureMap} 0–15，列是 s2 ${z.featureMap} 0–5`,
    cell: `c3 ${z.featureMap} {{out}} ← s2 ${z.featureMap} {{in}}：α = {{value}}`,
    lecunOn: `c3 ${z.featureMap} {{out}} ← s2 ${z.featureMap} {{in}}：在 LeCun 的连接表中相连`,
    lecunOff: `c3 ${z.featureMap} {{out}} ← s2 ${z.featureMap} {{in}}：在 LeCun 的连接表中不相连`,
  },
  readoutHint: `把鼠标悬停在格子上或用键盘聚焦格子可读出 α；单击它可在下方检验其 c 的${z.gradient}。`,
  scale: 'α：0',
  scaleEnd: '1',
  scaleNote: '所有格子用同一色标；LeCun 的连接表：相连 = 1，不相连 = 0',
  sparsity:
    'α ≥ {{threshold}} 的输入：平均每张 c3 图 {{mean}} 个（LeCun 的连接表：3.75），最少 {{least}}，最多 {{most}}。',
  compare: {
    label: '并排显示',
    none: '无',
    option: '{{run}}（{{penalty}}，λ = {{lambda}}）',
    help: `另一个学习${z.featureCombination}的网络，取最接近当前轮次的检查点（例如在此用 L1 训练的网络与用熵训练的网络并排比较）。`,
  },
  tooltip: {
    alphaTitle: `它的各输入的 α（学习${z.featureCombination}）`,
    logitTitle: `这张图的 ∂E/∂c（式 16–17），δ 为它的${z.sensitivityMap}：∂E/∂α_i = Σ_uv (δ ∘ (x_i * k_i))_uv，∂E/∂c_i = α_i (∂E/∂α_i − Σ_k α_k ∂E/∂α_k)`,
    map: `s2 ${z.featureMap}`,
    engine: `（${z.backprop}：{{value}}）`,
  },
};
