/**
 * What the attribution methods, the neuron portraits and the feature images ask of an engine: the
 * values of a batch's forward pass and one backward pass seeded at a pre-activation. Every backend
 * implements `AttributionEngine` (seeded at the logits); the reference and WebAssembly engines also
 * implement `NodeEngine` (seeded at any layer's pre-activation, for the feature images).
 *
 * Seeds and gradients are of one scalar per image, not of the loss: for a target t the seed at the
 * logits is dz = e_t (or e_A − e_B for "A rather than B"), and `gradient(0)` is then ∂z_t/∂x.
 */
import type { FloatArray } from '../model/initialize';
import type { LayerSpec } from '../model/layerSpec';

/** A part of a layer's values: after the activation ('out'; the softmax for the output) or before it ('pre'; the logits). */
export type ValuePart = 'out' | 'pre';

/**
 * One engine's forward and seeded backward passes over a batch. Calls refer to the last `forward`;
 * arrays returned are laid out `[b][c][y][x]` and stay valid until the next call on the engine.
 */
export interface AttributionEngine {
  /** The layers of the network loaded (read anew after each load). */
  readonly layers: readonly LayerSpec[];
  /** The most inputs `forward` takes at once. */
  readonly maxBatch: number;
  /** Runs `count` 32x32 inputs (concatenated, count x 1024 values) through every layer. */
  forward(inputs: FloatArray, count: number): void;
  /** One layer's values of the last forward pass (count x the layer's size). */
  values(layer: number, part: ValuePart): FloatArray;
  /** Backpropagates the last forward pass from dz = `seed` at the logits (count x classes). */
  backwardFromLogits(seed: FloatArray): void;
  /** d(the seeded value)/d(layer `layer`'s output) of the last backward pass (layer 0: the input; the output: the logits). */
  gradient(layer: number): FloatArray;
}

/** An engine that also seeds its backward pass below the logits. */
export interface NodeEngine extends AttributionEngine {
  /** Backpropagates the last forward pass from `seed` = d(value)/dz at layer `layer`'s pre-activation (count x size). */
  backwardFromPre(layer: number, seed: FloatArray): void;
}

/** The index of a layer by id; throws naming the layers there are. */
export function layerIndexOf(layers: readonly LayerSpec[], id: string): number {
  const index = layers.findIndex((l) => l.id === id);
  if (index < 0) throw new RangeError(`no layer ${id}; layers: ${layers.map((l) => l.id).join(', ')}`);
  return index;
}

/** Whether a layer has a pre-activation (conv, dense and trainable subsampling do; the input and max/mean pooling do not). */
export function hasPreActivation(layer: LayerSpec): boolean {
  return layer.kind === 'conv' || layer.kind === 'dense' || (layer.kind === 'pool' && layer.pooling === 'subsample');
}
