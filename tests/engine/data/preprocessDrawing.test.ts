import { describe, expect, it } from 'vitest';
import { DIGIT_SIZE, preprocessDrawing, type Drawing, type InkImage } from '../../../src/engine/data/preprocessDrawing';

type Point = readonly [number, number];

/** Digit shapes as polylines in a unit square (x right, y down). */
const SEVEN: Point[][] = [
  [
    [0.1, 0.05],
    [0.9, 0.05],
    [0.4, 1],
  ],
];
const FOUR: Point[][] = [
  [
    [0.7, 1],
    [0.7, 0],
    [0.05, 0.65],
    [0.95, 0.65],
  ],
];

function blank(width: number, height: number): Drawing {
  return { width, height, ink: new Float32Array(width * height) };
}

function fillRect(d: Drawing, x0: number, y0: number, width: number, height: number, value = 1): Drawing {
  for (let y = y0; y < y0 + height; y++) for (let x = x0; x < x0 + width; x++) d.ink[y * d.width + x] = value;
  return d;
}

function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - a[0] - t * dx, py - a[1] - t * dy);
}

/** Draws polylines scaled into the square (left, top, size) with a round pen, anti-aliased 4x4. */
function drawDigit(
  width: number,
  height: number,
  strokes: Point[][],
  left: number,
  top: number,
  size: number,
  penRadius: number,
): Drawing {
  const d = blank(width, height);
  const segments = strokes.flatMap((line) =>
    line.slice(1).map((p, k): [Point, Point] => [
      [left + line[k][0] * size, top + line[k][1] * size],
      [left + p[0] * size, top + p[1] * size],
    ]),
  );
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const centre = Math.min(...segments.map(([a, b]) => distanceToSegment(x + 0.5, y + 0.5, a, b)));
      if (centre > penRadius + 1 || centre < penRadius - 1) {
        d.ink[y * width + x] = centre < penRadius ? 1 : 0;
        continue;
      }
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4,
            py = y + (sy + 0.5) / 4;
          if (segments.some(([a, b]) => distanceToSegment(px, py, a, b) <= penRadius)) hits++;
        }
      }
      d.ink[y * width + x] = hits / 16;
    }
  }
  return d;
}

function centreOfMass(image: InkImage): [number, number] {
  let mass = 0,
    mx = 0,
    my = 0;
  image.pixels.forEach((v, i) => {
    mass += v;
    mx += v * (i % image.width);
    my += v * Math.floor(i / image.width);
  });
  return [mx / mass, my / mass];
}

/** Columns and rows holding any pixel above `threshold`: [columnCount, rowCount]. */
function inkExtent(image: InkImage, threshold = 0.05): [number, number] {
  const columns = new Set<number>(),
    rows = new Set<number>();
  image.pixels.forEach((v, i) => {
    if (v > threshold) {
      columns.add(i % image.width);
      rows.add(Math.floor(i / image.width));
    }
  });
  return [columns.size, rows.size];
}

function meanAbsDifference(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0) / a.length;
}

function process(d: Drawing) {
  const result = preprocessDrawing(d);
  if (result.input === null) throw new Error('expected ink');
  return result;
}

