/**
 * The output layer's δ from the loss (backwardFrame.ts: label t one-hot, p = softmax(z), K = 10 classes):
 *   cross-entropy  E = −log p_label                 δ_k = p_k − t_k
 *   mean squared   E = 1/K Σ_k (p_k − t_k)²          δ_k = p_k (∂E/∂p_k − Σ_j ∂E/∂p_j p_j),  ∂E/∂p_k = 2 (p_k − t_k) / K
 * written with this drawing's numbers.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { LayerSpec, LossKind } from '../engine/model/layerSpec';
import { framePart } from './deltaSources';
import { formatNumber as f, operand, type DeltaText } from './deltaWords';

/** The loss rule of output unit `k` (its ∂E/∂p `dOut`, its δ `delta`): formula, worked numbers and notes. */
export function outputText(
  t: DeltaText,
  loss: LossKind,
  frame: ActivationFrame,
  backward: BackwardFrame,
  spec: LayerSpec,
  k: number,
  dOut: number,
  delta: number,
): { formula: string; worked: string; notes: string[] } {
  const p = framePart(frame, spec.id, 'out')!;
  const dp = framePart(backward, spec.id, 'out')!;
  const target = k === backward.label ? 1 : 0;
  const label = t('label', { label: backward.label });
  if (loss === 'softmax-cross-entropy') {
    return {
      formula: 'δ_k = p_k − t_k',
      worked: `δ_${k} = ${f(p[k])} − ${target} = ${f(delta)}`,
      notes: [
        label,
        `∂E/∂p_${k} = −t_${k} / p_${k} = −${target} / ${f(p[k])} = ${f(dOut)}`,
        `E = −log p_${backward.label} = ${f(backward.loss)}`,
      ],
    };
  }
  let dot = 0;
  for (let j = 0; j < p.length; j++) dot += dp[j] * p[j];
  return {
    formula: 'δ_k = p_k (∂E/∂p_k − Σ_j ∂E/∂p_j p_j), ∂E/∂p_k = 2 (p_k − t_k) / K',
    worked: `δ_${k} = ${f(p[k])} × (${f(dOut)} − ${operand(dot)}) = ${f(delta)}`,
    notes: [
      label,
      `∂E/∂p_${k} = 2 × (${f(p[k])} − ${target}) / ${p.length} = ${f(dOut)}`,
      `E = 1/K Σ_k (p_k − t_k)² = ${f(backward.loss)}`,
    ],
  };
}
