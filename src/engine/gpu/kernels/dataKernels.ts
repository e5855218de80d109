/**
 * The batch gather from the dataset texture (with optional distortion); the packing of a frame
 * for readback is framePackKernel.ts.
 *
 * Dataset texture: RGBA8, 4096 wide, four 8-bit pixels per texel; pixel (image n, row r, col c) of
 * the 28x28 images is byte n*784 + r*28 + c, i.e. texel (byte/4 % 4096, byte/4 / 4096), channel byte % 4.
 * Batch texture: RGBA32F, texel (b, 0) = (image index, label, 0, 0).
 * Distortion texture: RGBA32F, texel (b, 0) = (dx, dy, cos(angle) / scale, sin(angle) / scale), as
 * src/engine/data/distort.ts (the trigonometry is done in float64 on the CPU: GLSL sin/cos are coarse).
 *
 *   gather: input[b][y][x] = image pixel at (y - 2, x - 2) / 255, 0 outside; with distortion, the
 *           bilinear sample of the padded image at A^-1 (p - centre - shift) + centre. The input
 *           is a packed map (packedLayout.ts) of one channel: texel (x, b*32 + y) = (value, 0, 0, 0).
 */
import type { Distortion } from '../../data/distort';
import type { KernelProgram } from '../gpuProgram';

/** Width of the dataset texture. */
export const DATASET_TEXTURE_WIDTH = 4096;

/** The distortion texel of one image. */
export function distortionTexel(d: Distortion): [number, number, number, number] {
  return [d.dx, d.dy, Math.cos(d.angle) / d.scale, Math.sin(d.angle) / d.scale];
}

/** Builds the 32x32 inputs of a batch from the dataset texture. */
export const GATHER_KERNEL: KernelProgram = {
  name: 'gatherBatch',
  samplers: ['dataset', 'batch', 'distortion'],
  uniforms: { augment: 'int' },
  outputs: 1,
  vectorOutputs: true,
  declarations: `
float pixel(int image, int y, int x) {
  if (y < 2 || y >= 30 || x < 2 || x >= 30) return 0.0;
  int byteIndex = image * 784 + (y - 2) * 28 + (x - 2);
  int texel = byteIndex >> 2;
  return pick(texelFetch(dataset, ivec2(texel % ${DATASET_TEXTURE_WIDTH}, texel / ${DATASET_TEXTURE_WIDTH}), 0), byteIndex & 3);
}`,
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
  float fx0 = floor(sx), fy0 = floor(sy);
  int x0 = int(fx0), y0 = int(fy0);
  float fx = sx - fx0, fy = sy - fy0;
  float value = (1.0 - fy) * ((1.0 - fx) * pixel(image, y0, x0) + fx * pixel(image, y0, x0 + 1))
       + fy * ((1.0 - fx) * pixel(image, y0 + 1, x0) + fx * pixel(image, y0 + 1, x0 + 1));
  out0 = vec4(value, 0.0, 0.0, 0.0);`,
};
