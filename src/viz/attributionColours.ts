/**
 * The colours of an attribution map (why the network reads the input as it does): signed maps (the gradient
 * methods, occlusion) on the diverging ramp of colourRamp.ts, blue lowering the explained score and red raising
 * it; Grad-CAM's map, never negative (a ReLU ends it), on a sequential ramp. Both are scaled by the map's largest
 * magnitude on a square-root scale (as the backward view's δ), so that the many small values stay visible beside
 * the few large ones. On the pad the colours are laid over the paper with an opacity that grows with the value.
 */
import type { AttributionMethod } from '../engine/interpret/attribute';
import { deltaT, divergingColour, rampColour } from './colourRamp';

/** How a map is coloured: its sign convention and the magnitude that takes the ramp's end colour. */
export interface AttributionScale {
  /** True: values of either sign (diverging ramp); false: values ≥ 0 only (sequential ramp). */
  readonly signed: boolean;
  /** The largest |value| of the map (0 for a map that is zero everywhere). */
  readonly scale: number;
}

/** Largest opacity of the heatmap laid over the pad (the drawing stays visible under its strongest colour). */
export const OVERLAY_OPACITY = 0.82;

/** The scale of `map` as computed by `method`. */
export function attributionScale(method: AttributionMethod, map: ArrayLike<number>): AttributionScale {
  let scale = 0;
  for (let i = 0; i < map.length; i++) scale = Math.max(scale, Math.abs(map[i]));
  return { signed: method !== 'gradcam', scale };
}

/** A value's position on its ramp: in [-1, 1] for a signed map, [0, 1] otherwise (square-root scale). */
export function attributionT(value: number, scale: AttributionScale): number {
  const t = deltaT(value, scale.scale);
  return scale.signed ? t : Math.max(0, t);
}

/** The view's RGB colour of a value (on the dark background): diverging, or the activations' ramp when unsigned. */
export function attributionColour(value: number, scale: AttributionScale, out: Float32Array | number[], offset = 0) {
  const t = attributionT(value, scale);
  if (scale.signed) divergingColour(t, out, offset);
  else rampColour(t, out, offset);
}

/**
 * The pad's RGBA bytes of a value (over light paper): the diverging ramp's colour, its positive half for an
 * unsigned map (paper to red), with an opacity growing with |t| so that 0 leaves the paper as it is.
 */
export function overlayRgba(value: number, scale: AttributionScale, out: Uint8ClampedArray, offset = 0): void {
  const t = attributionT(value, scale);
  const rgb = [0, 0, 0];
  divergingColour(t, rgb);
  for (let k = 0; k < 3; k++) out[offset + k] = Math.round(rgb[k] * 255);
  out[offset + 3] = Math.round(255 * OVERLAY_OPACITY * Math.min(1, Math.abs(t)));
}

/** A CSS gradient of the pad's colours for the legend (to be laid over the paper colour): −scale to +scale, or 0 to scale. */
export function overlayGradientCss(signed: boolean): string {
  const ts = signed ? [-1, -0.5, -0.25, 0, 0.25, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
  const stops = ts.map((t) => {
    const c = [0, 0, 0];
    divergingColour(t, c);
    const at = signed ? ((t + 1) / 2) * 100 : t * 100;
    return `rgba(${c.map((v) => Math.round(v * 255)).join(',')}, ${(OVERLAY_OPACITY * Math.abs(t)).toFixed(2)}) ${at}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
