import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import {
  CAMERA_FOV,
  frontFlight,
  labelShortfall,
  layerFlight,
  overviewFlight,
  presetFlight,
  type CameraFlight,
  type ViewSize,
} from '../../src/viz/cameraPresets';
import { labelReserve } from '../../src/viz/labelSpace';
import { projectedExtent } from '../../src/viz/layout/cameraFit';
import { networkLayout, type LayerLayout, type Vec3 } from '../../src/viz/layout/networkLayout';

const layout = networkLayout(lenet5Layers());
/** The 3D canvas on a desktop (1400x860 page), a tablet and a phone. */
const SIZES: ViewSize[] = [
  { width: 740, height: 529 },
  { width: 820, height: 560 },
  { width: 390, height: 340 },
];

/** Where `point` lands on a canvas of `size`, in CSS pixels from its top-left corner. */
function pixel(point: Vec3, flight: CameraFlight, size: ViewSize): [number, number] {
  const view = { fov: CAMERA_FOV, aspect: size.width / size.height, margins: { left: 0, right: 0, top: 0, bottom: 0 } };
  const [x, , y] = projectedExtent([point], { position: flight.position as Vec3, target: flight.target as Vec3 }, view);
  return [((x + 1) / 2) * size.width, ((1 - y) / 2) * size.height];
}

/** A plane's corners, going round: far left, far right, near right, near left. */
function corners(layer: LayerLayout): Vec3[] {
  const { min, max } = layer.bounds;
  const y = layer.positions[1];
  return [
    [min[0], y, min[2]],
    [max[0], y, min[2]],
    [max[0], y, max[2]],
    [min[0], y, max[2]],
  ];
}

/** The screen-y range (top, bottom) of a projected convex quad at screen x, or null where it does not reach. */
function span(quad: [number, number][], x: number): [number, number] | null {
  const ys: number[] = [];
  quad.forEach((a, k) => {
    const b = quad[(k + 1) % quad.length];
    if (a[0] === b[0] || (a[0] - x) * (b[0] - x) > 0) return;
    ys.push(a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]));
  });
  return ys.length ? [Math.min(...ys), Math.max(...ys)] : null;
}

describe.each(SIZES)('the overview on a $width x $height canvas', (size) => {
  const flight = overviewFlight(layout, size);

  it('fits the whole network, clear of the labels at the left', () => {
    for (const layer of layout.layers) {
      for (const [x, y] of corners(layer).map((c) => pixel(c, flight, size))) {
        expect(x, layer.id).toBeGreaterThanOrEqual(labelReserve(size.width) - 0.5);
        expect(x, layer.id).toBeLessThanOrEqual(size.width);
        expect(y, layer.id).toBeGreaterThanOrEqual(0);
        expect(y, layer.id).toBeLessThanOrEqual(size.height);
      }
    }
  });

  it('looks from in front, to one side and above every plane, so each plane shows its top face in depth', () => {
    const [dx, dy, dz] = [0, 1, 2].map((k) => flight.position[k] - flight.target[k]);
    expect(dz).toBeGreaterThan(0);
    expect((Math.abs(Math.atan2(dx, dz)) * 180) / Math.PI).toBeGreaterThan(15);
    expect(dy).toBeGreaterThan(0);
    for (const layer of layout.layers) {
      expect(flight.position[1], layer.id).toBeGreaterThan(layer.positions[1]);
      const [farLeft, farRight, nearRight, nearLeft] = corners(layer).map((c) => pixel(c, flight, size));
      const deep = layer.bounds.max[2] - layer.bounds.min[2] > 10; // all but the outputs' single row
      expect(nearLeft[1] - farLeft[1], `${layer.id} depth on screen`).toBeGreaterThan(deep ? 3 : 0);
      expect(Math.abs(farRight[1] - farLeft[1]), `${layer.id} turned, not front-on`).toBeGreaterThan(3);
      expect(nearRight[1]).toBeGreaterThan(farRight[1]);
    }
  });

  it('leaves a gap between consecutive planes for the edges of a hovered node', () => {
    const least = size.width < 500 ? 5 : 8;
    for (let l = 0; l + 1 < layout.layers.length; l++) {
      const below = corners(layout.layers[l]).map((c) => pixel(c, flight, size));
      const above = corners(layout.layers[l + 1]).map((c) => pixel(c, flight, size));
      for (let x = 0; x < size.width; x += 1) {
        const [lower, upper] = [span(below, x), span(above, x)];
        if (lower && upper)
          expect(
            lower[0] - upper[1],
            `${layout.layers[l].id} to ${layout.layers[l + 1].id} at x = ${x}`,
          ).toBeGreaterThan(least);
      }
    }
  });
});

describe('the other presets', () => {
  const size = SIZES[0];

  it('front-on: looks straight along -z, from above', () => {
    const flight = frontFlight(layout, size);
    expect(flight.position[0] - flight.target[0]).toBeCloseTo(0, 6);
    expect(flight.position[1]).toBeGreaterThan(flight.target[1]);
  });

  it('a layer preset frames that layer alone and sits closer than the overview', () => {
    const overview = overviewFlight(layout, size);
    const distance = (f: CameraFlight) => Math.hypot(...f.position.map((v, k) => v - f.target[k]));
    for (const layer of layout.layers) {
      const flight = layerFlight(layout, layer.id, size);
      expect(distance(flight)).toBeLessThan(distance(overview));
      for (const [x, y] of corners(layer).map((c) => pixel(c, flight, size))) {
        expect(x).toBeGreaterThanOrEqual(labelReserve(size.width) - 0.5);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(size.height);
      }
    }
  });

  it("a close-up keeps the labels' room at the left for every layer seen beside its own (no label cut)", () => {
    for (const each of SIZES) {
      for (const layer of layout.layers) {
        const flight = layerFlight(layout, layer.id, each);
        expect(labelShortfall(layout, flight, each), `${layer.id} at ${each.width}`).toBeLessThan(1);
        for (const other of layout.layers) {
          const { min, max } = other.bounds;
          const ends = [min[2], max[2]].map((z) => pixel([min[0], other.positions[1], z], flight, each));
          const middle = (ends[0][1] + ends[1][1]) / 2;
          if (middle < 0 || middle > each.height) continue;
          expect(Math.min(ends[0][0], ends[1][0]), `${other.id} in the ${layer.id} close-up`).toBeGreaterThanOrEqual(
            labelReserve(each.width) - 1,
          );
        }
      }
    }
  });

  it('names them: overview, front, a layer id; anything else is the overview', () => {
    expect(presetFlight(layout, 'front', size)).toEqual(frontFlight(layout, size));
    expect(presetFlight(layout, 'c3', size)).toEqual(layerFlight(layout, 'c3', size));
    expect(presetFlight(layout, 'nonsense', size)).toEqual(overviewFlight(layout, size));
    expect(() => layerFlight(layout, 'nonsense', size)).toThrow();
  });

  it('falls back to a landscape fit before the canvas has a size', () => {
    const flight = overviewFlight(layout, { width: 0, height: 0 });
    expect(flight.position.every(Number.isFinite)).toBe(true);
  });
});
