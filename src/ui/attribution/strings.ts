/**
 * The words of the attribution room (why the network reads the drawing as it does: heatmaps over the pad),
 * in English and Chinese (the tutorial's terms, src/i18n/glossary.ts).
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  attribution: {
    region: 'Why this reading',
    toggle: 'why this reading? (heatmap on the pad)',
    method: 'method',
    methods: {
      gradient: 'gradient (saliency)',
      gradientInput: 'gradient × input',
      smoothgrad: 'SmoothGrad',
      integrated: 'integrated gradients',
      gradcam: 'Grad-CAM',
      occlusion: 'occlusion',
    },
    explain: {
      gradient:
        '∂z/∂x: how fast the score would change if one pixel got a little darker. It describes the score near this exact input (which pixels it is sensitive to, not which ones produced it), and it is noisy: neighbouring pixels can have opposite signs.',
      gradientInput:
        'x ∘ ∂z/∂x: the gradient where there is ink. Blank paper (x = 0) always gets 0, so it cannot show that a missing stroke matters (the gap that makes a 4 rather than a 9).',
      smoothgrad:
        'The mean gradient over n copies of the input with Gaussian noise σ added (on the 0–1 pixel scale): less speckle than the plain gradient. It smooths the picture, not the network: it can look more convincing than what the network is really sensitive to, and it changes with n and σ.',
      integrated:
        'x times the mean gradient along the straight path from the blank pad (x′ = 0) to the input, in m steps. Its sum equals z(x) − z(0) (completeness, checked below). With a blank baseline, paper pixels (x = 0) get exactly 0 by construction: like gradient × input, it never credits missing ink.',
      gradcam:
        "Each feature map A_k of the chosen layer weighted by the mean of ∂z/∂A_k over the map, summed, negatives cut off (ReLU), at the layer's size (c1 28x28, s2 14x14, c3 10x10, s4 5x5), drawn onto the input by bilinear interpolation. It shows roughly where, not which pixel; deeper layers are coarser, and evidence against the digit is cut away.",
      occlusion:
        'A p x p patch of blank paper slid over the input with stride 1: each position records how much the score drops, and each pixel shows the mean drop over the patches that cover it. These are real effects, but only of removing ink (covering paper changes nothing); the patch makes edges of its own, and the picture changes with p.',
    },
    target: 'explain',
    targetReading: 'the reading ({{digit}})',
    targetReadingNone: 'the reading',
    contrast: 'rather than',
    contrastNone: '— (its score alone)',
    digit: '{{digit}}',
    scoreOne: 'z = z_{{target}}, the logit of {{target}} (the output layer before softmax): {{score}}',
    scoreContrast:
      'z = z_{{target}} − z_{{contrast}}, what makes it a {{target}} rather than a {{contrast}}: {{score}}',
    options: {
      samples: 'copies n',
      sigma: 'noise σ',
      steps: 'steps m',
      layer: 'layer',
      patch: 'patch p',
    },
    legendSigned: 'blue lowers z, red raises it; strongest colour at ±{{scale}} (the largest |value|, in logit units)',
    legendUnsigned: 'paper (0) to red: strongest colour at {{scale}} (the largest value, in logit units)',
    legendSqrt: 'square-root scale, as the backward view',
    flat: 'The map is 0 everywhere: nothing in this input moves z this way.',
    completeness:
      'Completeness: Σ map = {{sum}}; z(x) − z(0) = {{score}} − {{baseline}} = {{difference}}; gap {{gap}} ({{share}} of it).',
    onView: "also on the 3D view's input plane",
    onViewNote: 'The input plane then shows the map instead of the pixels (Grad-CAM on the activations’ ramp).',
    live: 'Follows the pen as you draw.',
    onStrokeEnd: 'Updates when a stroke ends (it takes many forward or backward passes).',
    probeNote:
      'The transform probe moves the input: the map is computed on the moved input and drawn back onto your drawing.',
    empty: 'Draw a digit (or load a test digit) to see which pixels the reading rests on.',
    computing: 'computing…',
    sameDigits: 'Choose another digit to contrast with: “{{digit}} rather than {{digit}}” explains nothing.',
    problem: 'The heatmap could not be computed: {{detail}}',
    mapLabel: 'Heatmap of {{method}} over the pad',
  },
};

export const zh: Catalog<typeof en> = {
  attribution: {
    region: '为什么这样识别',
    toggle: '为什么这样识别？（手写板上的热力图）',
    method: '方法',
    methods: {
      gradient: `${zhTerm.gradient}（显著性）`,
      gradientInput: `${zhTerm.gradient} × 输入`,
      smoothgrad: `SmoothGrad（平滑${zhTerm.gradient}）`,
      integrated: `积分${zhTerm.gradient}`,
      gradcam: 'Grad-CAM（梯度加权类激活图）',
      occlusion: '遮挡',
    },
    explain: {
      gradient: `∂z/∂x：某个像素稍微变深时，得分变化有多快。它只描述这个输入附近得分对哪些像素敏感，而不是哪些像素造成了这个得分；而且噪声很大，相邻像素的符号可能相反。`,
      gradientInput: `x ∘ ∂z/∂x：只保留有墨迹处的${zhTerm.gradient}。空白纸面（x = 0）永远是 0，所以它无法显示“缺了某一笔”的重要性（例如让 4 不被认成 9 的那个缺口）。`,
      smoothgrad: `在输入上加入高斯噪声 σ（以 0–1 的像素值计）得到 n 个副本，取它们${zhTerm.gradient}的平均：比普通${zhTerm.gradient}少了斑点。平滑的是图像而不是网络：它可能比网络真实的敏感性看起来更有说服力，而且会随 n 和 σ 改变。`,
      integrated: `从空白手写板（x′ = 0）沿直线走到输入，分 m 步取${zhTerm.gradient}的平均，再乘以 x。它的总和等于 z(x) − z(0)（完备性，下面有核对）。以空白为基线时，纸面像素（x = 0）按构造恰好为 0：与${zhTerm.gradient} × 输入一样，它从不把功劳记在“没有墨迹”上。`,
      gradcam: `所选层的每个${zhTerm.featureMap} A_k 以 ∂z/∂A_k 在该图上的平均值加权，求和后去掉负值（ReLU），得到与该层同样大小的图（c1 28x28、s2 14x14、c3 10x10、s4 5x5），再用双线性插值画到输入上。它只显示大致位置，而不是哪个像素；层越深越粗糙，而且不利于这个数字的证据被去掉了。`,
      occlusion: `用 p x p 的空白纸片以${zhTerm.stride} 1 滑过输入：每个位置记录得分下降了多少，每个像素显示盖住它的所有纸片的平均下降量。这是网络真实的反应，但只针对“去掉墨迹”（盖住纸面不改变任何东西）；纸片本身会造出新的边缘，而且图会随 p 改变。`,
    },
    target: '解释',
    targetReading: '识别结果（{{digit}}）',
    targetReadingNone: '识别结果',
    contrast: '而不是',
    contrastNone: '—（只看它的得分）',
    digit: '{{digit}}',
    scoreOne: `z = z_{{target}}，即 {{target}} 的 logit（${zhTerm.outputLayer}在 softmax 之前的值）：{{score}}`,
    scoreContrast: 'z = z_{{target}} − z_{{contrast}}，即让它是 {{target}} 而不是 {{contrast}} 的因素：{{score}}',
    options: {
      samples: '副本数 n',
      sigma: '噪声 σ',
      steps: '步数 m',
      layer: '层',
      patch: '纸片 p',
    },
    legendSigned: '蓝色使 z 降低，红色使 z 升高；颜色最深处为 ±{{scale}}（|值| 的最大值，单位与 logit 相同）',
    legendUnsigned: '从纸色（0）到红色：颜色最深处为 {{scale}}（最大值，单位与 logit 相同）',
    legendSqrt: '平方根刻度，与反向传播视图相同',
    flat: '这张图处处为 0：这个输入中没有任何东西以这种方式改变 z。',
    completeness:
      '完备性：Σ 图 = {{sum}}；z(x) − z(0) = {{score}} − {{baseline}} = {{difference}}；差距 {{gap}}（占 {{share}}）。',
    onView: '同时显示在 3D 视图的输入平面上',
    onViewNote: '此时输入平面显示热力图而不是像素（Grad-CAM 使用激活值的配色）。',
    live: '随笔迹实时更新。',
    onStrokeEnd: `每画完一笔更新一次（它需要很多次${zhTerm.forwardPass}或${zhTerm.backprop}）。`,
    probeNote: '变换探针移动了输入：热力图在移动后的输入上计算，再画回你的手写数字上。',
    empty: '写一个数字（或加载一个测试数字），看识别结果依赖哪些像素。',
    computing: '计算中…',
    sameDigits: '请选择另一个数字作对比：“是 {{digit}} 而不是 {{digit}}”没有任何意义。',
    problem: '无法计算热力图：{{detail}}',
    mapLabel: '手写板上的 {{method}} 热力图',
  },
};
