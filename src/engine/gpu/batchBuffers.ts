/**
 * The textures one batch size needs, allocated once from the pool and reused every step.
 * Per layer l: `out` (activation), `second` (pre-activation, or the max-pool winners, or null for
 * mean pooling), `dOut` and `dPre` (dL/d activation and dL/d pre-activation), in the layer's
 * layout (packedLayout.ts); and, for layers with parameters, the pass-1 partial sums and the
 * reduced gradients (gradientLayout.ts).
 */
import { shapeSize } from '../model/layerSpec';
import type { GpuTexture, TexturePool } from './gpuTexture';
import type { NetworkPrograms } from './networkPrograms';
import { DENSE_SPLIT_PARTS } from './kernels/denseKernels';
import { activationSize, channelGroups } from './packedLayout';

/** The textures of one layer at one batch size. */
export interface LayerBuffers {
  readonly out: GpuTexture;
  readonly second: GpuTexture | null;
  readonly dOut: GpuTexture;
  readonly dPre: GpuTexture;
  /** The parts of a split dense forward sum (denseKernels.ts), or null. */
  readonly parts: GpuTexture | null;
  /** Pass-1 partial sums (one or four textures; empty: no parameters) and the reduced gradient. */
  readonly partials: readonly GpuTexture[];
  readonly gradient: GpuTexture | null;
  readonly chunks: number;
}

/** Every texture of a batch size. */
export interface BatchBuffers {
  readonly batchSize: number;
  readonly layers: readonly LayerBuffers[];
  /** The output layer's per-image loss (every lane of the output layer's texels, packedLayout.ts). */
  readonly loss: GpuTexture;
  /** RGBA32F, texel (b, 0) = (label, image index, 0, 0). */
  readonly labels: GpuTexture;
  /** RGBA32F, texel (b, 0) = (dx, dy, cos(angle) / scale, sin(angle) / scale), (b, 1) = (elastic seed, alpha, 0, 0). */
  readonly distortion: GpuTexture;
  /** RGBA32F packed like the input: the elastic noise blurred along rows (kernels/dataKernels.ts). */
  readonly elasticRows: GpuTexture;
}

/** Allocates the buffers of one batch size. */
export function allocateBatch(pool: TexturePool, programs: NetworkPrograms, batchSize: number): BatchBuffers {
  const layers = programs.layers.map((layer, l): LayerBuffers => {
    const [width, height] = activationSize(layer, batchSize);
    const kernels = l > 0 ? programs.kernels[l - 1] : null;
    const hasSecond =
      layer.kind === 'conv' || layer.kind === 'dense' || (layer.kind === 'pool' && layer.pooling !== 'mean');
    const chunks = kernels ? Math.ceil(batchSize / kernels.chunk) : 0;
    const gradient = kernels?.gradient ?? null;
    return {
      out: pool.acquire(width, height, 'rgba32f'),
      second: hasSecond ? pool.acquire(width, height, 'rgba32f') : null,
      dOut: pool.acquire(width, height, 'rgba32f'),
      dPre: pool.acquire(width, height, 'rgba32f'),
      parts: kernels?.forwardParts ? pool.acquire(width * DENSE_SPLIT_PARTS, height, 'rgba32f') : null,
      partials: gradient
        ? Array.from({ length: gradient.blocks }, () =>
            pool.acquire(gradient.columns, gradient.rows * chunks, 'rgba32f'),
          )
        : [],
      gradient: gradient ? pool.acquire(gradient.columns, gradient.rows * gradient.blocks, 'rgba32f') : null,
      chunks,
    };
  });
  const last = programs.layers[programs.layers.length - 1];
  return {
    batchSize,
    layers,
    loss: pool.acquire(batchSize, channelGroups(shapeSize(last.shape)), 'rgba32f'),
    labels: pool.acquire(batchSize, 1, 'rgba32f'),
    distortion: pool.acquire(batchSize, 2, 'rgba32f'),
    elasticRows: pool.acquire(...activationSize(programs.layers[0], batchSize), 'rgba32f'),
  };
}

/** Returns every texture of a batch to the pool. */
export function releaseBatch(pool: TexturePool, buffers: BatchBuffers): void {
  for (const layer of buffers.layers) {
    for (const texture of [
      layer.out,
      layer.second,
      layer.dOut,
      layer.dPre,
      layer.parts,
      ...layer.partials,
      layer.gradient,
    ]) {
      if (texture) pool.release(texture);
    }
  }
  pool.release(buffers.loss);
  pool.release(buffers.labels);
  pool.release(buffers.distortion);
  pool.release(buffers.elasticRows);
}
