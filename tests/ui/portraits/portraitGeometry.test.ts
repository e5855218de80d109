import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { DEFAULT_ARCHITECTURE } from '../../../src/engine/model/lenet5';
import {
  barHeights,
  binOf,
  boxPercent,
  cropPlane,
  markerPosition,
  receptiveBox,
} from '../../../src/ui/portraits/portraitGeometry';

const layers = lenet5Layers(DEFAULT_ARCHITECTURE);

describe("a neuron portrait's receptive field", () => {
  it('is the input window each layer sees: c1 5x5, s2 6x6, c3 14x14, s4 16x16, none for dense units', () => {
    expect(receptiveBox(layers, { layer: 'input', c: 0, y: 7, x: 9 })).toEqual({ x: 9, y: 7, size: 1 });
    expect(receptiveBox(layers, { layer: 'c1', c: 2, y: 12, x: 3 })).toEqual({ x: 3, y: 12, size: 5 });
    expect(receptiveBox(layers, { layer: 's2', c: 0, y: 5, x: 1 })).toEqual({ x: 2, y: 10, size: 6 });
    expect(receptiveBox(layers, { layer: 'c3', c: 5, y: 4, x: 4 })).toEqual({ x: 8, y: 8, size: 14 });
    expect(receptiveBox(layers, { layer: 's4', c: 15, y: 4, x: 0 })).toEqual({ x: 0, y: 16, size: 16 });
    expect(receptiveBox(layers, { layer: 'c5', c: 3, y: 0, x: 0 })).toBeNull();
    expect(receptiveBox(layers, { layer: 'output', c: 7, y: 0, x: 0 })).toBeNull();
    // Every window lies inside the 32x32 input.
    for (const layer of layers.filter((l) => l.kind !== 'dense')) {
      const [, h, w] = layer.shape;
      for (const [y, x] of [
        [0, 0],
        [h - 1, w - 1],
      ]) {
        const box = receptiveBox(layers, { layer: layer.id, c: 0, y, x })!;
        expect(box.x + box.size).toBeLessThanOrEqual(32);
        expect(box.y + box.size).toBeLessThanOrEqual(32);
      }
    }
  });

  it('is outlined in percent of the input and cropped pixel for pixel', () => {
    const box = { x: 8, y: 4, size: 14 };
    expect(boxPercent(box)).toEqual({ left: '25%', top: '12.5%', width: '43.75%', height: '43.75%' });
    const plane = Float32Array.from({ length: 1024 }, (_, i) => i);
    const crop = cropPlane(plane, box);
    expect(crop).toHaveLength(196);
    expect(crop[0]).toBe(4 * 32 + 8);
    expect(crop[13]).toBe(4 * 32 + 21);
    expect(crop[14]).toBe(5 * 32 + 8);
    expect(crop[195]).toBe(17 * 32 + 21);
  });
});

describe("a neuron portrait's histogram", () => {
  it('draws bars on a square-root scale of the counts', () => {
    expect(barHeights([0, 1, 4, 100])).toEqual([0, 0.1, 0.2, 1]);
    expect(barHeights([0, 0, 0])).toEqual([0, 0, 0]);
  });

  it("marks the input's value where it falls, or at the end it lies beyond", () => {
    const histogram = { low: -1, high: 3, counts: new Array(32).fill(1) };
    expect(markerPosition(histogram, 1)).toEqual({ at: 0.5, beyond: null });
    expect(markerPosition(histogram, -1)).toEqual({ at: 0, beyond: null });
    expect(markerPosition(histogram, 3)).toEqual({ at: 1, beyond: null });
    expect(markerPosition(histogram, -2)).toEqual({ at: 0, beyond: 'below' });
    expect(markerPosition(histogram, 9)).toEqual({ at: 1, beyond: 'above' });
    expect(markerPosition({ low: 0, high: 0 }, 0)).toBeNull();
    expect(markerPosition(histogram, NaN)).toBeNull();
  });

  it("highlights the bin the portraits' binning puts the value in (equal bins, the last one closed)", () => {
    const histogram = { low: 0, high: 8, counts: new Array(32).fill(0) };
    expect(binOf(histogram, 0)).toBe(0);
    expect(binOf(histogram, 0.2499)).toBe(0);
    expect(binOf(histogram, 0.25)).toBe(1);
    expect(binOf(histogram, 7.99)).toBe(31);
    expect(binOf(histogram, 8)).toBe(31);
    expect(binOf(histogram, 8.01)).toBe(-1);
    expect(binOf(histogram, -0.01)).toBe(-1);
  });
});
