/**
 * Translation equivariance, measured: for one map layer, the map of the shifted input F(T_d x) beside the
 * shifted map of the original input T_m F(x), and their difference.
 *
 * Geometry. A cell (y, x) of a map layer reads the input square of side R starting at (S·y, S·x), S the
 * layer's total stride and R its receptive field (composed from the layer specs: a K x K convolution adds
 * (K − 1)·S to R, a 2x2 stride-2 pooling adds S and doubles S):
 *
 *   input S = 1, R = 1;   c1 S = 1, R = 5;   s2 S = 2, R = 6;   c3 S = 2, R = 14;   s4 S = 4, R = 16
 *
 * The map shift m for an input shift d (per axis): d / S when S divides d, else d / S rounded half away from
 * zero (no whole-cell shift matches it; this is the nearest).
 *
 *   shiftedMap[c][y][x] = F(x)[c][y − m_y][x − m_x]   (0 where that cell is outside the map)
 *   difference          = F(T_d x) − shiftedMap
 *
 * "Inside the borders": the cells whose receptive field stays inside the image before and after the shift,
 * i.e. whose own square [S·y, S·y + R − 1] (inside by construction, since the layers do not pad) and the
 * square it reads in the original input, moved back by d, [S·y − d_y, S·y + R − 1 − d_y], both lie in
 * [0, 31] (same for x), and whose source cell (y − m_y, x − m_x) is in the map. There, when S divides d,
 * the shifted input's window holds exactly the original's pixels (no zero fill), so the difference is 0.
 */
import type { LayerSpec } from '../model/layerSpec';

/** Where a map layer's cells read the input: total stride and receptive-field side, in input pixels. */
export interface MapGeometry {
  readonly stride: number;
  readonly receptiveField: number;
  /** The side of the (square) input image. */
  readonly inputSize: number;
}

/** One map layer's equivariance data for a whole-pixel input shift (maps flattened [c][y][x]). */
export interface EquivarianceMaps {
  readonly layer: string;
  readonly shape: readonly [number, number, number];
  /** The input shift (dx, dy) and the map shift (mx, my) compared with it. */
  readonly shift: { readonly dx: number; readonly dy: number };
  readonly mapShift: { readonly mx: number; readonly my: number };
  /** True when the stride divides both shifts (then the difference inside the borders is 0). */
  readonly wholeCells: boolean;
  readonly ofShiftedInput: Float32Array;
  readonly shiftedMap: Float32Array;
  readonly difference: Float32Array;
  /** Per cell (y, x) of one map, row-major: 1 inside the borders, else 0. */
  readonly inside: Uint8Array;
  /** The largest |difference| over the cells inside the borders (0 when there are none) and over every cell. */
  readonly maxInside: number;
  readonly maxEverywhere: number;
}

/** The stride and receptive field of a map layer (input, conv or pool); throws for dense layers. */
export function mapGeometry(layers: readonly LayerSpec[], layerId: string): MapGeometry {
  let stride = 1,
    receptiveField = 1;
  for (const layer of layers) {
    if (layer.kind === 'dense') break;
    if (layer.kind === 'conv') receptiveField += (layer.kernelSize - 1) * stride;
    if (layer.kind === 'pool') {
      receptiveField += stride;
      stride *= 2;
    }
    if (layer.id === layerId) return { stride, receptiveField, inputSize: layers[0].shape[1] };
  }
  throw new RangeError(`equivariance is measured on maps (input, conv and pool layers), not on ${layerId}`);
}

/** d / stride, rounded half away from zero when the stride does not divide d. */
export function mapShiftFor(shift: number, stride: number): number {
  const cells = shift / stride;
  return Math.sign(cells) * Math.round(Math.abs(cells));
}

/** The inside-the-borders mask of one height x width map for input shift (dx, dy). */
export function insideBorders(
  geometry: MapGeometry,
  height: number,
  width: number,
  dx: number,
  dy: number,
): Uint8Array {
  const { stride: S, receptiveField: R, inputSize } = geometry;
  const mx = mapShiftFor(dx, S),
    my = mapShiftFor(dy, S);
  const ok = (cell: number, d: number, m: number, size: number) =>
    S * cell - d >= 0 && S * cell + R - 1 - d < inputSize && cell - m >= 0 && cell - m < size;
  const inside = new Uint8Array(height * width);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) inside[y * width + x] = ok(y, dy, my, height) && ok(x, dx, mx, width) ? 1 : 0;
  return inside;
}

/** Compares the map of the shifted input with the shifted map of the original (both flattened [c][y][x]). */
export function equivarianceMaps(
  layers: readonly LayerSpec[],
  layerId: string,
  ofOriginal: ArrayLike<number>,
  ofShiftedInput: ArrayLike<number>,
  dx: number,
  dy: number,
): EquivarianceMaps {
  if (!Number.isInteger(dx) || !Number.isInteger(dy))
    throw new RangeError(`equivariance is measured for whole-pixel shifts, got (${dx}, ${dy})`);
  const geometry = mapGeometry(layers, layerId);
  const [C, H, W] = layers.find((l) => l.id === layerId)!.shape;
  if (ofOriginal.length !== C * H * W || ofShiftedInput.length !== C * H * W)
    throw new RangeError(`${layerId} maps hold ${C * H * W} values`);
  const mx = mapShiftFor(dx, geometry.stride),
    my = mapShiftFor(dy, geometry.stride);
  const inside = insideBorders(geometry, H, W, dx, dy);
  const shifted = Float32Array.from(ofShiftedInput);
  const shiftedMap = new Float32Array(C * H * W);
  const difference = new Float32Array(C * H * W);
  let maxInside = 0,
    maxEverywhere = 0;
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = (c * H + y) * W + x;
        const sy = y - my,
          sx = x - mx;
        shiftedMap[i] = sy >= 0 && sy < H && sx >= 0 && sx < W ? ofOriginal[(c * H + sy) * W + sx] : 0;
        difference[i] = shifted[i] - shiftedMap[i];
        const size = Math.abs(difference[i]);
        maxEverywhere = Math.max(maxEverywhere, size);
        if (inside[y * W + x]) maxInside = Math.max(maxInside, size);
      }
    }
  }
  return {
    layer: layerId,
    shape: [C, H, W],
    shift: { dx, dy },
    mapShift: { mx, my },
    wholeCells: dx % geometry.stride === 0 && dy % geometry.stride === 0,
    ofShiftedInput: shifted,
    shiftedMap,
    difference,
    inside,
    maxInside,
    maxEverywhere,
  };
}
