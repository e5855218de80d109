/**
 * Small random affine distortions of a 32x32 input, as LeCun et al. trained with: each output pixel
 * samples the source bilinearly at A^-1 (p - centre - shift) + centre, where A rotates and scales.
 */
import type { SeededRandom } from '../model/random';
import { INPUT_SIZE } from './mnistInput';

/** The largest distortion drawn: shift in pixels, rotation in degrees, relative scale change. */
export interface DistortionRange {
  readonly shift: number;
  readonly rotateDegrees: number;
  readonly scale: number;
}

/** Shift up to 2 px, rotate up to 10 degrees, scale by up to 10%. */
export const DEFAULT_DISTORTION: DistortionRange = { shift: 2, rotateDegrees: 10, scale: 0.1 };

/** One concrete affine distortion. */
export interface Distortion {
  readonly dx: number;
  readonly dy: number;
  readonly angle: number;
  readonly scale: number;
}

/** Draws a distortion uniformly within `range`. */
export function randomDistortion(random: SeededRandom, range: DistortionRange = DEFAULT_DISTORTION): Distortion {
  const between = (limit: number) => (random.uniform() * 2 - 1) * limit;
  return {
    dx: between(range.shift),
    dy: between(range.shift),
    angle: (between(range.rotateDegrees) * Math.PI) / 180,
    scale: 1 + between(range.scale),
  };
}

/** Writes the distorted 32x32 plane at `offset` of `src` into `dst` at the same offset. */
export function distortInput(src: Float32Array, dst: Float32Array, offset: number, d: Distortion): void {
  const n = INPUT_SIZE;
  const centre = (n - 1) / 2;
  const cos = Math.cos(d.angle) / d.scale;
  const sin = Math.sin(d.angle) / d.scale;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const px = x - centre - d.dx;
      const py = y - centre - d.dy;
      const sx = cos * px + sin * py + centre;
      const sy = -sin * px + cos * py + centre;
      const x0 = Math.floor(sx),
        y0 = Math.floor(sy);
      const fx = sx - x0,
        fy = sy - y0;
      const at = (yy: number, xx: number) => (yy >= 0 && yy < n && xx >= 0 && xx < n ? src[offset + yy * n + xx] : 0);
      dst[offset + y * n + x] =
        (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) +
        fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
    }
  }
}
