/**
 * How the GPU engine lays a layer's values out in textures: RGBA32F, four channels (or units) to
 * a texel, so one fetch brings four values and a weight block is a mat4 x vec4 product.
 *
 *   maps C@HxW (input, conv, pool), G = ceil(C / 4)       dense N, G = ceil(N / 4): one column
 *   +-------+-------+-----+---------+                     per image, texel (b, g) = units
 *   | g=0   | g=1   | ... | g=G-1   |  rows b*H..         4g..4g+3 (columns, not rows, so that
 *   | HxW   | HxW   |     | HxW     |  b*H+H-1            a batch of one still spans rows, which
 *   +-------+-------+-----+---------+                     a software rasterizer shares among
 *   texel (g*W + x, b*H + y) = channels 4g..4g+3 at (y, x)   its threads)
 *
 * Lanes past C (or N) are padding: they hold finite values that always meet zero weights, so
 * they never reach a real value.
 */
import type { LayerSpec } from '../model/layerSpec';

/** Whether a layer is dense (units in a column per image) rather than maps. */
export function isDense(layer: LayerSpec): boolean {
  return layer.kind === 'dense';
}

/** Number of four-channel groups for `channels` channels. */
export function channelGroups(channels: number): number {
  return Math.ceil(channels / 4);
}

/** Texels per image of a layer (what a dense layer above reads, in order: g*H*W + y*W + x). */
export function inputTexels(layer: LayerSpec): number {
  const [c, h, w] = layer.shape;
  return channelGroups(c) * h * w;
}

/** Texture size of a layer's values at a batch size. */
export function activationSize(layer: LayerSpec, batchSize: number): [number, number] {
  const [c, h, w] = layer.shape;
  return isDense(layer) ? [batchSize, channelGroups(c)] : [channelGroups(c) * w, batchSize * h];
}

/** Texel (x, y) and lane of value [b][c][y][x] of a layer (the inverse of the pictures above). */
export function texelOf(layer: LayerSpec, b: number, c: number, y: number, x: number): [number, number, number] {
  const [, h, w] = layer.shape;
  return isDense(layer) ? [b, c >> 2, c & 3] : [(c >> 2) * w + x, b * h + y, c & 3];
}

/** Unpacks a whole RGBA readback of a layer's texture into [b][c][y][x] order. */
export function unpackLayer(
  layer: LayerSpec,
  batchSize: number,
  raw: Float32Array,
  textureWidth: number,
): Float32Array {
  const [channels, h, w] = layer.shape;
  const out = new Float32Array(batchSize * channels * h * w);
  let i = 0;
  for (let b = 0; b < batchSize; b++)
    for (let c = 0; c < channels; c++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const [tx, ty, k] = texelOf(layer, b, c, y, x);
          out[i++] = raw[(ty * textureWidth + tx) * 4 + k];
        }
  return out;
}
