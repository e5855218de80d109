/**
 * The words of the momentum charts (each layer's gradient, velocity and update, and why momentum helps), in
 * English and Chinese (the tutorial's terms, src/i18n/glossary.ts). The Chinese help quotes the tutorial's 动量法
 * section word for word (cut with …… where a passage is left out); the English translates the same passages.
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  momentum: {
    heading: 'Momentum, layer by layer',
    intro:
      'At each progress report, for every layer with parameters: the gradient g of its last step, the velocity v (the momentum buffer) and how far that step moved its weights.',
    quantity: {
      gradientNorm: 'gradient norm ‖g‖ by step (log scale)',
      velocityNorm: 'velocity norm ‖v‖ by step (log scale)',
      updateRatio: 'update-to-weight ratio ‖Δw‖/‖w‖ by step (log scale)',
    },
    plot: '{{title}}, one line per layer',
    at: 'At step {{step}} (γ = {{momentum}}); the arrow keys on a chart step through the reports:',
    column: {
      layer: 'layer',
      gradientNorm: 'gradient',
      velocityNorm: 'velocity',
      updateRatio: 'update / weight',
      gain: 'gain',
    },
    gainTitle: '‖v‖ / (η‖g‖): how many times a plain gradient step the momentum step is',
    ceiling:
      'With the same gradient at every step the gain would climb to 1/(1 − γ) = {{ceiling}} (the tutorial’s peak); gradients that keep turning (the zig-zag) cancel in v and keep it lower; above it, v still carries larger gradients of earlier steps.',
    helpSummary: 'Why momentum helps where plain gradient descent zig-zags',
    problem:
      '“Picture a very flat funnel: in the vertical direction the gradient is very large, in the horizontal direction comparatively small, so … the learning rate is not set large, to keep the parameters from overshooting in the vertical direction; and such a small learning rate makes them move far too slowly in the horizontal direction, so in the end it converges very slowly.”',
    rule: 'v_i = γ v_(i−1) + η ∇L(θ),  θ_i = θ_(i−1) − v_i: “where v_i is the current velocity, γ the momentum parameter, a positive number below 1 (at 1 or above it does not converge), and η the learning rate.”',
    ball: '“In essence, momentum is like pushing a ball down from a high slope: rolling down it gathers momentum and goes faster and faster on the way, up to a peak. In our algorithm, the momentum term keeps growing along directions where the negative gradient points the same way and shrinks along directions where the gradient changes, which gives faster convergence and less oscillation.”',
    peak: '“If we set γ to 0.9, the peak size of an update is 10 times the gradient times the learning rate.”',
    source: '— the tutorial, “Improving gradient descent: momentum” (梯度下降法的改进—动量法)',
    reading:
      'In the charts: where a layer’s gradient keeps its direction, ‖v‖ grows towards 1/(1 − γ) times η‖g‖ (the gain); where it zig-zags, the velocity cancels it out and the gain stays low. Try momentum 0 and 0.9 on two runs and compare them below.',
  },
};

export const zh: Catalog<typeof en> = {
  momentum: {
    heading: `逐层看${zhTerm.momentum}`,
    intro: `每次报告进度时，对每个有参数的层：最后一步的${zhTerm.gradient} g、${zhTerm.velocity} v（${zhTerm.momentum}缓存）以及这一步让${zhTerm.weight}移动了多少。`,
    quantity: {
      gradientNorm: `${zhTerm.gradient}的范数 ‖g‖，按步数（对数坐标）`,
      velocityNorm: `${zhTerm.velocity}的范数 ‖v‖，按步数（对数坐标）`,
      updateRatio: `更新量与${zhTerm.weight}之比 ‖Δw‖/‖w‖，按步数（对数坐标）`,
    },
    plot: '{{title}}，每层一条线',
    at: '第 {{step}} 步（γ = {{momentum}}）；在图上按方向键可逐次查看：',
    column: {
      layer: '层',
      gradientNorm: zhTerm.gradient,
      velocityNorm: zhTerm.velocity,
      updateRatio: `更新 / ${zhTerm.weight}`,
      gain: '增益',
    },
    gainTitle: `‖v‖ / (η‖g‖)：${zhTerm.momentum}的一步是普通${zhTerm.gradientDescent}一步的多少倍`,
    ceiling: `若每一步的${zhTerm.gradient}都相同，增益会升到 1/(1 − γ) = {{ceiling}}（即教程中的峰值）；${zhTerm.gradient}来回变化（之字形）时在 v 中相互抵消，增益更低；高于它时，v 中仍带着之前更大的${zhTerm.gradient}。`,
    helpSummary: `为什么普通${zhTerm.gradientDescent}来回震荡时${zhTerm.momentum}法有用`,
    problem:
      '“可以想象成一个很扁的漏斗，这样在竖直方向上，梯度就非常大，在水平方向上，梯度就相对较小，所以……在设置学习率的时候就不设置太大，为了防止竖直方向上参数更新太过了，这样一个较小的学习率又导致了水平方向上参数在更新的时候太过于缓慢，所以就导致最终收敛起来非常慢。”',
    rule: 'v_i = γ v_(i−1) + η ∇L(θ)，θ_i = θ_(i−1) − v_i：“其中vi是当前速度，γ是动量参数，是一个小于1的正数（大于等于1不收敛）。η是学习率。”',
    ball: '“本质上说，动量法就仿佛我们从高坡上推一个球，小球在向下滚动的过程中积累了动量，在途中也会变得越来越快，最后会达到一个峰值，对应于我们的算法中就是，动量项会沿着与负梯度指向方向相同的方向不断增大，对于梯度方向改变的方向逐渐减小，得到了更快的收敛速度以及更小的震荡。”',
    peak: '“如果我们把γ定为0.9,那么更新幅度的峰值就是原本梯度乘学习率的10倍。”',
    source: '——教程《梯度下降法的改进—动量法》',
    reading: `图中：某层的${zhTerm.gradient}方向保持一致时，‖v‖ 增长到 η‖g‖ 的 1/(1 − γ) 倍（即增益）；${zhTerm.gradient}来回震荡时，${zhTerm.velocity}把它们相互抵消，增益保持很小。可以用${zhTerm.momentum} 0 和 0.9 各训练一个网络，在下面比较它们。`,
  },
};
