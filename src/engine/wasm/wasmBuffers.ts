/**
 * Where the WebAssembly engine keeps everything in the module's one memory (byte addresses, every
 * range 16-byte aligned; B = batch capacity, P = parameters of the largest architecture):
 *
 *   [0, heapBase)     the module's own static data
 *   fixed             params f32[P] | grads f32[P] (dL/dw, zeroed before each backward) | velocity f32[P]
 *                     | c1 mask f32[6] | c3 mask f32[16*6] (1 connected, 0 not) | correct i32
 *                     | the descriptor i32[...] (assembly/network.ts) | profile f64[16]
 *                     | c3's effective kernels f32[16*6*25] (learned combinations: the weights c3's kernels read)
 *   batch (per B)     labels u8[B] | indices u32[B] | raw f32[B*1024] (inputs before distortion)
 *                     | per layer l = 0..7, each [b][c][y][x]: out f32[B*n_l] | pre f32 | argmax u8 | dOut f32 | dPre f32
 *                     | col, dcol f32[max R*P_out] (im2col scratch: 25*784 for c1, 150*100 for c3)
 *                     | kept f32[K*150*100] (c3's transposed columns of up to K = 16 images, kept from the forward
 *                     pass for the backward one) | wT f32[150*16] | yT f32[100*16] (its scratch)
 *   data (per set)    MNIST images u8[count*784] | labels u8[count], copied once (train, then test)
 *
 * P is sized for the largest architecture (with subsampling coefficients), so changing the
 * architecture never moves a buffer. `out` of layer 0 holds the network input; the output layer's
 * pre is the logits, out the softmax, dPre = dL/dz; dOut of layer 0 is dL/d(input).
 */
import { INPUT_SIZE } from '../data/mnistInput';
import { shapeSize } from '../model/layerSpec';
import { lenet5Layers } from '../model/lenet5';
import { parameterLayout } from '../model/parameters';
import type { Pointer, WasmArena } from './wasmArena';
import { EFFECTIVE_FLOATS } from './wasmCombination';
import { DESCRIPTOR_WORDS, PROFILE_SLOTS } from './wasmDescriptor';

/** Floats of one 32x32 input. */
export const PLANE = INPUT_SIZE * INPUT_SIZE;
const SCRATCH_FLOATS = Math.max(25 * 28 * 28, 150 * 10 * 10);
/** Images whose c3 columns a pass keeps for its backward pass (a training chunk's). */
export const KEPT_IMAGES = 16;
const C3_COLUMN_FLOATS = 150 * 10 * 10;

/** One layer's buffers in the batch region. */
export interface LayerBuffers {
  readonly size: number;
  readonly out: Pointer;
  readonly pre: Pointer;
  readonly argmax: Pointer;
  readonly dOut: Pointer;
  readonly dPre: Pointer;
}

/** The buffers of one batch capacity. */
export interface BatchRegion {
  readonly capacity: number;
  readonly labels: Pointer;
  readonly indices: Pointer;
  readonly raw: Pointer;
  readonly layers: readonly LayerBuffers[];
  readonly col: Pointer;
  readonly dcol: Pointer;
  /** c3's kept columns: KEPT_IMAGES (or fewer, `keptCapacity`) images', with their scratch. */
  readonly kept: Pointer;
  readonly keptCapacity: number;
  readonly wT: Pointer;
  readonly yT: Pointer;
}

/** Allocates the buffers of `n` images (every layer of every architecture fits). */
export function allocateBatch(arena: WasmArena, n: number): BatchRegion {
  const sizes = lenet5Layers().map((layer) => shapeSize(layer.shape));
  return {
    capacity: n,
    labels: arena.alloc(n),
    indices: arena.alloc(n * 4),
    raw: arena.alloc(n * PLANE * 4),
    layers: sizes.map((size) => ({
      size,
      out: arena.alloc(n * size * 4),
      pre: arena.alloc(n * size * 4),
      argmax: arena.alloc(n * size),
      dOut: arena.alloc(n * size * 4),
      dPre: arena.alloc(n * size * 4),
    })),
    col: arena.alloc(SCRATCH_FLOATS * 4),
    dcol: arena.alloc(SCRATCH_FLOATS * 4),
    kept: arena.alloc(Math.min(n, KEPT_IMAGES) * C3_COLUMN_FLOATS * 4),
    keptCapacity: Math.min(n, KEPT_IMAGES),
    wT: arena.alloc(150 * 16 * 4),
    yT: arena.alloc(100 * 16 * 4),
  };
}

/** Parameters of the largest architecture (trainable subsampling adds coefficients, learned combinations logits). */
export const MAX_PARAMETERS = parameterLayout(
  lenet5Layers({ activation: 'tanh', pooling: 'subsample', c3Connectivity: 'learned', loss: 'softmax-cross-entropy' }),
).size;

/** The fixed region: what a network holds whatever its batch. */
export interface FixedRegion {
  readonly params: Pointer;
  readonly grads: Pointer;
  readonly velocity: Pointer;
  readonly masks: { readonly c1: Pointer; readonly c3: Pointer };
  readonly correct: Pointer;
  readonly descriptor: Pointer;
  readonly profile: Pointer;
  /** c3's effective kernels α k when it learns its combinations (wasmCombination.ts). */
  readonly effective: Pointer;
}

/** Allocates the fixed region. */
export function allocateFixed(arena: WasmArena): FixedRegion {
  return {
    params: arena.alloc(MAX_PARAMETERS * 4),
    grads: arena.alloc(MAX_PARAMETERS * 4),
    velocity: arena.alloc(MAX_PARAMETERS * 4),
    masks: { c1: arena.alloc(6 * 4), c3: arena.alloc(16 * 6 * 4) },
    correct: arena.alloc(16),
    descriptor: arena.alloc(DESCRIPTOR_WORDS * 4),
    profile: arena.alloc(PROFILE_SLOTS * 8),
    effective: arena.alloc(EFFECTIVE_FLOATS * 4),
  };
}
