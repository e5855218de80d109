/**
 * How sharp the 3D view renders, from how long its frames take. The view starts at the device's own
 * pixel ratio (2 at most). While the median of the last SAMPLES frame times is over SLOW_MS it steps
 * the ratio down, on trial: if the frames then get no faster by MIN_GAIN (the time goes elsewhere
 * than into pixels, as on a software rasterizer bound by vertices and compositing), it steps back and
 * never goes below that ratio again. While the median is under FAST_MS it steps back up. A GPU that
 * keeps up is never touched, whatever its renderer string says.
 */

/** Frame times (ms) the policy collects before each decision. */
export const SAMPLES = 8;

/** A median frame time over this (ms; under ~22 frames per second) lowers the pixel ratio. */
export const SLOW_MS = 45;

/** A median frame time under this (ms; over 40 frames per second) raises it again. */
export const FAST_MS = 25;

/** The step between pixel ratios. */
export const STEP = 0.25;

/** The lowest pixel ratio the view ever drops to (below it the tiles blur). */
export const FLOOR = 0.75;

/** The least fraction of frame time a step down must save to be kept. */
export const MIN_GAIN = 0.15;

/** The policy's state: the ratio in use, the frame times since the last decision, a step down on trial, and the lowest useful ratio. */
export interface Quality {
  readonly ratio: number;
  readonly samples: readonly number[];
  readonly trial: { readonly from: number; readonly ms: number } | null;
  readonly floor: number;
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The largest pixel ratio worth rendering at on a device of `deviceRatio` (2 at most: beyond it the eye gains little). */
export function ceilingRatio(deviceRatio: number): number {
  return Math.min(2, Math.max(FLOOR, Number.isFinite(deviceRatio) && deviceRatio > 0 ? deviceRatio : 1));
}

/** Where the view starts on a device of `deviceRatio`: its full ratio, nothing measured yet. */
export function initialQuality(deviceRatio: number): Quality {
  return { ratio: ceilingRatio(deviceRatio), samples: [], trial: null, floor: FLOOR };
}

/** The state after one more frame of `frameMs` (see the header for the rules). */
export function observeFrame(quality: Quality, frameMs: number, deviceRatio: number): Quality {
  if (!(frameMs >= 0) || !Number.isFinite(frameMs)) return quality;
  const samples = [...quality.samples, frameMs];
  if (samples.length < SAMPLES) return { ...quality, samples };
  const typical = median(samples);
  const ceiling = ceilingRatio(deviceRatio);
  const { ratio, floor, trial } = quality;
  if (trial && typical > (1 - MIN_GAIN) * trial.ms)
    return { ratio: trial.from, samples: [], trial: null, floor: trial.from };
  if (typical > SLOW_MS && ratio - STEP >= floor - 1e-9)
    return { ratio: ratio - STEP, samples: [], trial: { from: ratio, ms: typical }, floor };
  const raised = typical < FAST_MS ? ratio + STEP : ratio;
  return { ratio: Math.min(raised, ceiling), samples: [], trial: null, floor };
}
