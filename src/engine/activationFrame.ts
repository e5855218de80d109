/**
 * One image's activations of every layer in a single Float32Array (what the view draws and what
 * crosses the worker boundary, transferred). Each layer names where its values sit.
 */
import type { LayerSpec } from './model/layerSpec';
import { shapeSize } from './model/layerSpec';
import type { ForwardPass } from './reference/referenceNetwork';

/** A `[offset, count]` slice of `ActivationFrame.values`. */
export type FrameRange = readonly [number, number];

/** Where one layer's values are. */
export interface FrameLayer {
  readonly id: string;
  /** The activation (softmax probabilities for the output layer), flattened [c][y][x]. */
  readonly out: FrameRange;
  /** The pre-activation (logits for the output), or null where the layer has none. */
  readonly pre: FrameRange | null;
  /** Max pooling: the winning slot (py * 2 + px) of each cell, else null. */
  readonly argmax: FrameRange | null;
}

/** Every layer's values for one image. */
export interface ActivationFrame {
  readonly values: Float32Array;
  readonly layers: readonly FrameLayer[];
}

/** Which parts each layer has, in frame order: out, then pre, then argmax. */
export function frameParts(
  layers: readonly LayerSpec[],
): { id: string; count: number; parts: ('out' | 'pre' | 'argmax')[] }[] {
  return layers.map((layer) => {
    const parts: ('out' | 'pre' | 'argmax')[] = ['out'];
    if (layer.kind === 'conv' || layer.kind === 'dense' || (layer.kind === 'pool' && layer.pooling === 'subsample'))
      parts.push('pre');
    if (layer.kind === 'pool' && layer.pooling === 'max') parts.push('argmax');
    return { id: layer.id, count: shapeSize(layer.shape), parts };
  });
}

/** Frame layout with each part starting at a multiple of `align` (the GPU packs whole atlas rows). */
export function frameLayout(layers: readonly LayerSpec[], align = 1): { layers: FrameLayer[]; size: number } {
  let offset = 0;
  const place = (count: number): FrameRange => {
    const range: FrameRange = [offset, count];
    offset += Math.ceil(count / align) * align;
    return range;
  };
  const result = frameParts(layers).map(({ id, count, parts }) => {
    const out = place(count);
    const pre = parts.includes('pre') ? place(count) : null;
    const argmax = parts.includes('argmax') ? place(count) : null;
    return { id, out, pre, argmax };
  });
  return { layers: result, size: offset };
}

/** Builds the frame of batch item `item` of a reference forward pass. */
export function frameFromPass(layers: readonly LayerSpec[], pass: ForwardPass, item = 0): ActivationFrame {
  const layout = frameLayout(layers);
  const values = new Float32Array(layout.size);
  layout.layers.forEach((frameLayer, l) => {
    const activation = pass.layers[l];
    const count = frameLayer.out[1];
    values.set(activation.out.subarray(item * count, (item + 1) * count), frameLayer.out[0]);
    if (frameLayer.pre && activation.pre)
      values.set(activation.pre.subarray(item * count, (item + 1) * count), frameLayer.pre[0]);
    if (frameLayer.argmax && activation.argmax) {
      for (let i = 0; i < count; i++) values[frameLayer.argmax[0] + i] = activation.argmax[item * count + i];
    }
  });
  return { values, layers: layout.layers };
}

/** A copy of one part of one layer. */
export function frameValues(frame: ActivationFrame, id: string, part: 'out' | 'pre' | 'argmax' = 'out'): Float32Array {
  const layer = frame.layers.find((l) => l.id === id);
  const range = layer?.[part];
  if (!range) throw new Error(`the frame has no ${part} for layer ${id}`);
  return frame.values.slice(range[0], range[0] + range[1]);
}
