/**
 * ∂E/∂c of one c3 output map in the tutorial's terms (eq. 16-17), from one backward pass: with δ the map's
 * sensitivity map (dE/du, 10x10), x_i the s2 map i (14x14) and k_i the raw kernel (5x5, c3.weight[j][i]):
 *
 *   (x_i * k_i)[u][v] = Σ_ky Σ_kx x_i[u + ky][v + kx] k_i[ky][kx]      (the forward's valid convolution)
 *   ∂E/∂α_i = Σ_uv δ[u][v] (x_i * k_i)[u][v]
 *   ∂E/∂c_i = α_i (∂E/∂α_i − Σ_k α_k ∂E/∂α_k)
 */
import type { LayerSpec } from '../../engine/model/layerSpec';
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';
import { ALPHA_TENSOR, alphaFromParams, learnedLayer } from './alphaMatrix';

/** The logits c ([16][6], float64) of a learned run's parameters, or null for a run without them. */
export function logitsOf(layers: readonly LayerSpec[], params: ArrayLike<number>): Float64Array | null {
  if (!learnedLayer(layers)) return null;
  const spec = tensorSpec(parameterLayout(layers), ALPHA_TENSOR);
  return Float64Array.from({ length: spec.size }, (_, k) => params[spec.offset + k]);
}

/** One output map's α, ∂E/∂α and ∂E/∂c over its input maps. */
export interface MapLogitGradient {
  readonly alpha: number[];
  readonly alphaGradient: number[];
  readonly logitGradient: number[];
}

/**
 * The tutorial's ∂E/∂α and ∂E/∂c of c3 output map `out`, from the flat parameters, the s2 output (flat [c][y][x])
 * and the map's δ (dE/du, flat [y][x]); null for a run without learned combinations.
 */
export function mapLogitGradient(
  layers: readonly LayerSpec[],
  params: ArrayLike<number>,
  s2: ArrayLike<number>,
  delta: ArrayLike<number>,
  out: number,
): MapLogitGradient | null {
  const c3 = learnedLayer(layers);
  const alphaMatrix = alphaFromParams(layers, params);
  if (!c3 || !alphaMatrix) return null;
  const [inMaps, inH, inW] = c3.inShape;
  const [, outH, outW] = c3.shape;
  const k = c3.kernelSize;
  const weights = tensorSpec(parameterLayout(layers), `${c3.id}.weight`).offset;
  const alpha = Array.from(alphaMatrix.values.subarray(out * inMaps, (out + 1) * inMaps));
  const alphaGradient = alpha.map((_, i) => {
    const kernel = weights + (out * inMaps + i) * k * k;
    let sum = 0;
    for (let u = 0; u < outH; u++)
      for (let v = 0; v < outW; v++) {
        let conv = 0;
        for (let ky = 0; ky < k; ky++)
          for (let kx = 0; kx < k; kx++) conv += s2[(i * inH + u + ky) * inW + v + kx] * params[kernel + ky * k + kx];
        sum += delta[u * outW + v] * conv;
      }
    return sum;
  });
  const weighted = alpha.reduce((s, a, i) => s + a * alphaGradient[i], 0);
  return { alpha, alphaGradient, logitGradient: alpha.map((a, i) => a * (alphaGradient[i] - weighted)) };
}
