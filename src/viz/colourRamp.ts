/**
 * Node and edge colours. A value is mapped to t in [-1, 1] by its layer's range (0 stays 0), then to a
 * colour: t = 0 is the dark node colour, positive values warm up through orange to pale yellow,
 * negative values cool to blue. tests/viz/colourRamp.test.ts checks that every ramp here stays readable
 * under simulated protanopia, deuteranopia and tritanopia (lightness ordered on each side of 0, the sign
 * and the ends apart, clear of the dark background).
 */
import type { ValueRange } from '../engine/activationRanges';

/** The colour of a node with value 0 (and of every node when nothing is drawn). */
export const BASE_COLOUR: readonly [number, number, number] = [0.16, 0.18, 0.22];
const WARM: readonly [number, number, number] = [1.0, 0.5, 0.08];
const HOT: readonly [number, number, number] = [1.0, 0.96, 0.7];
const COLD: readonly [number, number, number] = [0.25, 0.55, 1.0];

/** Maps a value to [-1, 1]: positive values by the range's high end, negative ones by its low end. */
export function normalise(value: number, range: ValueRange): number {
  const [low, high] = range;
  if (value >= 0) return high > 0 ? Math.min(1, value / high) : 0;
  return low < 0 ? -Math.min(1, value / low) : 0;
}

/** Writes the RGB colour for t in [-1, 1] at `offset` of `out`. */
export function rampColour(t: number, out: Float32Array | number[], offset = 0): void {
  const mix = (a: readonly number[], b: readonly number[], f: number) => {
    for (let k = 0; k < 3; k++) out[offset + k] = a[k] + (b[k] - a[k]) * f;
  };
  if (t < 0) mix(BASE_COLOUR, COLD, Math.min(1, -t));
  else if (t < 0.6) mix(BASE_COLOUR, WARM, t / 0.6);
  else mix(WARM, HOT, Math.min(1, (t - 0.6) / 0.4));
}

/** A CSS gradient of the ramp from -1 to 1, for the legend. */
export function rampGradientCss(): string {
  const stops = [-1, -0.5, 0, 0.3, 0.6, 0.8, 1].map((t) => {
    const c = [0, 0, 0];
    rampColour(t, c);
    return `rgb(${c.map((v) => Math.round(v * 255)).join(',')}) ${((t + 1) / 2) * 100}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** The range of a set of values for per-drawing normalisation (always including 0). */
export function rangeOf(values: ArrayLike<number>): ValueRange {
  let low = 0,
    high = 0;
  for (let i = 0; i < values.length; i++) {
    low = Math.min(low, values[i]);
    high = Math.max(high, values[i]);
  }
  return [low, high > 0 ? high : 1e-6];
}

/**
 * The backward view's diverging ramp for t in [-1, 1]: blue for negative, a soft white at 0, red for
 * positive (blue/red stay apart for the common colour-vision deficiencies). The white is dimmed so
 * that the dark background does not glare, and the ends are saturated enough to stand out from it.
 */
const DIVERGING: readonly (readonly [number, readonly [number, number, number]])[] = [
  [-1, [0.17, 0.42, 0.95]],
  [-0.5, [0.52, 0.7, 0.95]],
  [0, [0.78, 0.79, 0.8]],
  [0.5, [0.97, 0.62, 0.5]],
  [1, [0.9, 0.2, 0.16]],
];

/** Writes the diverging colour for t in [-1, 1] at `offset` of `out`. */
export function divergingColour(t: number, out: Float32Array | number[], offset = 0): void {
  const clamped = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  let k = 0;
  while (k < DIVERGING.length - 2 && clamped > DIVERGING[k + 1][0]) k++;
  const [t0, a] = DIVERGING[k];
  const [t1, b] = DIVERGING[k + 1];
  const f = (clamped - t0) / (t1 - t0);
  for (let i = 0; i < 3; i++) out[offset + i] = a[i] + (b[i] - a[i]) * f;
}

/**
 * Maps a signed error term to t in [-1, 1] by its layer's largest magnitude, on a square-root scale
 * so that the many small terms stay visible beside the few large ones.
 */
export function deltaT(value: number, scale: number): number {
  if (!(scale > 0)) return 0;
  const r = Math.min(1, Math.abs(value) / scale);
  return Math.sign(value) * Math.sqrt(r);
}

/**
 * The colour of an edge from the focused node to one of its sources, for its signed strength t in [-1, 1]
 * (relative to the strongest edge): the sign by hue (red-orange positive, blue negative), the strength by
 * brightness alone, faded toward the background as |t| shrinks. (A hue that also shifted with strength made
 * the strongest positive edges no brighter than the next under tritanopia.)
 */
export function edgeColour(t: number, out: Float32Array | number[], offset = 0): void {
  const clamped = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const fade = 0.25 + 0.75 * Math.abs(clamped);
  const hue = clamped >= 0 ? [1, 0.45, 0.2] : [0.3, 0.55, 1];
  for (let k = 0; k < 3; k++) out[offset + k] = hue[k] * fade;
}

/** A CSS gradient of the diverging ramp from -1 to 1, for the legend. */
export function divergingGradientCss(): string {
  const stops = [-1, -0.5, 0, 0.5, 1].map((t) => {
    const c = [0, 0, 0];
    divergingColour(t, c);
    return `rgb(${c.map((v) => Math.round(v * 255)).join(',')}) ${((t + 1) / 2) * 100}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
