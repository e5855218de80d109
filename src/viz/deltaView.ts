/**
 * What the backward view shows of a backward pass: per layer, δ = dL/dz where the layer has a
 * pre-activation (or dL/d(activation) when asked), else dL/d(output); each layer scaled by its own
 * largest magnitude, or every layer by one shared scale (the largest magnitude in the whole network);
 * and the sweep that reveals the layers from the output down to the input.
 */
import type { BackwardFrame } from '../engine/backwardFrame';

/** Milliseconds between two layers lighting up in the output-to-input sweep. */
export const SWEEP_MS_PER_LAYER = 250;

/** The values the backward view colours layer `l` by (a view into the frame: do not modify). */
export function deltaLayerValues(backward: BackwardFrame, l: number, part: 'pre' | 'out'): Float32Array {
  const layer = backward.layers[l];
  const range = part === 'pre' ? (layer.pre ?? layer.out) : layer.out;
  return backward.values.subarray(range[0], range[0] + range[1]);
}

/** The largest |value| of a layer (its colour scale), 0 for an all-zero layer. */
export function deltaScale(values: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]);
    if (v > scale) scale = v;
  }
  return scale;
}

/** How the backward view scales its colours: each layer by its own largest |δ|, or all by the network's largest. */
export type DeltaScaleMode = 'layer' | 'shared';

/** Every layer's colour scale in `mode` (a layer missing from the frame gets 0). */
export function deltaScales(backward: BackwardFrame, part: 'pre' | 'out', mode: DeltaScaleMode): number[] {
  const own = backward.layers.map((_, l) => deltaScale(deltaLayerValues(backward, l, part)));
  return mode === 'layer' ? own : own.map(() => Math.max(0, ...own));
}

/** The largest |value| over every layer of the frame: the shared scale. */
export function sharedDeltaScale(backward: BackwardFrame, part: 'pre' | 'out'): number {
  return Math.max(0, ...deltaScales(backward, part, 'layer'));
}

/** True once the sweep that started `elapsed` ms ago has reached layer `l` of `layerCount` (output first). */
export function sweepReached(layerCount: number, l: number, elapsed: number): boolean {
  return elapsed >= (layerCount - 1 - l) * SWEEP_MS_PER_LAYER;
}

/** How long the whole sweep takes: the input lights up at this many ms. */
export function sweepDuration(layerCount: number): number {
  return (layerCount - 1) * SWEEP_MS_PER_LAYER;
}
