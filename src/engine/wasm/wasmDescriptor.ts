/**
 * The network descriptor the module's passes read (assembly/network.ts): i32 words giving the
 * architecture's kinds and the address of every buffer and tensor.
 *
 *   0 activation (0 relu, 1 tanh, 2 sigmoid) | 1 pooling (0 max, 1 mean, 2 subsample) | 2 loss (0 cross-entropy,
 *   1 mean squared error) | 3 correct i32 | 4 c1 mask | 5 c3 mask | 6 col | 7 dcol | 8 profile f64[16] or 0
 *   | 9 c3's kept columns | 10 their capacity (images) | 11 wT | 12 yT
 *   | 13 + 9 l + (0 out, 1 pre, 2 argmax, 3 dOut, 4 dPre, 5 weight, 6 bias, 7 dWeight, 8 dBias), l = 0..7
 */
import type { ArchitectureOptions, LayerSpec } from '../model/layerSpec';
import { tensorSpec, type ParameterLayout } from '../model/parameters';
import type { Pointer } from './wasmArena';
import type { BatchRegion } from './wasmBuffers';

/** Words in a descriptor. */
export const DESCRIPTOR_WORDS = 13 + 9 * 8;

/** Profile slots: layer l's forward is slot 2 l, its backward 2 l + 1. */
export const PROFILE_SLOTS = 16;

const ACTIVATION = { relu: 0, tanh: 1, sigmoid: 2 } as const;
const POOLING = { max: 0, mean: 1, subsample: 2 } as const;

/** Where one layer's tensors and their gradients are (weight = coeff for subsampling; 0 when absent). */
export interface LayerTensors {
  readonly weight: Pointer;
  readonly bias: Pointer;
  readonly dWeight: Pointer;
  readonly dBias: Pointer;
}

/** Everything a descriptor points at. */
export interface DescriptorParts {
  readonly architecture: ArchitectureOptions;
  readonly tensors: readonly LayerTensors[];
  readonly masks: { readonly c1: Pointer; readonly c3: Pointer };
  readonly correct: Pointer;
  readonly batch: BatchRegion;
  readonly profile: Pointer;
}

/** Writes the descriptor into `words` (a view of DESCRIPTOR_WORDS i32 in the module's memory). */
export function writeDescriptor(words: Int32Array, parts: DescriptorParts): void {
  const { architecture, tensors, masks, batch } = parts;
  words.set([
    ACTIVATION[architecture.activation],
    POOLING[architecture.pooling],
    architecture.loss === 'softmax-cross-entropy' ? 0 : 1,
    parts.correct,
    masks.c1,
    masks.c3,
    batch.col,
    batch.dcol,
    parts.profile,
    batch.kept,
    batch.keptCapacity,
    batch.wT,
    batch.yT,
  ]);
  batch.layers.forEach((b, l) => {
    const t = tensors[l] ?? { weight: 0, bias: 0, dWeight: 0, dBias: 0 };
    words.set([b.out, b.pre, b.argmax, b.dOut, b.dPre, t.weight, t.bias, t.dWeight, t.dBias], 13 + 9 * l);
  });
}

/** Where each layer's tensors are among the parameters at `params` and their gradients at `grads`. */
export function layerTensors(
  layers: readonly LayerSpec[],
  layout: ParameterLayout,
  params: Pointer,
  grads: Pointer,
): LayerTensors[] {
  return layers.map((layer) => {
    const owns =
      layer.kind === 'conv' || layer.kind === 'dense' || (layer.kind === 'pool' && layer.pooling === 'subsample');
    if (!owns) return { weight: 0, bias: 0, dWeight: 0, dBias: 0 };
    const first = layer.kind === 'pool' ? 'coeff' : 'weight';
    const [weight, bias] = [first, 'bias'].map((name) => tensorSpec(layout, `${layer.id}.${name}`).offset * 4);
    return { weight: params + weight, bias: params + bias, dWeight: grads + weight, dBias: grads + bias };
  });
}

/** c3's connection mask [oc][ic]: 1 where map oc reads map ic, else 0. */
export function c3Mask(layers: readonly LayerSpec[]): Float32Array {
  const c3 = layers[3] as Extract<LayerSpec, { kind: 'conv' }>;
  const mask = new Float32Array(16 * 6);
  c3.connections.forEach((inputs, oc) =>
    inputs.forEach((ic) => {
      mask[oc * 6 + ic] = 1;
    }),
  );
  return mask;
}
