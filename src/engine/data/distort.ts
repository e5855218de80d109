/**
 * Random distortions of a 32x32 input: small affine ones, as LeCun et al. trained with, and (with
 * `elastic`) Simard et al.'s elastic ones (elastic.ts). Each output pixel p samples the source bilinearly at
 *
 *   s(p) = A^-1 (p - centre - shift) + centre + u(p)
 *
 * where A rotates and scales and u is the elastic displacement field (0 without one); pixels outside are 0.
 */
import type { SeededRandom } from '../model/random';
import { elasticField, type ElasticDistortion } from './elastic';
import { INPUT_SIZE } from './mnistInput';

/** The largest distortion drawn: shift in pixels, rotation in degrees, relative scale change. */
export interface DistortionRange {
  readonly shift: number;
  readonly rotateDegrees: number;
  readonly scale: number;
}

/** Shift up to 2 px, rotate up to 10 degrees, scale by up to 10%. */
export const DEFAULT_DISTORTION: DistortionRange = { shift: 2, rotateDegrees: 10, scale: 0.1 };

/** One concrete distortion: the affine part, and the elastic field's seed and settings when there is one. */
export interface Distortion {
  readonly dx: number;
  readonly dy: number;
  readonly angle: number;
  readonly scale: number;
  readonly elastic?: ElasticDistortion;
}

/** The affine part that changes nothing (elastic distortions alone use it). */
export const IDENTITY_DISTORTION: Distortion = { dx: 0, dy: 0, angle: 0, scale: 1 };

/** Draws an affine distortion uniformly within `range`. */
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
  const field = d.elastic ? elasticField(d.elastic) : null;
  const at = (yy: number, xx: number) => (yy >= 0 && yy < n && xx >= 0 && xx < n ? src[offset + yy * n + xx] : 0);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const px = x - centre - d.dx;
      const py = y - centre - d.dy;
      let sx = cos * px + sin * py + centre;
      let sy = -sin * px + cos * py + centre;
      if (field) {
        sx += field[y * n + x];
        sy += field[n * n + y * n + x];
      }
      const x0 = Math.floor(sx),
        y0 = Math.floor(sy);
      const fx = sx - x0,
        fy = sy - y0;
      dst[offset + y * n + x] =
        (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) +
        fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
    }
  }
}
