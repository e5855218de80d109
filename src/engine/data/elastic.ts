/**
 * Elastic distortions (Simard, Steinkraus and Platt 2003): a random displacement field, uniform in
 * [-1, 1) per pixel and axis, smoothed by a Gaussian of standard deviation sigma and scaled by alpha.
 * The distorted input samples the source bilinearly at p + alpha * (G * noise)(p) (distort.ts adds it
 * to the affine part). Every engine draws the same field: the noise is a counter-based hash of one
 * 24-bit seed per image (exact in float32, so the GPU gets it through a float texture) and the pixel's
 * index, computed the same way in TypeScript, AssemblyScript (assembly/elastic.ts) and GLSL.
 *
 *   noise(seed, i) = 2 * (lowbias32(seed + i * 0x9e3779b9) >>> 8) / 2^24 - 1,  i = axis * 1024 + y * 32 + x
 *   field[axis][y][x] = alpha * sum_{j,k} g[j] g[k] noise(seed, axis * 1024 + (y + j) * 32 + (x + k)),
 *     j, k in [-r, r], r = ceil(3 sigma) (at most 31), g the normalised Gaussian taps, pixels outside = 0
 */
import { INPUT_SIZE } from './mnistInput';

/** How strong and how smooth the displacement is (pixels of the 32x32 input). */
export interface ElasticSettings {
  /** Scale of the smoothed field. */
  readonly alpha: number;
  /** Standard deviation of the smoothing Gaussian, in pixels. */
  readonly sigma: number;
}

/** Simard et al.'s values for MNIST: alpha 34, sigma 4. */
export const DEFAULT_ELASTIC: ElasticSettings = { alpha: 34, sigma: 4 };

/** One image's elastic distortion: its seed (an integer below 2^24) and the settings. */
export interface ElasticDistortion extends ElasticSettings {
  readonly seed: number;
}

/** Exclusive upper bound of a seed (so that it is exact in float32). */
export const ELASTIC_SEED_LIMIT = 1 << 24;

/** Half-width of the Gaussian's taps. */
export function elasticRadius(sigma: number): number {
  return Math.min(Math.ceil(3 * sigma), INPUT_SIZE - 1);
}

/** The normalised Gaussian taps g[-r..r] (index k + r). */
export function gaussianTaps(sigma: number): Float64Array {
  const r = elasticRadius(sigma);
  const taps = new Float64Array(2 * r + 1);
  let sum = 0;
  for (let k = -r; k <= r; k++) sum += taps[k + r] = Math.exp(-(k * k) / (2 * sigma * sigma));
  for (let k = 0; k < taps.length; k++) taps[k] /= sum;
  return taps;
}

/** The uniform noise in [-1, 1) of pixel index `index` (axis * 1024 + y * 32 + x) under `seed`. */
export function elasticNoise(seed: number, index: number): number {
  let h = (seed + Math.imul(index, 0x9e3779b9)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 8) / 8388608 - 1;
}

/** The displacement field of one image in pixels, [axis][y][x] (axis 0: x, 1: y), in float64. */
export function elasticField(d: ElasticDistortion): Float64Array {
  const n = INPUT_SIZE;
  const plane = n * n;
  const taps = gaussianTaps(d.sigma);
  const r = (taps.length - 1) / 2;
  const rows = new Float64Array(plane);
  const field = new Float64Array(2 * plane);
  for (let axis = 0; axis < 2; axis++) {
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        let s = 0;
        for (let k = Math.max(-r, -x); k <= Math.min(r, n - 1 - x); k++)
          s += taps[k + r] * elasticNoise(d.seed, axis * plane + y * n + x + k);
        rows[y * n + x] = s;
      }
    }
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        let s = 0;
        for (let j = Math.max(-r, -y); j <= Math.min(r, n - 1 - y); j++) s += taps[j + r] * rows[(y + j) * n + x];
        field[axis * plane + y * n + x] = d.alpha * s;
      }
    }
  }
  return field;
}
