/**
 * The close-ups' shades: the input as the pad draws it, other values on the view's ramp; and numbers written on
 * them in black or white, readable (WCAG contrast at least 4.5:1, the level for small text) on every shade; a conv
 * close-up's maps shaded on one scale per kind.
 */
import { describe, expect, it } from 'vitest';
import {
  contrast,
  convolutionShades,
  inkShade,
  luminance,
  rampShade,
  symmetricShade,
  textOn,
  type Rgb,
} from '../../../src/ui/closeup/mapShades';

const textLuminance = (colour: string) => (colour === '#000' ? 0 : 1);

describe('the close-up shades', () => {
  it('draw the input as ink on paper: 0 is the pad, 1 is dark', () => {
    expect(luminance(inkShade(0))).toBeGreaterThan(0.85);
    expect(luminance(inkShade(1))).toBeLessThan(0.01);
    expect(inkShade(2)).toEqual(inkShade(1));
  });

  it('scale signed values alike each way, the largest magnitude at the ends', () => {
    const shade = symmetricShade([-0.5, 0.25]);
    expect(shade(-0.5)).toEqual(rampShade([-0.5, 0.5])(-0.5));
    expect(shade(0.5)).toEqual(rampShade([-0.5, 0.5])(0.5));
    expect(luminance(shade(0))).toBeLessThan(0.05); // 0 is the view's dark node colour
  });

  it('write numbers in black or white with at least 4.5:1 contrast on any shade', () => {
    const shades: Rgb[] = [];
    for (let i = 0; i <= 400; i++) {
      const t = -1 + i / 200;
      shades.push(rampShade([-1, 1])(t), inkShade((t + 1) / 2));
    }
    for (const background of shades) {
      const ratio = contrast(luminance(background), textLuminance(textOn(background)));
      expect(ratio, String(background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("shade a conv close-up's windows, kernels and products on one scale per kind over all the maps", () => {
    const detail = {
      windows: [
        [0, 0.5],
        [2, 1],
      ],
      kernels: [
        [0.1, -0.4],
        [0.2, 0],
      ],
      products: [
        [0, -0.2],
        [0.4, 0],
      ],
    };
    const shades = convolutionShades('s2', detail);
    expect(shades.window(2)).toEqual(rampShade([0, 2])(2));
    expect(shades.window(0.5)).toEqual(rampShade([0, 2])(0.5)); // map 0 on map 1's scale, not its own
    expect(shades.kernel(0.2)).toEqual(rampShade([-0.4, 0.4])(0.2));
    expect(shades.products(-0.2)).toEqual(rampShade([-0.4, 0.4])(-0.2));
    expect(convolutionShades('input', detail).window(1)).toEqual(inkShade(1));
  });
});
