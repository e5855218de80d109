/**
 * Where the heatmap of the network's 32x32 input lies on the pad, and what it shows there. A drawing is
 * preprocessed before the network reads it (crop to the ink, fit 20 px, centre by mass, pad to 32x32), so the
 * input's square maps back onto the part of the pad the preprocessing took (padGeometry.ts); a test digit or an
 * input from an address fills the pad. Under the transform probe the network reads the moved input, so its map
 * is moved back by the inverse transform before it is laid over the drawing.
 */
import { isIdentity, transformInput, type InputTransform } from '../../engine/data/inputTransform';
import type { PixelBox, PreprocessStages } from '../../engine/data/preprocessDrawing';
import type { InputSource } from '../../store/appSlices';
import { attributionScale, overlayRgba } from '../../viz/attributionColours';
import type { Attribution } from '../../engine/interpret/attribute';
import { inputSquareOnPad } from '../pad/padGeometry';

/** The input's side in pixels. */
const SIDE = 32;

/** A rectangle in percent of the pad's side. */
export interface PadRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Where the 32x32 input lies on a pad of `padSize` pixels, in percent of the pad; null when there is nothing to lay it on. */
export function inputRectOnPad(
  source: InputSource,
  stages: PreprocessStages | null,
  inkBox: PixelBox | null,
  padSize: number,
): PadRect | null {
  if (source.kind !== 'drawing') return { left: 0, top: 0, width: 100, height: 100 };
  const box = inputSquareOnPad({ x0: 0, y0: 0, x1: SIDE - 1, y1: SIDE - 1 }, stages, inkBox, padSize);
  if (!box) return null;
  const percent = (v: number) => (100 * v) / padSize;
  return { left: percent(box.x), top: percent(box.y), width: percent(box.width), height: percent(box.height) };
}

/**
 * The transform that undoes `probe`: the probe's output pixel p reads its input at c + R(θ)(p − c − d)/s, so
 * input point q came from p = c + d + s R(−θ)(q − c), which is a probe with rotation −θ, scale 1/s and shift
 * −R(θ)d/s.
 */
export function inverseProbe(probe: InputTransform): InputTransform {
  const radians = (probe.rotate * Math.PI) / 180;
  const cos = Math.cos(radians),
    sin = Math.sin(radians);
  return {
    dx: -(probe.dx * cos - probe.dy * sin) / probe.scale,
    dy: -(probe.dx * sin + probe.dy * cos) / probe.scale,
    rotate: -probe.rotate,
    scale: 1 / probe.scale,
  };
}

/** The map in the coordinates of the input before the probe (as it is without one). */
export function mapBeforeProbe(map: ArrayLike<number>, probe: InputTransform | null): ArrayLike<number> {
  return probe && !isIdentity(probe) ? transformInput(map, inverseProbe(probe)) : map;
}

/** Paints the heatmap's 32x32 RGBA pixels into `pixels` (transparent where the map is 0). */
export function paintOverlay(attribution: Attribution, probe: InputTransform | null, pixels: Uint8ClampedArray): void {
  const scale = attributionScale(attribution.method, attribution.map);
  const map = mapBeforeProbe(attribution.map, probe);
  for (let i = 0; i < SIDE * SIDE; i++) overlayRgba(map[i], scale, pixels, 4 * i);
}
