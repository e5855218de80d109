/**
 * The transform probe's geometry: shifts, rotations and scalings of the 32x32 network input (after
 * preprocessing, which would otherwise centre a shifted digit again).
 *
 * Output pixel (x, y), x the column and y the row, pixel centres at integers, c = 15.5:
 *
 *   u  = x − c − dx,                      v  = y − c − dy
 *   sx = c + (u cos θ − v sin θ) / s,     sy = c + (u sin θ + v cos θ) / s
 *   out[y][x] = bilinear sample of in at (sx, sy), pixels outside the 32x32 image read as 0
 *
 * With y pointing down the screen, positive θ turns the digit counterclockwise, s > 1 enlarges it,
 * dx > 0 moves it right and dy > 0 down. For θ = 0 and s = 1 the arithmetic is exact (cos 0 = 1,
 * sin 0 = 0, and x − 15.5 − dx + 15.5 = x − dx in floating point), so an integer shift copies pixels
 * exactly and fills with 0.
 */
import { INPUT_SIZE } from './mnistInput';

/** A shift in pixels (dx right, dy down), a rotation in degrees (counterclockwise on screen) and a scale (> 1 enlarges). */
export interface InputTransform {
  readonly dx: number;
  readonly dy: number;
  readonly rotate: number;
  readonly scale: number;
}

/** The transform that changes nothing. */
export const IDENTITY_TRANSFORM: InputTransform = { dx: 0, dy: 0, rotate: 0, scale: 1 };

/** The centre of the 32x32 input in pixel coordinates (pixel centres at integers). */
export const INPUT_CENTRE = (INPUT_SIZE - 1) / 2;

/** A complete, checked transform from a partial one (missing fields take the identity's); throws on non-finite values or a scale ≤ 0. */
export function checkTransform(transform: Partial<InputTransform>): InputTransform {
  const full = { ...IDENTITY_TRANSFORM, ...transform };
  for (const key of ['dx', 'dy', 'rotate', 'scale'] as const) {
    if (typeof full[key] !== 'number' || !Number.isFinite(full[key]))
      throw new RangeError(`the probe's ${key} must be a finite number, got ${String(full[key])}`);
  }
  if (!(full.scale > 0)) throw new RangeError(`the probe's scale must be above 0, got ${full.scale}`);
  return { dx: full.dx, dy: full.dy, rotate: full.rotate, scale: full.scale };
}

/** True when the transform leaves every input unchanged. */
export function isIdentity(transform: InputTransform): boolean {
  return transform.dx === 0 && transform.dy === 0 && transform.rotate === 0 && transform.scale === 1;
}

/** The input pixel value at integer (x, y), 0 outside the image. */
function pixel(input: ArrayLike<number>, x: number, y: number): number {
  return x >= 0 && x < INPUT_SIZE && y >= 0 && y < INPUT_SIZE ? input[y * INPUT_SIZE + x] : 0;
}

/** The bilinear sample of a 32x32 plane at (sx, sy), pixels outside the image read as 0. */
export function sampleBilinear(input: ArrayLike<number>, sx: number, sy: number): number {
  const x0 = Math.floor(sx),
    y0 = Math.floor(sy);
  const fx = sx - x0,
    fy = sy - y0;
  const top = pixel(input, x0, y0) * (1 - fx) + pixel(input, x0 + 1, y0) * fx;
  const bottom = pixel(input, x0, y0 + 1) * (1 - fx) + pixel(input, x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Writes the transformed 32x32 input into `out` (a new array when omitted) and returns it. */
export function transformInput(
  input: ArrayLike<number>,
  transform: InputTransform,
  out = new Float32Array(INPUT_SIZE * INPUT_SIZE),
): Float32Array {
  if (input.length !== INPUT_SIZE * INPUT_SIZE)
    throw new RangeError(`an input must be ${INPUT_SIZE * INPUT_SIZE} values, got ${input.length}`);
  const { dx, dy, scale } = checkTransform(transform);
  // Exact for whole multiples of 90°, where Math.cos and Math.sin of the radians are not.
  const turn = transform.rotate % 360;
  const exact: Record<number, [number, number]> = { 0: [1, 0], 90: [0, 1], 180: [-1, 0], 270: [0, -1] };
  const [cos, sin] = exact[turn < 0 ? turn + 360 : turn] ?? [
    Math.cos((turn * Math.PI) / 180),
    Math.sin((turn * Math.PI) / 180),
  ];
  const c = INPUT_CENTRE;
  for (let y = 0; y < INPUT_SIZE; y++) {
    const v = y - c - dy;
    for (let x = 0; x < INPUT_SIZE; x++) {
      const u = x - c - dx;
      out[y * INPUT_SIZE + x] = sampleBilinear(input, c + (u * cos - v * sin) / scale, c + (u * sin + v * cos) / scale);
    }
  }
  return out;
}
