/**
 * The words of the α penalties (the new run's penalty and λ, and the gradient check on a logit with and without
 * them), in English and Chinese (the tutorial's terms: 加强稀疏组合, eq. 18-21).
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm as z } from '../../i18n/glossary';

export const en = {
  penalty: {
    label: 'α penalty',
    lambdaHelp: 'The weight λ of the penalty on α, added to the loss of every batch (only with learned combinations).',
    choice: { none: 'none', l1: 'L1 (the tutorial, eq. 18)', entropy: 'entropy (sparsifies)' },
    help: {
      none: 'No penalty: α is shaped by the loss alone.',
      l1: 'The tutorial’s eq. 18, Ω = λ Σ_ij |α_ij|, implemented exactly as written (eq. 19–21). As written it does nothing: α_·j is a softmax, so Σ_i |α_ij| = Σ_i α_ij = 1 for every output map j whatever the logits c. The penalty is the constant 16 λ, and eq. 21, λ(|α_i| − α_i Σ_k |α_k|) = λ(α_i − α_i · 1), is identically zero. The gradient check on c (the α panel) shows it: the same with and without it.',
      entropy:
        'The entropy of each output map’s α: Ω = λ Σ_j H(α_·j), H = −Σ_i α_i ln α_i. It is ln 6 ≈ 1.79 when all six inputs weigh the same and 0 when one input takes all the weight, so lowering it makes the combinations sparse. Through the softmax (eq. 15): ∂H/∂α_i = −(ln α_i + 1), so ∂H/∂c_l = −α_l (ln α_l + H).',
    },
  },
  check: {
    title: 'The gradient check on c, with and without the penalty',
    intro:
      'For the logit c of the cell picked (c3 map {{out}} ← s2 map {{in}}): ∂E/∂c of the loss from backprop (eq. 16–17) against the central finite difference, then what each penalty adds at λ = {{lambda}}, analytic (eq. 21 for L1) and by finite difference of λΩ.',
    pick: 'Pick a cell of α above.',
    run: 'Check this logit',
    checking: 'checking…',
    loss: '∂E/∂c (the loss alone)',
    backprop: 'backprop, analytic',
    numeric: 'finite difference',
    penaltyRow: '+ λ ∂Ω/∂c, {{penalty}}',
    total: 'with it',
    zero: 'The L1 penalty adds exactly nothing: Σ_i α_ij = 1 makes Ω constant, so its gradient on c is 0 (to rounding).',
    failed: 'The check failed: {{detail}}',
  },
};

export const zh: Catalog<typeof en> = {
  penalty: {
    label: 'α 的罚函数',
    lambdaHelp: `α 罚函数的权重 λ，加到每个批次的${z.loss}上（只对学习${z.featureCombination}有效）。`,
    choice: { none: '无', l1: 'L1（教程式 18）', entropy: '熵（确实使组合稀疏）' },
    help: {
      none: `不加罚函数：α 只由${z.loss}决定。`,
      l1: `教程的式 18，Ω = λ Σ_ij |α_ij|，完全按原文实现（式 19–21）。照原文这样做不会有任何效果——这是教程的错误：α_·j 是 softmax 的输出，对每张${z.outputMap} j 都有 Σ_i |α_ij| = Σ_i α_ij = 1，与 c 的取值无关。于是罚函数恒等于常数 16λ，式 21 的 λ(|α_i| − α_i Σ_k |α_k|) = λ(α_i − α_i · 1) 恒为零，不可能使组合变得稀疏。α 面板中对 c 的${z.gradientCheck}显示了这一点：加不加它结果都一样。`,
      entropy: `每张${z.outputMap}的 α 的熵：Ω = λ Σ_j H(α_·j)，H = −Σ_i α_i ln α_i。六个输入权重相同时 H = ln 6 ≈ 1.79，只有一个输入占全部权重时 H = 0，所以减小它就使组合变得稀疏。经过 softmax（式 15）：∂H/∂α_i = −(ln α_i + 1)，所以 ∂H/∂c_l = −α_l (ln α_l + H)。`,
    },
  },
  check: {
    title: `对 c 的${z.gradientCheck}：加与不加罚函数`,
    intro: `对所选格子（c3 ${z.featureMap} {{out}} ← s2 ${z.featureMap} {{in}}）的 c：${z.backprop}算出的${z.loss} ∂E/∂c（式 16–17）与${z.centralDifference}对照，再看每种罚函数在 λ = {{lambda}} 时加上的部分，解析值（L1 用式 21）与 λΩ 的${z.finiteDifference}。`,
    pick: '请先在上面的 α 中选一个格子。',
    run: '检验这个 c',
    checking: '正在检验…',
    loss: `∂E/∂c（只有${z.loss}）`,
    backprop: `${z.backprop}、解析值`,
    numeric: z.finiteDifference,
    penaltyRow: '+ λ ∂Ω/∂c，{{penalty}}',
    total: '加上之后',
    zero: `L1 罚函数加上的恰好是零：Σ_i α_ij = 1 使 Ω 为常数，所以它对 c 的${z.gradient}为 0（只差舍入误差）。教程式 21 在这里是错的：它并不能加强稀疏组合。`,
    failed: '检验失败：{{detail}}',
  },
};
