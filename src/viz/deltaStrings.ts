/**
 * The words of the δ explanations (the backward view's tooltip), in English and Chinese. The formulas are the
 * tutorial's (sections 全连接网络反向传播, 下层为卷积层的反向传播, 卷积层梯度计算, 下层为降采样层的反向传播,
 * 降采样层梯度计算) in its own terms (src/i18n/glossary.ts); the `tutorial` lines say which section a rule comes
 * from and, where the tutorial differs from what the app computes or is wrong, how and why.
 */
import type { Catalog } from '../i18n/catalog';
import { zhTerm as z } from '../i18n/glossary';

export const en = {
  summary: {
    delta: 'error term δ = dL/dz = {{value}}',
    activation: '(dL/d(activation) {{value}})',
    input: 'dL/dx (input pixel) = {{value}}',
    output: 'dL/d(output) = {{value}}',
  },
  nodeUnit: '{{layer}} unit {{unit}}',
  listSeparator: '; ',
  rule: {
    dense: 'Wᵀ δ of {{above}}',
    conv: "Σ_j conv2(δ_j of {{above}}, rot180(k_j), 'full')",
    mean: 'UpSample(δ of {{above}}) / 4',
    subsample: 'UpSample(β δ of {{above}})',
    max: 'UpSample_max(δ of {{above}})',
  },
  upstream: {
    dense: '{{gradient}} = Σ_k W[k][{{j}}] δ_k over the {{terms}} units of {{above}} = {{sum}}',
    conv: "{{gradient}} = full convolution of {{above}}'s δ maps with the 180°-rotated kernels, over the {{count}} {{above}} maps connected to this map: Σ of {{terms}} W × δ terms = {{sum}}",
    convTable:
      "{{gradient}} = full convolution of {{above}}'s δ maps with the 180°-rotated kernels, over the {{count}} {{above}} maps connected to this map {{maps}} (C3 table): Σ of {{terms}} W × δ terms = {{sum}}",
    largest: 'largest W × δ: {{terms}}',
    mean: 'mean pooling: {{cell}} gives each of its 4 cells ¼ × ∂E/∂a = ¼ × {{dOut}} = {{value}}',
    subsample: 'subsampling: {{cell}} gives each of its 4 cells β × δ = {{beta}} × {{delta}} = {{value}}',
    maxWinner: 'max pooling: the winner of {{cell}} (window slot {{slot}}): gets its ∂E/∂a = {{dOut}}',
    maxWinnerTie:
      'max pooling: the winner of {{cell}} (window slot {{slot}}, a tie broken by row-major order): gets its ∂E/∂a = {{dOut}}',
    maxLoser: 'max pooling: not the winner of {{cell}} (window slot {{winner}} wins): gets 0',
    maxLoserTie:
      'max pooling: not the winner of {{cell}} (window slot {{winner}} wins, a tie broken by row-major order): gets 0',
  },
  workedSum: '{{symbol}} = Σ of {{terms}} W × δ terms = {{value}}',
  label: 'label {{label}}: t_{{label}} = 1, every other t_k = 0',
  own: {
    denseGradients: "∂E/∂W[{{unit}}][i] = x_i δ (x: {{below}}'s outputs); ∂E/∂b = δ = {{bias}}",
    densePasses: 'passes W[{{unit}}][i] × δ down to each of the {{count}} {{below}} nodes (largest: {{largest}})',
    convPasses: 'its δ map is full-convolved with its 180°-rotated kernels to pass δ down to {{below}}',
    convPassesTable:
      'its δ map is full-convolved with its 180°-rotated kernels to pass δ down to {{below}} (over maps {{maps}} of the C3 table)',
    convBias: '∂E/∂b_{{map}} = Σ δ over map {{map}} = {{bias}}',
    convKernel: "∂E/∂k_i{{map}}[ky][kx] = Σ_y,x δ[y][x] x_i[y + ky][x + kx] (x_i: map i of {{below}}'s outputs)",
    window: 'window in {{below}} (value → routed ∂E/∂a): {{cells}}',
    winnerCell: '{{value}} → {{routed}} (winner)',
    max: 'max pooling routes ∂E/∂a = {{value}} to the winner (slot {{slot}}); the other three get 0',
    tie: "tie: several cells hold the maximum; the first in row-major order wins (PyTorch's convention)",
    mean: 'mean pooling gives each of the 4 cells δ / 4 = {{value}}',
    subsample: 'β·δ upsampled: each of the 4 cells gets β × δ = {{beta}} × {{delta}} = {{value}}',
    subsampleGradients: '∂E/∂β = Σ δ × (window sum) over map {{map}} = {{beta}}; ∂E/∂b = Σ δ = {{bias}}',
  },
  tutorial: {
    outputCrossEntropy:
      'Tutorial, 全连接网络反向传播 (6): δᴸ = f′(uᴸ) ∘ (y − t) is for its E = ½Σ(t − y)². Here E = −log p_label after softmax: the softmax Jacobian times ∂E/∂p simplifies to δ = p − t.',
    outputMeanSquared:
      'Tutorial, 全连接网络反向传播 (6): δᴸ = f′(uᴸ) ∘ (y − t) is for its E = ½Σ(t − y)². Here E = (1/10)Σ(p − t)², so ∂E/∂p = (2/10)(p − t); each softmax output depends on all 10 inputs, so its Jacobian replaces the elementwise f′.',
    dense: 'Tutorial, 全连接网络反向传播: the same rule (5), and the weight gradient (7) ∂E/∂Wˡ = xˡ⁻¹ (δˡ)ᵀ.',
    poolUnderDense:
      'Tutorial, 下层为全连接层的反向传播 (当前层为下采样层时): δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹ with no f′, the same rule.',
    subsampleUnderDense:
      "Tutorial, 下层为全连接层的反向传播: δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹ with no f′, as its subsampling layer has no activation function; LeNet-5's has one (LeCun 1998), hence the ∘ f′(z) here.",
    poolUnderConv: 'Tutorial, 下层为卷积层的反向传播: the same rule.',
    subsampleUnderConv:
      "Tutorial, 下层为卷积层的反向传播: the same sum with no f′, as its subsampling layer has no activation function; LeNet-5's has one (LeCun 1998), hence the ∘ f′(z) here.",
    inputUnderConv:
      'Tutorial, 下层为卷积层的反向传播: the same full convolution. The tutorial skips the input layer (it has no weights to update); the app computes it to show which pixels move the loss.',
    underMax:
      'Tutorial, 下层为降采样层的反向传播: δˡ = [1/SampleRate² · UpSample(δˡ⁺¹ ∘ βˡ⁺¹)] ∘ f′(uˡ). For max pooling UpSample gives δ to the maximum of the window only, as here.',
    underMean:
      'Tutorial, 下层为降采样层的反向传播: δˡ = [1/SampleRate² · UpSample(δˡ⁺¹ ∘ βˡ⁺¹)] ∘ f′(uˡ). For mean pooling (β = 1, SampleRate² = 4) each cell gets δ/4, as here.',
    underSubsample:
      "Tutorial, 下层为降采样层的反向传播: δˡ = [1/SampleRate² · UpSample(δˡ⁺¹ ∘ βˡ⁺¹)] ∘ f′(uˡ). Here without the 1/SampleRate²: LeNet-5's subsampling sums its window (as the tutorial's own down() does), so each cell gets β·δ.",
    underPoolErratum:
      '(That section opens with “当下一层为全连接层时”, fully connected; it means the subsampling layer, 降采样层.)',
    convGradient:
      "Tutorial, 卷积层梯度计算: ∂E/∂k_ij = rot180(conv2(x_i, rot180(δ_j), 'valid')), the same sum as above.",
    subsampleGradient: 'Tutorial, 降采样层梯度计算: the same ∂E/∂b = Σ δ and ∂E/∂β = Σ δ ∘ down(x).',
  },
  details: {
    window: 'where the δ goes in the 2x2 window below',
    cellValue: 'value {{value}}',
    tie: "tie in this window: the first cell in row-major order won (PyTorch's rule)",
    more: 'more: where it came from, where it goes, the tutorial',
  },
};

