/**
 * The shades of the close-ups' numbers and maps: the input as the pad draws it (ink on paper), every other value
 * on the 3D view's ramp (src/viz/colourRamp.ts) scaled to the values shown together; and the text colour that
 * reads on a shade (black or white, whichever contrasts more: at least 4.58:1 on any background).
 */
import type { ValueRange } from '../../engine/activationRanges';
import { normalise, rampColour, rangeOf } from '../../viz/colourRamp';

/** A colour, each channel in [0, 1]. */
export type Rgb = readonly [number, number, number];

/** How a value is shaded. */
export type Shade = (value: number) => Rgb;

/** The pad's paper (value 0) to ink (value 1), as the pad and the test images draw the input. */
export function inkShade(value: number): Rgb {
  const shade = (247 - 230 * Math.max(0, Math.min(1, value))) / 255;
  return [shade, shade, shade * 0.97];
}

/** The view's ramp over `range` (positive values warm, negative cool, 0 dark). */
export function rampShade(range: ValueRange): Shade {
  return (value) => {
    const out = [0, 0, 0];
    rampColour(normalise(value, range), out);
    return [out[0], out[1], out[2]];
  };
}

/** The shade for a set of values shown together: ink on paper for the input layer, else the ramp over their range. */
export function shadeFor(layerId: string, values: ArrayLike<number>): Shade {
  return layerId === 'input' ? inkShade : rampShade(rangeOf(values));
}

/** The ramp over [−m, m], m the largest magnitude of `values`: signed values (weights, products) shaded alike each way. */
export function symmetricShade(values: ArrayLike<number>): Shade {
  let largest = 1e-6;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return rampShade([-largest, largest]);
}

/** The shades of a conv close-up's windows, kernels and products: each kind on one scale over every connected map. */
export interface ConvolutionShades {
  readonly window: Shade;
  readonly kernel: Shade;
  readonly products: Shade;
}

/**
 * One scale per kind across all the node's maps (`shadeFor` over every window, `symmetricShade` over every kernel
 * and every product), so that the maps' rows compare at a glance: a map whose products are dark adds little to z.
 */
export function convolutionShades(
  belowId: string,
  detail: { readonly windows: number[][]; readonly kernels: number[][]; readonly products: number[][] },
): ConvolutionShades {
  return {
    window: shadeFor(belowId, detail.windows.flat()),
    kernel: symmetricShade(detail.kernels.flat()),
    products: symmetricShade(detail.products.flat()),
  };
}

/** A CSS colour. */
export function cssColour([r, g, b]: Rgb): string {
  return `rgb(${Math.round(r * 255)}, ${Math.round(g * 255)}, ${Math.round(b * 255)})`;
}

/** WCAG relative luminance of a colour. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const v = Math.round(c * 255) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Black or white text on `background`, whichever contrasts more. */
export function textOn(background: Rgb): string {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
}

/** The WCAG contrast ratio of two luminances. */
export function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
