/**
 * The numbers a neuron's portrait draws: the node's receptive field on the 32x32 input (outlined on each top
 * digit and cropped beside it), and its histogram's bars and the marker of the current input's value.
 */
import type { LayerSpec } from '../../engine/model/layerSpec';
import type { NodeHistogram } from '../../engine/interpret/neuronPortraits';
import type { NodeRef } from '../../engine/model/nodeRef';
import { inputSquare } from '../../viz/layout/fanIn';

/** The input's side in pixels. */
export const INPUT_SIDE = 32;

/** A square of the input: its first column and row and its side, in input pixels. */
export interface FieldBox {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/**
 * The input pixels `node` depends on (its receptive field: a conv node's 5x5 window traced down through every
 * layer below), or null when that is the whole input (a fully connected unit, or the output).
 */
export function receptiveBox(layers: readonly LayerSpec[], node: NodeRef): FieldBox | null {
  const square = inputSquare(layers, node);
  if (!square) return null;
  return { x: square.x0, y: square.y0, size: square.x1 - square.x0 + 1 };
}

/** The box as CSS percentages of the input's side, for an outline laid over a picture of the input. */
export function boxPercent(box: FieldBox): { left: string; top: string; width: string; height: string } {
  const percent = (v: number) => `${(100 * v) / INPUT_SIDE}%`;
  return { left: percent(box.x), top: percent(box.y), width: percent(box.size), height: percent(box.size) };
}

/** The box's pixels of a 32x32 plane, row-major (box.size² values). */
export function cropPlane(plane: ArrayLike<number>, box: FieldBox): Float32Array {
  const out = new Float32Array(box.size * box.size);
  for (let y = 0; y < box.size; y++)
    for (let x = 0; x < box.size; x++) out[y * box.size + x] = plane[(box.y + y) * INPUT_SIDE + box.x + x];
  return out;
}

/**
 * Bar heights in [0, 1], on a square-root scale of the counts (a dead ReLU's zero bin holds most images and
 * would flatten every other bar on a linear one).
 */
export function barHeights(counts: readonly number[]): number[] {
  const top = Math.sqrt(Math.max(0, ...counts));
  return counts.map((n) => (top > 0 ? Math.sqrt(n) / top : 0));
}

/**
 * Where `value` falls on the histogram's axis: `at` in [0, 1] across [low, high], or the side it lies
 * beyond (the current input may leave the test images' range); null for a histogram of one value.
 */
export function markerPosition(
  histogram: Pick<NodeHistogram, 'low' | 'high'>,
  value: number,
): { at: number; beyond: 'below' | 'above' | null } | null {
  const { low, high } = histogram;
  if (!(high > low) || !Number.isFinite(value)) return null;
  if (value < low) return { at: 0, beyond: 'below' };
  if (value > high) return { at: 1, beyond: 'above' };
  return { at: (value - low) / (high - low), beyond: null };
}

/** The bin `value` falls in (the portraits' binning: equal bins over [low, high], the last one closed), or -1 outside. */
export function binOf(histogram: Pick<NodeHistogram, 'low' | 'high' | 'counts'>, value: number): number {
  const bins = histogram.counts.length;
  const { low, high } = histogram;
  if (!(value >= low && value <= high)) return -1;
  if (!(high > low)) return 0;
  return Math.min(bins - 1, Math.floor(((value - low) / (high - low)) * bins));
}
