/**
 * Softmax and the two losses, averaged over the batch. Indices: b batch, k class (K classes);
 * z logits, p = softmax(z), t one-hot target of label[b]; dz = dL/dz.
 *
 *   cross-entropy: L = 1/B sum_b -log p[b][label]            dz = (p - t) / B
 *   mean squared:  L = 1/(B K) sum_b sum_k (p - t)^2          g = 2 (p - t) / (B K),
 *                                                             dz_j = p_j (g_j - sum_k g_k p_k)
 */
import type { LossKind } from '../model/layerSpec';
import type { FloatArray } from '../model/initialize';

/** Writes softmax(z) row by row into p (numerically stable). */
export function softmax(z: FloatArray, p: FloatArray, batchSize: number, classes: number): void {
  for (let b = 0; b < batchSize; b++) {
    const base = b * classes;
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, z[base + k]);
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      const e = Math.exp(z[base + k] - max);
      p[base + k] = e;
      sum += e;
    }
    for (let k = 0; k < classes; k++) p[base + k] = p[base + k] / sum;
  }
}

/** The batch-mean loss of logits `z` (with `p = softmax(z)`) against integer labels. */
export function lossValue(
  kind: LossKind,
  z: FloatArray,
  p: FloatArray,
  labels: ArrayLike<number>,
  batchSize: number,
  classes: number,
): number {
  let total = 0;
  for (let b = 0; b < batchSize; b++) {
    const base = b * classes;
    const label = labels[b];
    if (kind === 'softmax-cross-entropy') {
      let max = -Infinity;
      for (let k = 0; k < classes; k++) max = Math.max(max, z[base + k]);
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += Math.exp(z[base + k] - max);
      total += Math.log(sum) + max - z[base + label];
    } else {
      for (let k = 0; k < classes; k++) {
        const diff = p[base + k] - (k === label ? 1 : 0);
        total += diff * diff;
      }
    }
  }
  return kind === 'softmax-cross-entropy' ? total / batchSize : total / (batchSize * classes);
}

/** Writes dL/dz for the batch-mean loss into dz. */
export function lossBackward(
  kind: LossKind,
  p: FloatArray,
  labels: ArrayLike<number>,
  batchSize: number,
  classes: number,
  dz: FloatArray,
): void {
  for (let b = 0; b < batchSize; b++) {
    const base = b * classes;
    const label = labels[b];
    if (kind === 'softmax-cross-entropy') {
      for (let k = 0; k < classes; k++) dz[base + k] = (p[base + k] - (k === label ? 1 : 0)) / batchSize;
    } else {
      const scale = 2 / (batchSize * classes);
      let dot = 0;
      for (let k = 0; k < classes; k++) {
        dot += scale * (p[base + k] - (k === label ? 1 : 0)) * p[base + k];
      }
      for (let k = 0; k < classes; k++) {
        const g = scale * (p[base + k] - (k === label ? 1 : 0));
        dz[base + k] = p[base + k] * (g - dot);
      }
    }
  }
}
