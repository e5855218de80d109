import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_METHODS } from '../../src/engine/interpret/attribute';
import {
  attributionColour,
  attributionScale,
  attributionT,
  OVERLAY_OPACITY,
  overlayGradientCss,
  overlayRgba,
} from '../../src/viz/attributionColours';
import { divergingColour, rampColour } from '../../src/viz/colourRamp';

describe('the colours of an attribution map', () => {
  it('are signed (diverging) for every method but Grad-CAM, scaled by the largest magnitude', () => {
    const map = [0.5, -2, 1, 0];
    for (const method of ATTRIBUTION_METHODS)
      expect(attributionScale(method, map)).toEqual({ signed: method !== 'gradcam', scale: 2 });
    expect(attributionScale('gradient', new Float64Array(4)).scale).toBe(0);
  });

  it('place a value on a square-root scale: ±1 at the largest magnitude, 0 for a map of zeros', () => {
    const signed = { signed: true, scale: 4 };
    expect(attributionT(4, signed)).toBe(1);
    expect(attributionT(-1, signed)).toBe(-0.5);
    expect(attributionT(0, signed)).toBe(0);
    expect(attributionT(1, { signed: false, scale: 4 })).toBe(0.5);
    expect(attributionT(-1, { signed: false, scale: 4 })).toBe(0);
    expect(attributionT(3, { signed: true, scale: 0 })).toBe(0);
  });

  it("use the backward view's diverging ramp for signed maps and the activations' ramp for Grad-CAM on the view", () => {
    const out = [0, 0, 0];
    const want = [0, 0, 0];
    attributionColour(-1, { signed: true, scale: 4 }, out);
    divergingColour(-0.5, want);
    expect(out).toEqual(want);
    attributionColour(1, { signed: false, scale: 4 }, out);
    rampColour(0.5, want);
    expect(out).toEqual(want);
  });

  it('lay over the pad with an opacity growing with |t|: the paper shows where the map is 0', () => {
    const pixel = new Uint8ClampedArray(4);
    overlayRgba(0, { signed: true, scale: 1 }, pixel);
    expect(pixel[3]).toBe(0);
    overlayRgba(-1, { signed: true, scale: 1 }, pixel);
    expect(pixel[3]).toBe(Math.round(255 * OVERLAY_OPACITY));
    expect(pixel[2]).toBeGreaterThan(pixel[0]); // blue for a negative value
    overlayRgba(0.25, { signed: false, scale: 1 }, pixel);
    expect(pixel[3]).toBe(Math.round(255 * OVERLAY_OPACITY * 0.5));
    expect(pixel[0]).toBeGreaterThan(pixel[2]); // red for a positive one
    expect(overlayGradientCss(true)).toMatch(
      /^linear-gradient\(to right, rgba\(.*0\.82\) 0%.*0\.00\) 50%.*0\.82\) 100%\)$/,
    );
    expect(overlayGradientCss(false)).toMatch(/^linear-gradient\(to right, rgba\(.*0\.00\) 0%.*0\.82\) 100%\)$/);
  });
});
