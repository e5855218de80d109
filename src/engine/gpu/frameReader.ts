/**
 * Reads a frame (every layer's values for a batch of one: activations, pre-activations, max-pool
 * winners; activationFrame.ts) from the layer textures in one readback, through an index map
 * from each frame value to its texel and lane, built once per batch buffers.
 */
import { frameLayout, type ActivationFrame, type FrameLayer } from '../activationFrame';
import type { LayerSpec } from '../model/layerSpec';
import type { BatchBuffers } from './batchBuffers';
import type { GpuTexture } from './gpuTexture';
import { texelOf } from './packedLayout';
import type { TextureReader } from './textureReader';

/** The frames of one network. */
export class FrameReader {
  private readonly frame: { readonly layers: FrameLayer[]; readonly size: number };
  private map: { buffers: BatchBuffers; textures: GpuTexture[]; sources: Int32Array } | null = null;

  constructor(
    private readonly layers: readonly LayerSpec[],
    private readonly reader: TextureReader,
  ) {
    this.frame = frameLayout(layers);
  }

  /** The frame of `buffers` (a batch of one) after a forward pass of `input` (the input layer's values are the input itself). */
  read(buffers: BatchBuffers, input: Float32Array): ActivationFrame {
    if (buffers.batchSize !== 1) throw new Error('a frame is read from a batch of one');
    const { textures, sources } = this.indexMap(buffers);
    const raw = this.reader.readManySync(textures);
    const values = new Float32Array(this.frame.size);
    for (let i = 0; i < sources.length; i++) values[i] = raw[sources[i]];
    const inputRange = this.frame.layers[0].out;
    values.set(input.subarray(0, inputRange[1]), inputRange[0]);
    return { values, layers: this.frame.layers };
  }

  /** The textures a frame reads and, per frame value, its index in their readback. */
  private indexMap(buffers: BatchBuffers): { textures: GpuTexture[]; sources: Int32Array } {
    if (this.map?.buffers === buffers) return this.map;
    const textures: GpuTexture[] = [];
    const sources = new Int32Array(this.frame.size);
    let base = 0;
    this.frame.layers.forEach((f, l) => {
      if (l === 0) return; // the input: read copies it
      const layer = this.layers[l];
      const [, h, w] = layer.shape;
      for (const [range, part] of [
        [f.out, 'out'],
        [f.pre, 'second'],
        [f.argmax, 'second'],
      ] as const) {
        if (!range) continue;
        const texture = buffers.layers[l][part]!;
        const channels = this.reader.readChannels(texture);
        for (let j = 0; j < range[1]; j++) {
          const [tx, ty, lane] = texelOf(layer, 0, Math.floor(j / (h * w)), Math.floor(j / w) % h, j % w);
          sources[range[0] + j] = base + (ty * texture.width + tx) * channels + lane;
        }
        textures.push(texture);
        base += texture.width * texture.height * channels;
      }
    });
    this.map = { buffers, textures, sources };
    return this.map;
  }
}
