/**
 * The address of one neuron: layer id, map (or dense unit) c, row y, column x, and its flat [c][y][x]
 * index in the network's flattened layer (node i of [C, H, W] is (floor(i / (H W)), floor(i / W) % H, i % W)).
 * Plain data that the engine, the store and the view all share.
 */
import type { LayerSpec } from './layerSpec';

/** One neuron: layer id, map (or dense unit) c, row y, column x; dense units have y = x = 0. */
export type NodeRef = { readonly layer: string; readonly c: number; readonly y: number; readonly x: number };

/** The flat [c][y][x] index of `ref` in `spec`; throws RangeError when it lies outside the layer. */
export function nodeIndex(spec: LayerSpec, ref: NodeRef): number {
  const [channels, height, width] = spec.shape;
  if (ref.layer !== spec.id) throw new RangeError(`Node of layer ${ref.layer} looked up in layer ${spec.id}`);
  const inside = (value: number, size: number) => Number.isInteger(value) && value >= 0 && value < size;
  if (!inside(ref.c, channels) || !inside(ref.y, height) || !inside(ref.x, width)) {
    throw new RangeError(`Node (${ref.c}, ${ref.y}, ${ref.x}) is outside ${spec.id} ${spec.shape.join('x')}`);
  }
  return (ref.c * height + ref.y) * width + ref.x;
}

/** The node at flat [c][y][x] index `index` of `spec`; throws RangeError when there is none. */
export function nodeRef(spec: LayerSpec, index: number): NodeRef {
  const [channels, height, width] = spec.shape;
  if (!Number.isInteger(index) || index < 0 || index >= channels * height * width) {
    throw new RangeError(`Node index ${index} is outside ${spec.id} ${spec.shape.join('x')}`);
  }
  return {
    layer: spec.id,
    c: Math.floor(index / (height * width)),
    y: Math.floor(index / width) % height,
    x: index % width,
  };
}
