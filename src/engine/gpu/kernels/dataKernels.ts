/**
 * The batch gather from the dataset texture (with optional affine and elastic distortions); the
 * packing of a frame for readback is framePackKernel.ts.
 *
 * Dataset texture: RGBA8, 4096 wide, four 8-bit pixels per texel; pixel (image n, row r, col c) of
 * the 28x28 images is byte n*784 + r*28 + c, i.e. texel (byte/4 % 4096, byte/4 / 4096), channel byte % 4.
 * Batch texture: RGBA32F, texel (b, 0) = (image index, label, 0, 0).
 * Distortion texture: RGBA32F, texel (b, 0) = (dx, dy, cos(angle) / scale, sin(angle) / scale), as
 * src/engine/data/distort.ts (the trigonometry is done in float64 on the CPU: GLSL sin/cos are coarse);
 * texel (b, 1) = (elastic seed, alpha, 0, 0) (src/engine/data/elastic.ts; the seed is below 2^24, exact).
 * Elastic rows: RGBA32F packed like the input, texel (x, b*32 + y) = (hx, hy, 0, 0), the noise of
 * each axis blurred along the row with unnormalised taps e^(-k^2 / 2 sigma^2), k in [-radius, radius].
 *
 *   elasticRows: h_axis[b][y][x] = sum_k e^(-k^2/2s^2) noise(seed_b, axis*1024 + y*32 + x + k), 0 <= x+k < 32
 *   gather: input[b][y][x] = image pixel at (y - 2, x - 2) / 255, 0 outside; with distortion, the
 *           bilinear sample of the padded image at A^-1 (p - centre - shift) + centre + u(p), where
 *           u_axis(p) = alpha_b / tapSum^2 * sum_j e^(-j^2/2s^2) h_axis[b][y + j][x] (elastic == 1, else 0).
 *           The input is a packed map (packedLayout.ts) of one channel: texel (x, b*32 + y) = (value, 0, 0, 0).
 */
import type { Distortion } from '../../data/distort';
import { elasticRadius, gaussianTaps } from '../../data/elastic';
import type { KernelProgram } from '../gpuProgram';

/** Width of the dataset texture. */
export const DATASET_TEXTURE_WIDTH = 4096;

/** The distortion texel of one image. */
export function distortionTexel(d: Distortion): [number, number, number, number] {
  return [d.dx, d.dy, Math.cos(d.angle) / d.scale, Math.sin(d.angle) / d.scale];
}

/** The elastic texel of one image (row 1 of the distortion texture). */
export function elasticTexel(d: Distortion): [number, number, number, number] {
  return d.elastic ? [d.elastic.seed, d.elastic.alpha, 0, 0] : [0, 0, 0, 0];
}

/** The uniforms of the elastic kernels for a batch's distortions (elastic 0 when it has none). */
export function elasticUniforms(distortions: readonly Distortion[] | null): Record<string, number> {
  const elastic = distortions?.[0]?.elastic;
  if (!elastic) return { elastic: 0, radius: 0, sigma: 1, tapSum: 1 };
  const radius = elasticRadius(elastic.sigma);
  // The normalised centre tap is 1 / (the unnormalised taps' sum).
  return { elastic: 1, radius, sigma: elastic.sigma, tapSum: 1 / gaussianTaps(elastic.sigma)[radius] };
}

const NOISE_GLSL = `
float elasticNoise(uint seed, uint index) {
  uint h = seed + index * 0x9e3779b9u;
  h ^= h >> 16u;
  h *= 0x7feb352du;
  h ^= h >> 15u;
  h *= 0x846ca68bu;
  h ^= h >> 16u;
  return float(h >> 8u) / 8388608.0 - 1.0;
}
float tap(int k) { return exp(-float(k * k) / (2.0 * sigma * sigma)); }`;

/** Blurs each image's elastic noise along its rows (the first of the field's two separable passes). */
export const ELASTIC_ROWS_KERNEL: KernelProgram = {
  name: 'elasticRows',
  samplers: ['distortion'],
  uniforms: { radius: 'int', sigma: 'float' },
  outputs: 1,
  vectorOutputs: true,
  declarations: NOISE_GLSL,
  main: `
  int b = p.y / 32, y = p.y % 32, x = p.x;
  uint seed = uint(texelFetch(distortion, ivec2(b, 1), 0).r);
  float hx = 0.0, hy = 0.0;
  for (int k = max(-radius, -x); k <= min(radius, 31 - x); k++) {
    float w = tap(k);
    hx += w * elasticNoise(seed, uint(y * 32 + x + k));
    hy += w * elasticNoise(seed, uint(1024 + y * 32 + x + k));
  }
  out0 = vec4(hx, hy, 0.0, 0.0);`,
};

/** Builds the 32x32 inputs of a batch from the dataset texture. */
export const GATHER_KERNEL: KernelProgram = {
  name: 'gatherBatch',
  samplers: ['dataset', 'batch', 'distortion', 'elasticRows'],
  uniforms: { augment: 'int', elastic: 'int', radius: 'int', sigma: 'float', tapSum: 'float' },
  outputs: 1,
  vectorOutputs: true,
  declarations: `
float pixel(int image, int y, int x) {
  if (y < 2 || y >= 30 || x < 2 || x >= 30) return 0.0;
  int byteIndex = image * 784 + (y - 2) * 28 + (x - 2);
  int texel = byteIndex >> 2;
  return pick(texelFetch(dataset, ivec2(texel % ${DATASET_TEXTURE_WIDTH}, texel / ${DATASET_TEXTURE_WIDTH}), 0), byteIndex & 3);
}
${NOISE_GLSL}`,
  main: `
  int b = p.y / 32, y = p.y % 32, x = p.x;
  vec4 item = texelFetch(batch, ivec2(b, 0), 0);
  int image = int(item.g);
  if (augment == 0) { out0 = vec4(pixel(image, y, x), 0.0, 0.0, 0.0); return; }
  vec4 d = texelFetch(distortion, ivec2(b, 0), 0);
  float centre = 15.5;
  float c = d.z, s = d.w;
  float px = float(x) - centre - d.x, py = float(y) - centre - d.y;
  float sx = c * px + s * py + centre, sy = -s * px + c * py + centre;
  if (elastic == 1) {
    vec2 u = vec2(0.0);
    for (int j = max(-radius, -y); j <= min(radius, 31 - y); j++) {
      u += tap(j) * texelFetch(elasticRows, ivec2(x, b * 32 + y + j), 0).xy;
    }
    u *= texelFetch(distortion, ivec2(b, 1), 0).g / (tapSum * tapSum);
    sx += u.x;
    sy += u.y;
  }
  float fx0 = floor(sx), fy0 = floor(sy);
  int x0 = int(fx0), y0 = int(fy0);
  float fx = sx - fx0, fy = sy - fy0;
  float value = (1.0 - fy) * ((1.0 - fx) * pixel(image, y0, x0) + fx * pixel(image, y0, x0 + 1))
       + fy * ((1.0 - fx) * pixel(image, y0 + 1, x0) + fx * pixel(image, y0 + 1, x0 + 1));
  out0 = vec4(value, 0.0, 0.0, 0.0);`,
};
