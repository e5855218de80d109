/**
 * Views of a WebAssembly network's batch buffers in the reference engine's shapes: the last forward
 * pass (every layer's output, pre-activation, max-pooling winners) and the last backward pass's deltas.
 * Views stay valid until the memory grows.
 */
import type { LayerDeltaValues } from '../backwardFrame';
import type { LayerSpec } from '../model/layerSpec';
import type { ForwardPass } from '../reference/referenceNetwork';
import type { WasmArena } from './wasmArena';
import type { BatchRegion } from './wasmBuffers';

/** Whether a layer keeps a pre-activation: conv, dense and trainable subsampling. */
export const hasPre = (layer: LayerSpec): boolean =>
  layer.kind === 'conv' || layer.kind === 'dense' || (layer.kind === 'pool' && layer.pooling === 'subsample');

/** The forward pass of the first `n` images in `batch`. */
export function passViews(arena: WasmArena, layers: readonly LayerSpec[], batch: BatchRegion, n: number): ForwardPass {
  return {
    batchSize: n,
    layers: layers.map((layer, l) => {
      const b = batch.layers[l];
      const count = n * b.size;
      return {
        id: layer.id,
        out: arena.f32(b.out, count),
        pre: hasPre(layer) ? arena.f32(b.pre, count) : null,
        argmax: layer.kind === 'pool' && layer.pooling === 'max' ? arena.u8(b.argmax, count) : null,
      };
    }),
  };
}

/** Every layer's deltas of the first `n` images in `batch` (the output layer's dL/dz as its dOut). */
export function deltaViews(
  arena: WasmArena,
  layers: readonly LayerSpec[],
  batch: BatchRegion,
  n: number,
): LayerDeltaValues[] {
  const last = layers.length - 1;
  return layers.map((layer, l) => {
    const b = batch.layers[l];
    const count = n * b.size;
    return {
      dOut: arena.f32(l === last ? b.dPre : b.dOut, count),
      dPre: hasPre(layer) ? arena.f32(b.dPre, count) : null,
    };
  });
}
