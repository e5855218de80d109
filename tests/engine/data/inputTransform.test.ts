/**
 * The probe's transform against an independent implementation: the forward map composed as 3x3
 * homogeneous matrices (translate, rotate, scale), inverted by the adjugate, and sampled with a tent
 * kernel summed over every pixel; integer shifts against a plain copy, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { checkTransform, transformInput, type InputTransform } from '../../../src/engine/data/inputTransform';
import { loadMnistSplit } from '../../../scripts/mnistFiles';
import { mnistToInput } from '../../../src/engine/data/mnistInput';

type Matrix = number[][];

const multiply = (a: Matrix, b: Matrix): Matrix =>
  a.map((row) => b[0].map((_, j) => row.reduce((sum, value, k) => sum + value * b[k][j], 0)));

function invert(m: Matrix): Matrix {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const cofactors = [
    [e * i - f * h, -(d * i - f * g), d * h - e * g],
    [-(b * i - c * h), a * i - c * g, -(a * h - b * g)],
    [b * f - c * e, -(a * f - c * d), a * e - b * d],
  ];
  const det = a * cofactors[0][0] + b * cofactors[0][1] + c * cofactors[0][2];
  return cofactors[0].map((_, r) => cofactors.map((row) => row[r] / det)); // adjugate / det
}

const translate = (tx: number, ty: number): Matrix => [
  [1, 0, tx],
  [0, 1, ty],
  [0, 0, 1],
];

/** Where a source point lands (screen coordinates, y down): scale about the centre, turn by θ counterclockwise on screen, shift. */
function forwardMatrix({ dx, dy, rotate, scale }: InputTransform): Matrix {
  const t = (rotate * Math.PI) / 180;
  // Counterclockwise on a y-down screen is clockwise in y-up maths: (x, y) -> (x cos t + y sin t, −x sin t + y cos t).
  const turn: Matrix = [
    [Math.cos(t), Math.sin(t), 0],
    [-Math.sin(t), Math.cos(t), 0],
    [0, 0, 1],
  ];
  const grow: Matrix = [
    [scale, 0, 0],
    [0, scale, 0],
    [0, 0, 1],
  ];
  return [translate(15.5 + dx, 15.5 + dy), grow, turn, translate(-15.5, -15.5)].reduce(multiply);
}

/** The independent implementation: inverse matrix, then the bilinear sample as a sum of tent weights over all pixels. */
function independent(input: Float32Array, transform: InputTransform): Float64Array {
  const inverse = invert(forwardMatrix(transform));
  const out = new Float64Array(1024);
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 32; x++) {
      const [sx, sy] = inverse.map((row) => row[0] * x + row[1] * y + row[2]);
      let value = 0;
      for (let j = 0; j < 32; j++) {
        const wy = Math.max(0, 1 - Math.abs(sy - j));
        if (wy === 0) continue;
        for (let i = 0; i < 32; i++) value += wy * Math.max(0, 1 - Math.abs(sx - i)) * input[j * 32 + i];
      }
      out[y * 32 + x] = value;
    }
  }
  return out;
}

const test = loadMnistSplit('test');
const digit = (index: number) => {
  const input = new Float32Array(1024);
  mnistToInput(test.images, index, input);
  return input;
};

/** The centre of mass (x, y) and the second moment about it of a plane. */
function moments(plane: ArrayLike<number>) {
  let mass = 0,
    mx = 0,
    my = 0;
  for (let i = 0; i < 1024; i++) {
    mass += plane[i];
    mx += plane[i] * (i % 32);
    my += plane[i] * Math.floor(i / 32);
  }
  mx /= mass;
  my /= mass;
  let spread = 0;
  for (let i = 0; i < 1024; i++) spread += plane[i] * ((i % 32) - mx) ** 2 + plane[i] * (Math.floor(i / 32) - my) ** 2;
  return { mass, x: mx, y: my, spread: spread / mass };
}

