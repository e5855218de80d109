/**
 * Learned feature-map combinations (the tutorial's 学习特征图的组合, eq. 15-17) and the penalties meant to
 * make them sparse (加强稀疏组合, eq. 18-21). For c3 with `learnedCombinations`, output map j reads input
 * map i through
 *
 *   α_ij = exp(c_ij) / Σ_k exp(c_kj)            (c = the tensor `c3.alphaLogits`, row j, column i)
 *   u_j  = Σ_i α_ij (x_i * k_ij) + b_j          = Σ_i x_i * (α_ij k_ij) + b_j
 *
 * so every engine runs an ordinary full convolution with the effective kernels α_ij k_ij, and maps that
 * convolution's kernel gradient G_ij = ∂E/∂(α_ij k_ij) back to the parameters:
 *
 *   ∂E/∂k_ij = α_ij G_ij,   ∂E/∂α_ij = Σ_t G_ij[t] k_ij[t],   ∂E/∂c_lj = α_lj (∂E/∂α_lj − Σ_i α_ij ∂E/∂α_ij)
 *
 * (the last is the softmax's Jacobian, eq. 17). Arrays are row-major [out][in] (and [out][in][k*k] for kernels).
 */
import type { FloatArray } from './initialize';

/** The penalties on α: none, the tutorial's L1 (eq. 18), and the entropy of each α_·j (ours). */
export type AlphaPenalty = 'none' | 'l1' | 'entropy';

/** Every penalty, in the order the training panel offers them. */
export const ALPHA_PENALTIES: readonly AlphaPenalty[] = ['none', 'l1', 'entropy'];

/** A read-only array of numbers (float32, float64 or plain). */
type Numbers = ArrayLike<number>;

/** α from the logits: a softmax over each row (output map j) of the [out][in] logits. */
export function combinationWeights(
  logits: Numbers,
  outMaps: number,
  inMaps: number,
  out: FloatArray = new Float64Array(outMaps * inMaps),
): FloatArray {
  for (let j = 0; j < outMaps; j++) {
    const row = j * inMaps;
    let max = -Infinity;
    for (let i = 0; i < inMaps; i++) max = Math.max(max, logits[row + i]);
    let sum = 0;
    for (let i = 0; i < inMaps; i++) sum += out[row + i] = Math.exp(logits[row + i] - max);
    for (let i = 0; i < inMaps; i++) out[row + i] /= sum;
  }
  return out;
}

/** The effective kernels α_ij k_ij into `out` ([out][in][k*k], like the kernels). */
export function effectiveKernels(kernels: Numbers, alpha: Numbers, kernelArea: number, out: FloatArray): FloatArray {
  for (let c = 0; c < alpha.length; c++) {
    const a = alpha[c];
    const base = c * kernelArea;
    for (let t = 0; t < kernelArea; t++) out[base + t] = a * kernels[base + t];
  }
  return out;
}

/**
 * From the effective kernels' gradient G, writes ∂E/∂k into `kernelGradients` and ∂E/∂c into
 * `logitGradients` (both overwritten; `kernelGradients` may be G itself, updated in place).
 */
export function combinationGradients(
  effectiveGradients: Numbers,
  kernels: Numbers,
  alpha: Numbers,
  outMaps: number,
  inMaps: number,
  kernelArea: number,
  kernelGradients: FloatArray,
  logitGradients: FloatArray,
): void {
  const alphaGradient = new Float64Array(inMaps);
  for (let j = 0; j < outMaps; j++) {
    let weighted = 0;
    for (let i = 0; i < inMaps; i++) {
      const c = j * inMaps + i;
      const base = c * kernelArea;
      let g = 0;
      for (let t = 0; t < kernelArea; t++) {
        const gt = effectiveGradients[base + t];
        g += gt * kernels[base + t];
        kernelGradients[base + t] = alpha[c] * gt;
      }
      alphaGradient[i] = g;
      weighted += alpha[c] * g;
    }
    for (let i = 0; i < inMaps; i++)
      logitGradients[j * inMaps + i] = alpha[j * inMaps + i] * (alphaGradient[i] - weighted);
  }
}

/**
 * Adds λ times the penalty's gradient with respect to the logits to `logitGradients` and returns the
 * penalty's value λ P. Per output map j (α = α_·j):
 *
 * - `l1`, the tutorial's eq. 18: P = Σ_i |α_i|. Implemented as written, eq. 21:
 *   ∂P/∂c_l = |α_l| − α_l Σ_k |α_k|. Since a softmax's α are positive and sum to 1, P = 1 for every j
 *   whatever the logits, and this gradient is 0 up to rounding: the penalty cannot sparsify anything.
 * - `entropy`: P = H(α) = −Σ_i α_i ln α_i, lowest (0) when one input takes all the weight, highest
 *   (ln n) when all are equal. ∂H/∂α_i = −(ln α_i + 1), so through the softmax
 *   ∂H/∂c_l = α_l (−ln α_l − 1 − Σ_i α_i (−ln α_i − 1)) = −α_l (ln α_l + H).
 */
export function addAlphaPenalty(
  kind: AlphaPenalty,
  lambda: number,
  alpha: Numbers,
  outMaps: number,
  inMaps: number,
  logitGradients: FloatArray,
): number {
  if (kind === 'none' || lambda === 0) return 0;
  let total = 0;
  for (let j = 0; j < outMaps; j++) {
    const row = j * inMaps;
    if (kind === 'l1') {
      let sumAbs = 0;
      for (let i = 0; i < inMaps; i++) sumAbs += Math.abs(alpha[row + i]);
      total += sumAbs;
      for (let l = 0; l < inMaps; l++) {
        const a = alpha[row + l];
        logitGradients[row + l] += lambda * (Math.abs(a) - a * sumAbs);
      }
    } else {
      let entropy = 0;
      for (let i = 0; i < inMaps; i++) entropy -= alpha[row + i] * safeLog(alpha[row + i]);
      total += entropy;
      for (let l = 0; l < inMaps; l++) {
        const a = alpha[row + l];
        logitGradients[row + l] += -lambda * a * (safeLog(a) + entropy);
      }
    }
  }
  return lambda * total;
}

/** The number of input maps per output map with α ≥ `threshold` (the sparsity the α panel reports). */
export function inputsAbove(alpha: Numbers, outMaps: number, inMaps: number, threshold = 0.05): number[] {
  return Array.from({ length: outMaps }, (_, j) => {
    let count = 0;
    for (let i = 0; i < inMaps; i++) if (alpha[j * inMaps + i] >= threshold) count++;
    return count;
  });
}

function safeLog(a: number): number {
  return Math.log(Math.max(a, 1e-300));
}
