/**
 * MNIST-style preprocessing of a drawing into the network's 32x32 input, in four stages:
 *
 *   crop    the bounding box of the pixels whose ink exceeds INK_THRESHOLD x the drawing's peak ink
 *   scale   area-average (a box filter: each output pixel is the mean of the source area it covers)
 *           so the longer side is exactly DIGIT_SIZE = 20 px and the shorter side round(short x 20 / long),
 *           at least 1 px; the aspect ratio is kept to within half a pixel
 *   centre  place in 28x28 so the ink's centre of mass falls on the image centre, shifting by the exact
 *           sub-pixel amount with bilinear interpolation (ink pushed past the border is lost, as in MNIST)
 *   pad     2 px of background on every side -> 32x32, ink = 1, background = 0
 *
 * Coordinates: images are row-major, pixel (x, y) at index y * width + x, and a pixel's position is
 * its index (its centre). The centre of an n-px side is therefore (n - 1) / 2: 13.5 in the 28x28 (the
 * point between pixels 13 and 14, i.e. 14.0 if pixel edges are counted from 0) and 15.5 in the 32x32.
 * Every stage keeps values in [0, 1]: area means and bilinear weights are convex combinations.
 *
 * Loop names: (x, y) the pixel being written; for area means, wx and wy the overlaps of the source
 * column start + i and row start + j with it; for the bilinear shift, (sx, sy) the source point it
 * samples, (x0, y0) the pixel at or above-left of that point and (fx, fy) the fractions past it.
 */
import { MNIST_PAD, MNIST_SIZE } from './mnistInput';

/** A drawing as read from the pad: row-major ink in [0, 1] (1 = full ink), any size. */
export interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly ink: Float32Array;
}

/** A row-major greyscale image, 1 = full ink. */
export interface InkImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Float32Array;
}

/** A rectangle of drawing pixels: columns x .. x + width - 1, rows y .. y + height - 1. */
export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The images between the drawing and the network input, for display; `input.pixels` is the input. */
export interface PreprocessStages {
  readonly cropped: InkImage;
  readonly scaled: InkImage;
  readonly centred: InkImage;
  readonly input: InkImage;
}

/** The 32x32 network input and how it was made; every field is null when the drawing has no ink. */
export type PreprocessedDrawing =
  | { readonly input: Float32Array; readonly stages: PreprocessStages; readonly inkBox: PixelBox }
  | { readonly input: null; readonly stages: null; readonly inkBox: null };

/** Pixels with more ink than this fraction of the drawing's peak count toward the bounding box. */
export const INK_THRESHOLD = 0.1;

/** A drawing whose peak ink is at most this is empty (no digit, so no guess). */
export const MIN_PEAK_INK = 0.05;

/** The longer side of the digit after scaling, as in MNIST. */
export const DIGIT_SIZE = 20;

/** Turns a drawing into the network's 32x32 input, or all nulls when nothing is drawn. */
export function preprocessDrawing(drawing: Drawing): PreprocessedDrawing {
  const { width, height, ink } = drawing;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    ink.length !== width * height
  ) {
    throw new RangeError(`A ${width}x${height} drawing needs ${width * height} ink values, got ${ink.length}`);
  }
  const inkBox = findInkBox(drawing);
  if (inkBox === null) return { input: null, stages: null, inkBox: null };
  const cropped = crop(drawing, inkBox);
  const scale = DIGIT_SIZE / Math.max(inkBox.width, inkBox.height);
  const scaled = areaResample(
    cropped,
    Math.max(1, Math.round(inkBox.width * scale)),
    Math.max(1, Math.round(inkBox.height * scale)),
  );
  const centred = centreByMass(scaled, MNIST_SIZE);
  const input = pad(centred, MNIST_PAD);
  return { input: input.pixels, stages: { cropped, scaled, centred, input }, inkBox };
}

function findInkBox({ width, height, ink }: Drawing): PixelBox | null {
  const peak = ink.reduce((max, v) => Math.max(max, v), 0);
  if (!(peak > MIN_PEAK_INK)) return null;
  const threshold = INK_THRESHOLD * peak;
  let left = width,
    right = -1,
    top = height,
    bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] <= threshold) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = y;
    }
  }
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

function crop(drawing: Drawing, box: PixelBox): InkImage {
  const pixels = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const v = drawing.ink[(box.y + y) * drawing.width + box.x + x];
      pixels[y * box.width + x] = Math.min(1, Math.max(0, v));
    }
  }
  return { width: box.width, height: box.height, pixels };
}

/** Along one axis: output o covers source [o * step, (o + 1) * step), overlapping pixel s by `weights[s - start]`. */
function axisCoverage(sourceLength: number, length: number): { start: number; weights: number[] }[] {
  const step = sourceLength / length;
  return Array.from({ length }, (_, o) => {
    const lo = o * step,
      hi = Math.min(sourceLength, (o + 1) * step);
    const start = Math.floor(lo);
    const weights: number[] = [];
    for (let s = start; s < hi; s++) weights.push(Math.min(hi, s + 1) - Math.max(lo, s));
    return { start, weights };
  });
}

/** Box-filter resampling: each output pixel is the area-weighted mean of the source pixels under it. */
function areaResample(source: InkImage, width: number, height: number): InkImage {
  const columns = axisCoverage(source.width, width);
  const rows = axisCoverage(source.height, height);
  const pixels = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = rows[y];
    for (let x = 0; x < width; x++) {
      const column = columns[x];
      let sum = 0,
        area = 0;
      row.weights.forEach((wy, j) => {
        const offset = (row.start + j) * source.width + column.start;
        column.weights.forEach((wx, i) => {
          sum += wy * wx * source.pixels[offset + i];
          area += wy * wx;
        });
      });
      pixels[y * width + x] = Math.min(1, sum / area);
    }
  }
  return { width, height, pixels };
}

/** Places `source` in a size x size image so its centre of mass lands on ((size - 1) / 2, (size - 1) / 2). */
function centreByMass(source: InkImage, size: number): InkImage {
  let mass = 0,
    massX = 0,
    massY = 0;
  source.pixels.forEach((v, i) => {
    mass += v;
    massX += v * (i % source.width);
    massY += v * Math.floor(i / source.width);
  });
  const shiftX = (size - 1) / 2 - massX / mass;
  const shiftY = (size - 1) / 2 - massY / mass;
  const at = (y: number, x: number) =>
    y >= 0 && y < source.height && x >= 0 && x < source.width ? source.pixels[y * source.width + x] : 0;
  const pixels = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sx = x - shiftX,
        sy = y - shiftY;
      const x0 = Math.floor(sx),
        y0 = Math.floor(sy);
      const fx = sx - x0,
        fy = sy - y0;
      const v =
        (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) +
        fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
      pixels[y * size + x] = Math.min(1, v);
    }
  }
  return { width: size, height: size, pixels };
}

function pad(source: InkImage, border: number): InkImage {
  const width = source.width + 2 * border,
    height = source.height + 2 * border;
  const pixels = new Float32Array(width * height);
  for (let y = 0; y < source.height; y++) {
    pixels.set(source.pixels.subarray(y * source.width, (y + 1) * source.width), (y + border) * width + border);
  }
  return { width, height, pixels };
}
