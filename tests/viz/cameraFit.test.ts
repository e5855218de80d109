import { describe, expect, it } from 'vitest';
import { fitPoints, projectedExtent, viewDirection, type FitView } from '../../src/viz/layout/cameraFit';
import type { Vec3 } from '../../src/viz/layout/networkLayout';

/** A tall box of points like the network's stack: 160 wide, 300 high, 50 deep. */
const box: Vec3[] = [];
for (const x of [-80, 80]) for (const y of [0, 150, 300]) for (const z of [-25, 25]) box.push([x, y, z]);

const window = (view: FitView) => [
  -1 + 2 * view.margins.left,
  1 - 2 * view.margins.right,
  -1 + 2 * view.margins.bottom,
  1 - 2 * view.margins.top,
];

describe('viewDirection', () => {
  it('is a unit vector at the given azimuth round +y from +z and elevation above the horizontal', () => {
    const [x, y, z] = viewDirection(-25, 20);
    expect(Math.hypot(x, y, z)).toBeCloseTo(1, 12);
    expect((Math.asin(y) * 180) / Math.PI).toBeCloseTo(20, 10);
    expect((Math.atan2(x, z) * 180) / Math.PI).toBeCloseTo(-25, 10);
    expect(viewDirection(0, 0)).toEqual([0, 0, 1]);
  });
});

describe('fitPoints', () => {
  const cases: [string, Vec3, FitView][] = [
    [
      'landscape, oblique, room for labels at the left',
      viewDirection(-25, 20),
      { fov: 40, aspect: 740 / 529, margins: { left: 160 / 740, right: 12 / 740, top: 24 / 529, bottom: 12 / 529 } },
    ],
    [
      'a phone: nearly square, narrow labels',
      viewDirection(-25, 20),
      { fov: 40, aspect: 390 / 340, margins: { left: 40 / 390, right: 0.03, top: 0.07, bottom: 0.035 } },
    ],
    [
      'portrait, front-on from above',
      viewDirection(0, 30),
      { fov: 40, aspect: 0.5, margins: { left: 0, right: 0, top: 0, bottom: 0 } },
    ],
    [
      'very wide, from the other side and below',
      viewDirection(40, -15),
      { fov: 60, aspect: 3, margins: { left: 0.1, right: 0.1, top: 0.1, bottom: 0.1 } },
    ],
  ];

  it.each(cases)('puts every point inside the window and fills it along one axis (%s)', (_, direction, view) => {
    const placement = fitPoints(box, direction, view);
    const [x0, x1, y0, y1] = projectedExtent(box, placement, view);
    const [left, right, bottom, top] = window(view);
    const tolerance = 1e-4;
    expect(x0).toBeGreaterThanOrEqual(left - tolerance);
    expect(x1).toBeLessThanOrEqual(right + tolerance);
    expect(y0).toBeGreaterThanOrEqual(bottom - tolerance);
    expect(y1).toBeLessThanOrEqual(top + tolerance);
    const fill = Math.max((x1 - x0) / (right - left), (y1 - y0) / (top - bottom));
    expect(fill).toBeGreaterThan(0.999);
    // Centred in the window along both axes.
    expect((x0 + x1) / 2).toBeCloseTo((left + right) / 2, 3);
    expect((y0 + y1) / 2).toBeCloseTo((bottom + top) / 2, 3);
  });

  it('looks along the requested direction from in front of every point', () => {
    const direction = viewDirection(-25, 20);
    const { position, target } = fitPoints(box, direction, cases[0][2]);
    const back = [0, 1, 2].map((k) => position[k] - target[k]);
    const length = Math.hypot(...back);
    back.forEach((v, k) => expect(v / length).toBeCloseTo(direction[k], 9));
    const [x0] = projectedExtent(box, { position, target }, cases[0][2]);
    expect(Number.isFinite(x0)).toBe(true);
  });

  it('stands further back on a narrower canvas', () => {
    const direction = viewDirection(-25, 20);
    const distance = (aspect: number) => {
      const { position, target } = fitPoints(box, direction, {
        fov: 40,
        aspect,
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
      });
      return Math.hypot(...position.map((v, k) => v - target[k]));
    };
    expect(distance(0.5)).toBeGreaterThan(distance(1.4));
    expect(distance(1.4)).toBeCloseTo(distance(3), 6); // height-bound from here on: a wider canvas changes nothing
  });
});