describe('preprocessDrawing', () => {
  it('returns nulls for an empty drawing and for ink too faint to be a stroke', () => {
    expect(preprocessDrawing(blank(280, 280))).toEqual({ input: null, stages: null, inkBox: null });
    const faint = blank(280, 280);
    faint.ink.fill(0.03);
    expect(preprocessDrawing(faint).input).toBeNull();
  });

  it('refuses ink whose length does not match the size', () => {
    expect(() => preprocessDrawing({ width: 10, height: 10, ink: new Float32Array(99) })).toThrow(RangeError);
  });

  it('finds the ink box, ignoring smudges below a tenth of the peak ink', () => {
    const d = fillRect(fillRect(blank(280, 280), 0, 0, 280, 5, 0.08), 100, 50, 30, 120);
    expect(process(d).inkBox).toEqual({ x: 100, y: 50, width: 30, height: 120 });
  });

  it('centres an off-centre L by its mass (not its box) at 13.5 of the 28x28 and 15.5 of the 32x32, sub-pixel exact', () => {
    const d = fillRect(fillRect(blank(280, 280), 20, 200, 4, 30), 20, 226, 20, 4);
    const { stages } = process(d);
    const [bx] = centreOfMass(stages.scaled);
    expect(Math.abs(bx - (stages.scaled.width - 1) / 2)).toBeGreaterThan(2);
    const [cx, cy] = centreOfMass(stages.centred);
    expect(Math.abs(cx - 13.5)).toBeLessThan(0.01);
    expect(Math.abs(cy - 13.5)).toBeLessThan(0.01);
    expect(stages.input.width).toBe(32);
    const [ix, iy] = centreOfMass(stages.input);
    expect(Math.abs(ix - 15.5)).toBeLessThan(0.01);
    expect(Math.abs(iy - 15.5)).toBeLessThan(0.01);
  });

  it('fits the long side to exactly 20 px, keeping the aspect ratio to within half a pixel', () => {
    const wide = process(fillRect(blank(280, 280), 10, 100, 250, 30)).stages;
    expect([wide.scaled.width, wide.scaled.height]).toEqual([DIGIT_SIZE, 2]);
    const tiny = process(fillRect(blank(280, 280), 5, 5, 3, 2)).stages;
    expect([tiny.scaled.width, tiny.scaled.height]).toEqual([DIGIT_SIZE, 13]);
    const [columns, rows] = inkExtent(tiny.centred, 0.5);
    expect(columns).toBeGreaterThanOrEqual(DIGIT_SIZE - 1);
    expect(columns).toBeLessThanOrEqual(DIGIT_SIZE + 1);
    expect(rows).toBeLessThanOrEqual(14);
  });

  it('keeps a tall thin stroke 20 px tall and narrow', () => {
    const { stages } = process(fillRect(blank(280, 280), 135, 40, 10, 200));
    expect([stages.scaled.width, stages.scaled.height]).toEqual([1, DIGIT_SIZE]);
    const [columns, rows] = inkExtent(stages.input);
    expect(columns).toBeLessThanOrEqual(2);
    expect(rows).toBeGreaterThanOrEqual(DIGIT_SIZE);
    expect(rows).toBeLessThanOrEqual(DIGIT_SIZE + 1);
  });

  it('keeps a 2 px stroke visible after shrinking it tenfold (area averaging, not point sampling)', () => {
    const { stages } = process(
      drawDigit(
        280,
        280,
        [
          [
            [0, 0],
            [1, 1],
          ],
        ],
        40,
        40,
        200,
        1,
      ),
    );
    for (let y = 0; y < DIGIT_SIZE; y++) {
      const row = stages.scaled.pixels.subarray(y * DIGIT_SIZE, (y + 1) * DIGIT_SIZE);
      expect(Math.max(...row)).toBeGreaterThan(0.1);
    }
  });

  it('keeps a thick ring thick but with its hole open', () => {
    const d = blank(280, 280);
    d.ink.forEach((_, i) => {
      const r = Math.hypot((i % 280) + 0.5 - 140, Math.floor(i / 280) + 0.5 - 140);
      if (r >= 60 && r <= 100) d.ink[i] = 1;
    });
    const { input } = process(d);
    expect(input[15 * 32 + 15]).toBeLessThan(0.05);
    expect(input[16 * 32 + 16]).toBeLessThan(0.05);
    const leftStroke = Array.from(input.subarray(15 * 32, 15 * 32 + 16)).filter((v) => v > 0.5).length;
    expect(leftStroke).toBeGreaterThanOrEqual(3);
    expect(leftStroke).toBeLessThanOrEqual(5);
  });

  it('keeps every stage in [0, 1], whatever the size and ink', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 20; trial++) {
      const d = blank(20 + Math.floor(random() * 300), 20 + Math.floor(random() * 300));
      d.ink.forEach((_, i) => {
        d.ink[i] = random() < 0.2 ? random() : 0;
      });
      const { stages, input } = process(d);
      expect(input).toHaveLength(1024);
      for (const image of Object.values(stages)) {
        expect(Math.min(...image.pixels)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...image.pixels)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('reads the same digit drawn small in a corner and large in the middle nearly the same', () => {
    const small = process(drawDigit(280, 280, SEVEN, 8, 10, 70, 3.5)).input;
    const large = process(drawDigit(280, 280, SEVEN, 40, 40, 200, 10)).input;
    const otherDigit = process(drawDigit(280, 280, FOUR, 40, 40, 200, 10)).input;
    expect(meanAbsDifference(small, large)).toBeLessThan(0.01);
    expect(meanAbsDifference(otherDigit, large)).toBeGreaterThan(0.05);
  });

  it('gives nearly the same input for a pad at twice the pixel density', () => {
    const single = process(drawDigit(280, 280, FOUR, 40, 40, 200, 10)).input;
    const double = process(drawDigit(560, 560, FOUR, 80, 80, 400, 20)).input;
    expect(meanAbsDifference(single, double)).toBeLessThan(0.002);
  });
});
