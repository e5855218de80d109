/**
 * 2x2, stride-2 pooling over every map: max, mean, or LeNet-5's trainable subsampling.
 *
 * Indices: b batch, c map, oy/ox output cell, (py, px) in {0,1}^2 the cell's window position,
 * window slot s = py * 2 + px; IH = 2 * OH. Layouts: x [b][c][iy][ix], y and pre [b][c][oy][ox].
 * `dy` is dL/dy of the pooled (pre-activation for subsample) value; dx is dL/dx.
 *
 *   max:       y = max_s x[b][c][2oy+py][2ox+px],   dx = dy at the first maximal slot, 0 elsewhere
 *   mean:      y = 1/4 sum_s x[...],                dx = dy / 4 in every slot
 *   subsample: pre = coeff[c] * sum_s x[...] + bias[c]  (then the layer's activation),
 *              dcoeff[c] = sum_b sum_oy sum_ox dpre * sum_s x[...],   dbias[c] = sum dpre,
 *              dx = dpre * coeff[c] in every slot
 */
import type { PoolingKind } from '../model/layerSpec';
import type { FloatArray } from '../model/initialize';

/** The sizes a pooling kernel needs. */
export interface PoolDims {
  readonly batchSize: number;
  readonly channels: number;
  readonly outSize: number;
}

/**
 * Writes the pooled values into y and, for max pooling, the winning slot of each window into
 * `argmax`. For `subsample`, `coeffOffset` and `biasOffset` index into `params`.
 */
export function poolForward(
  kind: PoolingKind,
  d: PoolDims,
  x: FloatArray,
  y: FloatArray,
  argmax: Uint8Array | null,
  params: FloatArray | null,
  coeffOffset = 0,
  biasOffset = 0,
): void {
  const { batchSize, channels, outSize: OH } = d;
  const IH = OH * 2;
  for (let b = 0; b < batchSize; b++) {
    for (let c = 0; c < channels; c++) {
      const plane = b * channels + c;
      const coeff = kind === 'subsample' ? params![coeffOffset + c] : 0;
      const bias = kind === 'subsample' ? params![biasOffset + c] : 0;
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OH; ox++) {
          const i00 = plane * IH * IH + 2 * oy * IH + 2 * ox;
          const v0 = x[i00],
            v1 = x[i00 + 1],
            v2 = x[i00 + IH],
            v3 = x[i00 + IH + 1];
          const o = plane * OH * OH + oy * OH + ox;
          if (kind === 'max') {
            let best = v0,
              slot = 0;
            if (v1 > best) {
              best = v1;
              slot = 1;
            }
            if (v2 > best) {
              best = v2;
              slot = 2;
            }
            if (v3 > best) {
              best = v3;
              slot = 3;
            }
            y[o] = best;
            argmax![o] = slot;
          } else if (kind === 'mean') {
            y[o] = (v0 + v1 + v2 + v3) * 0.25;
          } else {
            y[o] = coeff * (v0 + v1 + v2 + v3) + bias;
          }
        }
      }
    }
  }
}

/**
 * Overwrites dx from dy; for `subsample` also accumulates dcoeff and dbias into `grads`.
 */
export function poolBackward(
  kind: PoolingKind,
  d: PoolDims,
  x: FloatArray,
  dy: FloatArray,
  argmax: Uint8Array | null,
  dx: FloatArray,
  params: FloatArray | null,
  grads: FloatArray | null,
  coeffOffset = 0,
  biasOffset = 0,
): void {
  const { batchSize, channels, outSize: OH } = d;
  const IH = OH * 2;
  for (let b = 0; b < batchSize; b++) {
    for (let c = 0; c < channels; c++) {
      const plane = b * channels + c;
      const coeff = kind === 'subsample' ? params![coeffOffset + c] : 0.25;
      let coeffSum = 0,
        biasSum = 0;
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OH; ox++) {
          const i00 = plane * IH * IH + 2 * oy * IH + 2 * ox;
          const o = plane * OH * OH + oy * OH + ox;
          const g = dy[o];
          if (kind === 'max') {
            const slot = argmax![o];
            dx[i00] = slot === 0 ? g : 0;
            dx[i00 + 1] = slot === 1 ? g : 0;
            dx[i00 + IH] = slot === 2 ? g : 0;
            dx[i00 + IH + 1] = slot === 3 ? g : 0;
          } else {
            const spread = g * coeff;
            dx[i00] = spread;
            dx[i00 + 1] = spread;
            dx[i00 + IH] = spread;
            dx[i00 + IH + 1] = spread;
            if (kind === 'subsample') {
              coeffSum += g * (x[i00] + x[i00 + 1] + x[i00 + IH] + x[i00 + IH + 1]);
              biasSum += g;
            }
          }
        }
      }
      if (kind === 'subsample') {
        grads![coeffOffset + c] += coeffSum;
        grads![biasOffset + c] += biasSum;
      }
    }
  }
}
