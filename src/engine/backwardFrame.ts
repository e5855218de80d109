/**
 * One image's backward pass in a single Float32Array (what the backward view draws and what crosses
 * the worker boundary, transferred): every layer's dL/d(output) and, where the layer has an
 * activation, dL/dz (z the pre-activation: δ), with every parameter's gradient and the loss.
 *
 * Conventions, for one image with label t (one-hot t_k), logits z, p = softmax(z), K = 10 classes:
 *   cross-entropy  L = -log p_t                    dL/dp_k = -t_k / p_k      δ_k = dL/dz_k = p_k - t_k
 *   mean squared   L = 1/K sum_k (p_k - t_k)^2     dL/dp_k = 2 (p_k - t_k) / K
 *                                                  δ_k = p_k (dL/dp_k - sum_j dL/dp_j p_j)
 * The output layer's `out` is dL/dp and its `pre` is δ = dL/dz; the input layer's `out` is dL/dx.
 */
import { frameLayout, type FrameRange } from './activationFrame';
import type { LayerSpec, LossKind } from './model/layerSpec';
import type { LayerDelta } from './reference/referenceNetwork';

/** Where one layer's deltas are in `BackwardFrame.values`. */
export interface DeltaLayer {
  readonly id: string;
  /** dL/d(the layer's output), flattened [c][y][x]. */
  readonly out: FrameRange;
  /** dL/dz where the layer has a pre-activation (conv, dense, subsampling), else null. */
  readonly pre: FrameRange | null;
}

/** The backward pass of one image against one label. */
export interface BackwardFrame {
  readonly values: Float32Array;
  readonly layers: readonly DeltaLayer[];
  /** dL/d(every parameter), in the run format's flat layout (no weight decay: the gradient of the loss alone). */
  readonly gradients: Float32Array;
  readonly loss: number;
  readonly label: number;
}

/** The loss of one image from its logits (stable log-sum-exp for cross-entropy). */
export function imageLoss(kind: LossKind, logits: ArrayLike<number>, label: number): number {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) max = Math.max(max, logits[k]);
  let sum = 0;
  for (let k = 0; k < logits.length; k++) sum += Math.exp(logits[k] - max);
  if (kind === 'softmax-cross-entropy') return Math.log(sum) + max - logits[label];
  let total = 0;
  for (let k = 0; k < logits.length; k++) {
    const diff = Math.exp(logits[k] - max) / sum - (k === label ? 1 : 0);
    total += diff * diff;
  }
  return total / logits.length;
}

/** dL/dp of one image's softmax output (see the header). */
export function probabilityGradient(kind: LossKind, probabilities: ArrayLike<number>, label: number): Float64Array {
  const classes = probabilities.length;
  return Float64Array.from({ length: classes }, (_, k) => {
    const target = k === label ? 1 : 0;
    return kind === 'softmax-cross-entropy' ? -target / probabilities[k] : (2 * (probabilities[k] - target)) / classes;
  });
}

/** The frame's layout: the activation frame's, without max-pooling winners. */
export function deltaLayout(layers: readonly LayerSpec[]): { layers: DeltaLayer[]; size: number } {
  let offset = 0;
  const result = frameLayout(layers).layers.map(({ id, out, pre }) => {
    const place = (range: FrameRange): FrameRange => {
      const placed: FrameRange = [offset, range[1]];
      offset += range[1];
      return placed;
    };
    return { id, out: place(out), pre: pre ? place(pre) : null };
  });
  return { layers: result, size: offset };
}

/** What one layer's deltas are read from: [c][y][x] arrays of one image. */
export interface LayerDeltaValues {
  readonly dOut: ArrayLike<number>;
  readonly dPre: ArrayLike<number> | null;
}

/**
 * Builds the frame from each layer's dOut and dPre (for the output layer only dPre = δ is read; its
 * dOut is recomputed as dL/dp from `probabilities`).
 */
export function buildBackwardFrame(
  layers: readonly LayerSpec[],
  kind: LossKind,
  deltas: readonly LayerDeltaValues[],
  gradients: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  logits: ArrayLike<number>,
  label: number,
): BackwardFrame {
  const layout = deltaLayout(layers);
  const values = new Float32Array(layout.size);
  const last = layers.length - 1;
  layout.layers.forEach((layer, l) => {
    const delta = deltas[l];
    const dOut = l === last ? probabilityGradient(kind, probabilities, label) : delta.dOut;
    for (let i = 0; i < layer.out[1]; i++) values[layer.out[0] + i] = dOut[i];
    if (layer.pre) {
      if (!delta.dPre) throw new Error(`layer ${layer.id} has no dL/dz`);
      for (let i = 0; i < layer.pre[1]; i++) values[layer.pre[0] + i] = delta.dPre[i];
    }
  });
  return {
    values,
    layers: layout.layers,
    gradients: Float32Array.from(gradients),
    loss: imageLoss(kind, logits, label),
    label,
  };
}

/** The reference engine's deltas of a batch of one as builder input. */
export function referenceDeltas(deltas: readonly LayerDelta[]): LayerDeltaValues[] {
  return deltas.map((d) => ({ dOut: d.dOut, dPre: d.dPre }));
}

/** A copy of one part of one layer's deltas, or null where the layer has no such part. */
export function deltaValues(frame: BackwardFrame, id: string, part: 'out' | 'pre'): Float32Array | null {
  const layer = frame.layers.find((l) => l.id === id);
  if (!layer) throw new Error(`the backward frame has no layer ${id}`);
  const range = layer[part];
  return range ? frame.values.slice(range[0], range[0] + range[1]) : null;
}
