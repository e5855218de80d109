/**
 * How the GPU engine lays a layer's values out in textures. Maps of the spatial layers (input,
 * conv, pool) are packed four channels to an RGBA32F texel; dense layers are one float per texel:
 *
 *   spatial C@HxW, G = ceil(C / 4) channel groups         dense N: one column per image,
 *   +-------+-------+-----+---------+                     texel (b, n) (R32F); columns, not
 *   | g=0   | g=1   | ... | g=G-1   |  rows b*H..         rows, so that a batch of one still
 *   | HxW   | HxW   |     | HxW     |  b*H+H-1            spans many rows, which a software
 *   +-------+-------+-----+---------+                     rasterizer shares among its threads
 *   texel (g*W + x, b*H + y) = channels 4g..4g+3 at (y, x)   (RGBA32F; channels >= C are padding)
 *
 * A fragment of a packed kernel computes four channels at once: one texel fetch brings four
 * values, and a convolution tap is a mat4 x vec4 product. Padding channels hold finite values
 * that always meet zero weights, so they never reach a real channel.
 */
import type { LayerSpec } from '../model/layerSpec';
import type { TextureFormat } from './gpuTexture';

/** Whether a layer's maps are packed four channels to a texel. */
export function isPacked(layer: LayerSpec): boolean {
  return layer.kind !== 'dense';
}

/** Number of four-channel groups for `channels` channels. */
export function channelGroups(channels: number): number {
  return Math.ceil(channels / 4);
}

/** Texture size of a layer's values at a batch size. */
export function activationSize(layer: LayerSpec, batchSize: number): [number, number] {
  const [c, h, w] = layer.shape;
  return isPacked(layer) ? [channelGroups(c) * w, batchSize * h] : [batchSize, c];
}

/** Texture format of a layer's values. */
export function activationFormat(layer: LayerSpec): TextureFormat {
  return isPacked(layer) ? 'rgba32f' : 'r32f';
}

/** Texel index (x, y) and channel of value [b][c][y][x] of a layer (the inverse of the pictures above). */
export function texelOf(layer: LayerSpec, b: number, c: number, y: number, x: number): [number, number, number] {
  const [, h, w] = layer.shape;
  return isPacked(layer) ? [(c >> 2) * w + x, b * h + y, c & 3] : [b, c, 0];
}

/** Unpacks a whole readback of a layer's texture into [b][c][y][x] order. */
export function unpackLayer(layer: LayerSpec, batchSize: number, raw: Float32Array, textureWidth: number): Float32Array {
  const [channels, h, w] = layer.shape;
  const perTexel = isPacked(layer) ? 4 : 1;
  const out = new Float32Array(batchSize * channels * h * w);
  let i = 0;
  for (let b = 0; b < batchSize; b++)
    for (let c = 0; c < channels; c++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const [tx, ty, k] = texelOf(layer, b, c, y, x);
          out[i++] = raw[(ty * textureWidth + tx) * perTexel + k];
        }
  return out;
}
