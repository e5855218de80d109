import { describe, expect, it } from 'vitest';
import { transformInput, type InputTransform } from '../../../src/engine/data/inputTransform';
import { preprocessDrawing } from '../../../src/engine/data/preprocessDrawing';
import type { Attribution } from '../../../src/engine/interpret/attribute';
import { inputRectOnPad, inverseProbe, mapBeforeProbe, paintOverlay } from '../../../src/ui/attribution/padOverlay';

const PAD = 280;

/** A smooth 32x32 plane: a Gaussian bump of width `sigma` at (cx, cy), signed by `sign`. */
function bump(cx: number, cy: number, sigma: number, sign = 1): Float32Array {
  const plane = new Float32Array(1024);
  for (let y = 0; y < 32; y++)
    for (let x = 0; x < 32; x++)
      plane[y * 32 + x] = sign * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * sigma * sigma));
  return plane;
}

/** The pixel of a plane's largest |value|. */
function peak(plane: ArrayLike<number>): [number, number] {
  let best = 0;
  for (let i = 1; i < plane.length; i++) if (Math.abs(plane[i]) > Math.abs(plane[best])) best = i;
  return [best % 32, Math.floor(best / 32)];
}

describe('the heatmap on the pad', () => {
  it('lies over the whole pad for a test digit, and over the part the preprocessing took for a drawing', () => {
    expect(inputRectOnPad({ kind: 'test', index: 4 }, null, null, PAD)).toEqual({
      left: 0,
      top: 0,
      width: 100,
      height: 100,
    });
    expect(inputRectOnPad({ kind: 'address' }, null, null, PAD)).toEqual({ left: 0, top: 0, width: 100, height: 100 });
    expect(inputRectOnPad({ kind: 'drawing' }, null, null, PAD)).toBeNull();
    // A bar of ink on the pad: the input's inked pixels, laid back on the pad, fall on the ink.
    const ink = new Float32Array(PAD * PAD);
    for (let y = 60; y < 200; y++) for (let x = 120; x < 150; x++) ink[y * PAD + x] = 1;
    const read = preprocessDrawing({ width: PAD, height: PAD, ink });
    const rect = inputRectOnPad({ kind: 'drawing' }, read.stages, read.inkBox, PAD)!;
    expect(rect.width).toBeCloseTo(rect.height, 6);
    const pixel = (rect.width / 100) * (PAD / 32); // one input pixel, in pad pixels
    for (let i = 0; i < 1024; i++) {
      if (read.input![i] < 0.9) continue;
      const x = (rect.left / 100) * PAD + ((i % 32) + 0.5) * pixel;
      const y = (rect.top / 100) * PAD + (Math.floor(i / 32) + 0.5) * pixel;
      expect(x).toBeGreaterThan(120 - pixel);
      expect(x).toBeLessThan(150 + pixel);
      expect(y).toBeGreaterThan(60 - pixel);
      expect(y).toBeLessThan(200 + pixel);
    }
  });

  it("moves a map computed under the transform probe back onto the drawing (the probe's inverse)", () => {
    const probes: InputTransform[] = [
      { dx: 3, dy: -2, rotate: 0, scale: 1 },
      { dx: 0, dy: 0, rotate: 30, scale: 1 },
      { dx: 0, dy: 0, rotate: 0, scale: 1.3 },
      { dx: -2.5, dy: 1.5, rotate: -45, scale: 0.8 },
    ];
    const original = bump(13, 17, 3.5);
    for (const probe of probes) {
      const moved = transformInput(original, probe);
      const back = mapBeforeProbe(moved, probe);
      expect(peak(back), JSON.stringify(probe)).toEqual([13, 17]);
      // Two bilinear resamplings of the bump (σ = 3.5, at least 2.8 once scaled by 0.8): each is off by at most
      // (1/8)(max|f_xx| + max|f_yy|) = 1/(4σ²) ≤ 0.032, so the pair is within 0.065.
      for (let y = 8; y < 24; y++)
        for (let x = 8; x < 24; x++)
          expect(Math.abs(back[y * 32 + x] - original[y * 32 + x]), JSON.stringify(probe)).toBeLessThan(0.065);
      const twice = inverseProbe(inverseProbe(probe));
      for (const key of ['dx', 'dy', 'rotate', 'scale'] as const) expect(twice[key]).toBeCloseTo(probe[key], 12);
    }
    // A whole-pixel shift is undone exactly where the map did not leave the image.
    const shift = { dx: 3, dy: -2, rotate: 0, scale: 1 };
    const back = mapBeforeProbe(transformInput(original, shift), shift);
    for (let y = 2; y < 32; y++) for (let x = 0; x < 29; x++) expect(back[y * 32 + x]).toBe(original[y * 32 + x]);
    expect(mapBeforeProbe(original, null)).toBe(original);
    expect(mapBeforeProbe(original, { dx: 0, dy: 0, rotate: 0, scale: 1 })).toBe(original);
  });

  it('paints each pixel with the opacity of its value and the hue of its sign', () => {
    const map = Float64Array.from(bump(10, 10, 2), (v, i) => (i % 32 < 16 ? v : -v));
    map[20 * 32 + 20] = 0;
    const attribution = { method: 'gradient', map } as unknown as Attribution;
    const pixels = new Uint8ClampedArray(4096);
    paintOverlay(attribution, null, pixels);
    const largest = Math.max(...Array.from(map, Math.abs));
    map.forEach((v, i) => {
      expect(pixels[4 * i + 3]).toBe(Math.round(255 * 0.82 * Math.sqrt(Math.abs(v) / largest)));
      if (Math.abs(v) > 0.1 * largest) expect(Math.sign(pixels[4 * i] - pixels[4 * i + 2])).toBe(Math.sign(v));
    });
    expect(pixels[4 * (20 * 32 + 20) + 3]).toBe(0);
  });
});
