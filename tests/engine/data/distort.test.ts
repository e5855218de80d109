import { describe, expect, it } from 'vitest';
import { distortInput, randomDistortion } from '../../../src/engine/data/distort';
import { SeededRandom } from '../../../src/engine/model/random';

function blob(): Float32Array {
  const plane = new Float32Array(1024);
  for (let y = 12; y < 20; y++) for (let x = 14; x < 18; x++) plane[y * 32 + x] = 1;
  return plane;
}

function centreOfMass(plane: Float32Array): [number, number] {
  let sum = 0,
    sx = 0,
    sy = 0;
  plane.forEach((v, i) => {
    sum += v;
    sx += v * (i % 32);
    sy += v * Math.floor(i / 32);
  });
  return [sx / sum, sy / sum];
}

describe('affine distortions', () => {
  it('the identity leaves the image unchanged', () => {
    const out = new Float32Array(1024);
    distortInput(blob(), out, 0, { dx: 0, dy: 0, angle: 0, scale: 1 });
    expect(out).toEqual(blob());
  });

  it('a shift moves the ink by that many pixels', () => {
    const out = new Float32Array(1024);
    distortInput(blob(), out, 0, { dx: 2, dy: -1, angle: 0, scale: 1 });
    const [x0, y0] = centreOfMass(blob());
    const [x1, y1] = centreOfMass(out);
    expect(x1 - x0).toBeCloseTo(2, 5);
    expect(y1 - y0).toBeCloseTo(-1, 5);
  });

  it('a 90 degree rotation turns a tall bar into a wide one', () => {
    const out = new Float32Array(1024);
    distortInput(blob(), out, 0, { dx: 0, dy: 0, angle: Math.PI / 2, scale: 1 });
    const rows = new Set<number>(),
      cols = new Set<number>();
    out.forEach((v, i) => {
      if (v > 0.5) {
        rows.add(Math.floor(i / 32));
        cols.add(i % 32);
      }
    });
    expect(cols.size).toBeGreaterThan(rows.size);
  });

  it('draws distortions within the stated range', () => {
    const random = new SeededRandom(1);
    for (let i = 0; i < 200; i++) {
      const d = randomDistortion(random);
      expect(Math.abs(d.dx)).toBeLessThanOrEqual(2);
      expect(Math.abs(d.angle)).toBeLessThanOrEqual((10 * Math.PI) / 180);
      expect(Math.abs(d.scale - 1)).toBeLessThanOrEqual(0.1);
    }
  });
});
