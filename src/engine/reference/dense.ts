/**
 * Fully connected layer. Indices: b batch, o output unit, i input feature (the previous layer
 * flattened in [c][y][x] order). Layouts: x [b][i], w [o][i], y [b][o]. `dy` is dL/dy.
 *
 *   y[b][o]  = bias[o] + sum_i w[o][i] * x[b][i]
 *   dx[b][i] = sum_o dy[b][o] * w[o][i]
 *   dw[o][i] = sum_b dy[b][o] * x[b][i]
 *   db[o]    = sum_b dy[b][o]
 */
import type { FloatArray } from '../model/initialize';

/** The sizes a dense kernel needs. */
export interface DenseDims {
  readonly batchSize: number;
  readonly inFeatures: number;
  readonly outFeatures: number;
}

/** Writes y (pre-activation) from x, w and bias. */
export function denseForward(
  d: DenseDims,
  x: FloatArray,
  params: FloatArray,
  weightOffset: number,
  biasOffset: number,
  y: FloatArray,
): void {
  const { batchSize, inFeatures: I, outFeatures: O } = d;
  for (let b = 0; b < batchSize; b++) {
    const xBase = b * I;
    for (let o = 0; o < O; o++) {
      const wBase = weightOffset + o * I;
      let sum = params[biasOffset + o];
      for (let i = 0; i < I; i++) sum += params[wBase + i] * x[xBase + i];
      y[b * O + o] = sum;
    }
  }
}

/** Accumulates dw and db into `grads`; overwrites dx when given. */
export function denseBackward(
  d: DenseDims,
  x: FloatArray,
  params: FloatArray,
  weightOffset: number,
  biasOffset: number,
  dy: FloatArray,
  grads: FloatArray,
  dx: FloatArray | null,
): void {
  const { batchSize, inFeatures: I, outFeatures: O } = d;
  if (dx) dx.fill(0, 0, batchSize * I);
  for (let b = 0; b < batchSize; b++) {
    const xBase = b * I;
    for (let o = 0; o < O; o++) {
      const g = dy[b * O + o];
      if (g === 0) continue;
      grads[biasOffset + o] += g;
      const wBase = weightOffset + o * I;
      for (let i = 0; i < I; i++) grads[wBase + i] += g * x[xBase + i];
      if (dx) for (let i = 0; i < I; i++) dx[xBase + i] += g * params[wBase + i];
    }
  }
}
