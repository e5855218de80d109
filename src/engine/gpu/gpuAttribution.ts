/**
 * The WebGL2 network as an attribution engine: a batch is uploaded into the buffers of one batch
 * size (1 for a single image, else ATTRIBUTION_BATCH, padded with blank inputs), the seed is
 * uploaded into the output layer's dPre texture (where the loss kernel leaves dL/dz) and the
 * backward pass runs from there down to the input. Values are read back synchronously, on demand.
 *
 *   output dPre texture (dense layout, packedLayout.ts): texel (b, g) = dz of units 4g..4g+3 of image b
 */
import type { AttributionEngine } from '../interpret/attributionEngine';
import { hasPreActivation } from '../interpret/attributionEngine';
import { shapeSize } from '../model/layerSpec';
import type { BatchBuffers } from './batchBuffers';
import type { GpuNetwork } from './gpuNetwork';
import { texelOf } from './packedLayout';

/** Images per attribution batch on the GPU (the buffers of this size are allocated on first use and kept). */
export const ATTRIBUTION_BATCH = 32;

/** Wraps a GpuNetwork. */
export function gpuEngine(network: GpuNetwork): AttributionEngine {
  let buffers: BatchBuffers | null = null;
  let count = 0;
  const requireBuffers = () => {
    if (!buffers) throw new Error('no forward pass yet');
    return buffers;
  };
  const first = (layer: number, values: Float32Array) =>
    values.subarray(0, count * shapeSize(network.layers[layer].shape));
  return {
    get layers() {
      return network.layers;
    },
    maxBatch: ATTRIBUTION_BATCH,
    forward(inputs, n) {
      if (!(n >= 1 && n <= ATTRIBUTION_BATCH))
        throw new RangeError(`a GPU attribution batch holds 1 to 32 inputs, got ${n}`);
      const size = n === 1 ? 1 : ATTRIBUTION_BATCH;
      const padded = new Float32Array(size * 1024);
      padded.set(inputs.subarray(0, n * 1024));
      buffers = network.uploadBatch(padded, size);
      network.forward(buffers);
      count = n;
    },
    values(layer, part) {
      const spec = network.layers[layer];
      if (part === 'pre' && !hasPreActivation(spec)) throw new Error(`layer ${spec.id} has no pre values`);
      return first(layer, network.readLayer(requireBuffers(), layer, part === 'out' ? 'out' : 'second'));
    },
    backwardFromLogits(seed) {
      const batch = requireBuffers();
      const last = network.layers.length - 1;
      const output = network.layers[last];
      const classes = output.shape[0];
      if (seed.length !== count * classes)
        throw new Error(`a seed of ${count * classes} values is needed, got ${seed.length}`);
      const texture = batch.layers[last].dPre;
      const data = new Float32Array(texture.width * texture.height * 4);
      for (let b = 0; b < count; b++)
        for (let c = 0; c < classes; c++) {
          const [tx, ty, lane] = texelOf(output, b, c, 0, 0);
          data[(ty * texture.width + tx) * 4 + lane] = seed[b * classes + c];
        }
      network.pool.upload(texture, data);
      network.backward(batch, true);
    },
    gradient(layer) {
      const last = network.layers.length - 1;
      return first(layer, network.readLayer(requireBuffers(), layer, layer === last ? 'dPre' : 'dOut'));
    },
  };
}
