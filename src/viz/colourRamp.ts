/**
 * Node colours. A value is mapped to t in [-1, 1] by its layer's range (0 stays 0), then to a
 * colour: t = 0 is the dark node colour, positive values warm up through orange to pale yellow,
 * negative values cool to blue.
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
  let low = 0, high = 0;
  for (let i = 0; i < values.length; i++) { low = Math.min(low, values[i]); high = Math.max(high, values[i]); }
  return [low, high > 0 ? high : 1e-6];
}