export const zh: Catalog<typeof en> = {
  summary: {
    delta: `${z.sensitivity} δ = dL/dz = {{value}}`,
    activation: '（dL/d(激活输出) {{value}}）',
    input: 'dL/dx（输入像素）= {{value}}',
    output: 'dL/d(输出) = {{value}}',
  },
  nodeUnit: '{{layer}} 单元 {{unit}}',
  listSeparator: '；',
  rule: {
    dense: '{{above}} 的 Wᵀ δ',
    conv: "Σ_j conv2({{above}} 的 δ_j, rot180(k_j), 'full')",
    mean: 'UpSample({{above}} 的 δ) / 4',
    subsample: 'UpSample({{above}} 的 β δ)',
    max: 'UpSample_max({{above}} 的 δ)',
  },
  upstream: {
    dense: '{{gradient}} = Σ_k W[k][{{j}}] δ_k（对 {{above}} 的 {{terms}} 个单元求和）= {{sum}}',
    conv: `{{gradient}} = {{above}} 的${z.sensitivityMap}与旋转 180° 的${z.kernel}做 full ${z.convolution}，遍及与本图相连的 {{count}} 个 {{above}} ${z.featureMap}：{{terms}} 项 W × δ 之和 = {{sum}}`,
    convTable: `{{gradient}} = {{above}} 的${z.sensitivityMap}与旋转 180° 的${z.kernel}做 full ${z.convolution}，遍及与本图相连的 {{count}} 个 {{above}} ${z.featureMap} {{maps}}（C3 连接表）：{{terms}} 项 W × δ 之和 = {{sum}}`,
    largest: '最大的几项 W × δ：{{terms}}',
    mean: `${z.meanPooling}：{{cell}} 给窗口中 4 个单元各 ¼ × ∂E/∂a = ¼ × {{dOut}} = {{value}}`,
    subsample: `${z.subsamplingLayer}：{{cell}} 给窗口中 4 个单元各 β × δ = {{beta}} × {{delta}} = {{value}}`,
    maxWinner: `${z.maxPooling}：本单元在 {{cell}} 的窗口中胜出（位置 {{slot}}），得到它的 ∂E/∂a = {{dOut}}`,
    maxWinnerTie: `${z.maxPooling}：本单元在 {{cell}} 的窗口中胜出（位置 {{slot}}；最大值并列，按行优先顺序取第一个），得到它的 ∂E/∂a = {{dOut}}`,
    maxLoser: `${z.maxPooling}：本单元在 {{cell}} 的窗口中未胜出（位置 {{winner}} 胜出），得到 0`,
    maxLoserTie: `${z.maxPooling}：本单元在 {{cell}} 的窗口中未胜出（位置 {{winner}} 胜出；最大值并列，按行优先顺序取第一个），得到 0`,
  },
  workedSum: '{{symbol}} = {{terms}} 项 W × δ 之和 = {{value}}',
  label: `标签 {{label}}：${z.targetVector} t 中 t_{{label}} = 1，其余 t_k = 0`,
  own: {
    denseGradients: '∂E/∂W[{{unit}}][i] = x_i δ（x：{{below}} 的输出）；∂E/∂b = δ = {{bias}}',
    densePasses: '把 W[{{unit}}][i] × δ 传给 {{below}} 的每个节点，共 {{count}} 个（最大：{{largest}}）',
    convPasses: `它的${z.sensitivityMap}与旋转 180° 的${z.kernel}做 full ${z.convolution}，把 δ 传给 {{below}}`,
    convPassesTable: `它的${z.sensitivityMap}与旋转 180° 的${z.kernel}做 full ${z.convolution}，把 δ 传给 {{below}}（只传给 C3 连接表中的${z.featureMap} {{maps}}）`,
    convBias: `∂E/∂b_{{map}} = ${z.sensitivityMap} {{map}} 中所有 δ 之和 = {{bias}}`,
    convKernel: `∂E/∂k_i{{map}}[ky][kx] = Σ_y,x δ[y][x] x_i[y + ky][x + kx]（x_i：{{below}} 输出的第 i 个${z.featureMap}）`,
    window: '{{below}} 中的窗口（值 → 分到的 ∂E/∂a）：{{cells}}',
    winnerCell: '{{value}} → {{routed}}（胜出）',
    max: `${z.maxPooling}把 ∂E/∂a = {{value}} 只传给胜出的单元（位置 {{slot}}），其余三个得到 0`,
    tie: '并列：窗口中有几个单元同为最大值，按行优先顺序取第一个（PyTorch 的约定）',
    mean: `${z.meanPooling}给 4 个单元各 δ / 4 = {{value}}`,
    subsample: `${z.upsample} β·δ：4 个单元各得 β × δ = {{beta}} × {{delta}} = {{value}}`,
    subsampleGradients: `${z.multiplicativeBias} ∂E/∂β = ${z.featureMap} {{map}} 上 Σ δ × (窗口之和) = {{beta}}；${z.additiveBias} ∂E/∂b = Σ δ = {{bias}}`,
  },
  tutorial: {
    outputCrossEntropy: `教程（全连接网络反向传播，式 (6)）的 δᴸ = f′(uᴸ) ∘ (y − t) 对应其 E = ½Σ(t − y)²。这里是 softmax 加${z.crossEntropy} E = −log p_标签：softmax 的雅可比矩阵乘以 ∂E/∂p，化简为 δ = p − t。`,
    outputMeanSquared: `教程（全连接网络反向传播，式 (6)）的 δᴸ = f′(uᴸ) ∘ (y − t) 对应其 E = ½Σ(t − y)²。这里的${z.meanSquaredError}是 E = (1/10)Σ(p − t)²，所以 ∂E/∂p = (2/10)(p − t)；softmax 的每个输出都依赖全部 10 个输入，逐元素的 f′ 要换成它的雅可比矩阵。`,
    dense: `教程（全连接网络反向传播）：同一规则，即式 (5)；${z.weight}的${z.gradient}为式 (7) ∂E/∂Wˡ = xˡ⁻¹ (δˡ)ᵀ。`,
    poolUnderDense: '教程（下层为全连接层的反向传播，当前层为下采样层时）：δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹，没有 f′，同一规则。',
    subsampleUnderDense: `教程（下层为全连接层的反向传播）：δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹，没有 f′，因为其${z.subsamplingLayer}没有${z.activation}；LeNet-5 的${z.subsamplingLayer}有${z.activation}（LeCun 1998），所以这里还要乘以 f′(z)。`,
    poolUnderConv: '教程（下层为卷积层的反向传播）：同一规则。',
    subsampleUnderConv: `教程（下层为卷积层的反向传播）：同样的求和，但没有 f′，因为其${z.subsamplingLayer}没有${z.activation}；LeNet-5 的${z.subsamplingLayer}有${z.activation}（LeCun 1998），所以这里还要乘以 f′(z)。`,
    inputUnderConv: `教程（下层为卷积层的反向传播）：同样的 full ${z.convolution}。教程不计算${z.inputLayer}（它没有要更新的${z.weight}）；这里算出它，显示哪些像素会改变${z.loss}。`,
    underMax: `教程（下层为降采样层的反向传播）：δˡ = [1/SampleRate² · UpSample(δˡ⁺¹ ∘ βˡ⁺¹)] ∘ f′(uˡ)。${z.maxPooling}时 UpSample 只把 δ 传给窗口中的最大值，与这里相同。`,
    underMean: `教程（下层为降采样层的反向传播）：δˡ = [1/SampleRate² · UpSample(δˡ⁺¹ ∘ βˡ⁺¹)] ∘ f′(uˡ)。${z.meanPooling}时（β = 1，SampleRate² = 4）每个单元得到 δ/4，与这里相同。`,
    underSubsample: `教程（下层为降采样层的反向传播）：δˡ = [1/SampleRate² · UpSample(δˡ⁺¹ ∘ βˡ⁺¹)] ∘ f′(uˡ)。这里没有 1/SampleRate²：LeNet-5 的${z.subsamplingLayer}对窗口求和（教程自己的 down() 也是求和），所以每个单元得到 β·δ。`,
    underPoolErratum: '（该节首句“当下一层为全连接层时”应为“当下一层为降采样层时”。）',
    convGradient: `教程（卷积层梯度计算）：∂E/∂k_ij = rot180(conv2(x_i, rot180(δ_j), 'valid'))，即上面的求和。`,
    subsampleGradient: `教程（降采样层梯度计算）：∂E/∂b = Σ δ 与 ∂E/∂β = Σ δ ∘ down(x)，与这里相同。`,
  },
  details: {
    window: 'δ 在前一层 2x2 窗口中的去向',
    cellValue: '值 {{value}}',
    tie: '此窗口中最大值并列：按行优先顺序，第一个单元胜出（PyTorch 的规则）',
    more: '更多：它从哪里来、传到哪里，以及教程的相关章节',
  },
};