describe('the probe transform', () => {
  const cases: InputTransform[] = [
    { dx: 0, dy: 0, rotate: 0, scale: 1 },
    { dx: 2.5, dy: -1.25, rotate: 0, scale: 1 },
    { dx: 0, dy: 0, rotate: 30, scale: 1 },
    { dx: 0, dy: 0, rotate: -55, scale: 1 },
    { dx: 0, dy: 0, rotate: 0, scale: 0.55 },
    { dx: 0, dy: 0, rotate: 0, scale: 1.45 },
    { dx: -3, dy: 4, rotate: 17, scale: 1.2 },
    { dx: 0.3, dy: 0.7, rotate: 90, scale: 0.8 },
  ];
  it.each(cases)('matches the inverse-matrix implementation within 1e-6 (%o)', (transform) => {
    for (const index of [0, 1, 7]) {
      const input = digit(index);
      const got = transformInput(input, transform);
      const want = independent(input, transform);
      for (let i = 0; i < 1024; i++) expect(Math.abs(got[i] - want[i]), `pixel ${i}`).toBeLessThan(1e-6);
    }
  });

  it('copies integer shifts exactly, filling with 0', () => {
    const input = digit(3);
    for (let dy = -8; dy <= 8; dy += 1) {
      for (let dx = -8; dx <= 8; dx += 4) {
        const got = transformInput(input, { dx, dy, rotate: 0, scale: 1 });
        const want = new Float32Array(1024);
        for (let y = 0; y < 32; y++)
          for (let x = 0; x < 32; x++) {
            const sx = x - dx,
              sy = y - dy;
            if (sx >= 0 && sx < 32 && sy >= 0 && sy < 32) want[y * 32 + x] = input[sy * 32 + sx];
          }
        expect(got).toEqual(want);
      }
    }
    expect(transformInput(input, { dx: 32, dy: 0, rotate: 0, scale: 1 })).toEqual(new Float32Array(1024));
  });

  it('moves right and down for positive shifts, turns counterclockwise on screen, and enlarges for a scale above 1', () => {
    const input = digit(0);
    const base = moments(input);
    const shifted = moments(transformInput(input, { dx: 2, dy: 3, rotate: 0, scale: 1 }));
    expect(shifted.x - base.x).toBeCloseTo(2, 6);
    expect(shifted.y - base.y).toBeCloseTo(3, 6);
    expect(moments(transformInput(input, { dx: 0, dy: 0, rotate: 0, scale: 1.3 })).spread).toBeGreaterThan(
      base.spread * 1.3 ** 2 * 0.95,
    );
    expect(moments(transformInput(input, { dx: 0, dy: 0, rotate: 0, scale: 0.7 })).spread).toBeLessThan(base.spread);
    // A 2x2 block right of the centre, turned 90° counterclockwise on screen, lands above the centre.
    const block = new Float32Array(1024);
    for (const [x, y] of [
      [24, 15],
      [25, 15],
      [24, 16],
      [25, 16],
    ])
      block[y * 32 + x] = 1;
    const turned = transformInput(block, { dx: 0, dy: 0, rotate: 90, scale: 1 });
    const lit = [...turned.keys()].filter((i) => turned[i] > 0.5).map((i) => [i % 32, Math.floor(i / 32)]);
    expect(lit).toEqual([
      [15, 6],
      [16, 6],
      [15, 7],
      [16, 7],
    ]);
  });

  it('refuses non-finite values and scales at or below 0, and fills missing fields with the identity', () => {
    expect(() => checkTransform({ dx: Number.NaN })).toThrow(/dx must be a finite number/);
    expect(() => checkTransform({ scale: 0 })).toThrow(/scale must be above 0/);
    expect(() => checkTransform({ rotate: Infinity })).toThrow(/rotate/);
    expect(checkTransform({ dy: 2 })).toEqual({ dx: 0, dy: 2, rotate: 0, scale: 1 });
    expect(() => transformInput(new Float32Array(10), { dx: 0, dy: 0, rotate: 0, scale: 1 })).toThrow(/1024 values/);
  });
});
