/**
 * Valid, stride-1 convolution with a connection table (LeNet-5's C3).
 *
 * Indices: b batch, ic/oc input/output map, iy/ix input row/column, oy/ox output row/column,
 * ky/kx kernel row/column; K kernel size, OH = IH - K + 1. `conn[oc]` lists the input maps of oc.
 * Layouts: x [b][ic][iy][ix], w [oc][ic][ky][kx] (unconnected kernels are zeros and stay so),
 * y [b][oc][oy][ox]. `dy` is the incoming gradient dL/dy; dx, dw, db are dL/dx, dL/dw, dL/db.
 *
 *   y[b][oc][oy][ox]   = bias[oc] + sum_{ic in conn[oc]} sum_ky sum_kx x[b][ic][oy+ky][ox+kx] * w[oc][ic][ky][kx]
 *   dx[b][ic][iy][ix]  = sum_{oc : ic in conn[oc]} sum_ky sum_kx dy[b][oc][iy-ky][ix-kx] * w[oc][ic][ky][kx]
 *   dw[oc][ic][ky][kx] = sum_b sum_oy sum_ox x[b][ic][oy+ky][ox+kx] * dy[b][oc][oy][ox]
 *   db[oc]             = sum_b sum_oy sum_ox dy[b][oc][oy][ox]
 */
import type { FloatArray } from '../model/initialize';

/** The sizes a convolution kernel needs. */
export interface ConvDims {
  readonly batchSize: number;
  readonly inChannels: number;
  readonly inSize: number;
  readonly outChannels: number;
  readonly kernelSize: number;
  readonly connections: readonly (readonly number[])[];
}

/** Writes y (pre-activation) from x, w and bias; `weightOffset`/`biasOffset` index into `params`. */
export function convForward(
  d: ConvDims,
  x: FloatArray,
  params: FloatArray,
  weightOffset: number,
  biasOffset: number,
  y: FloatArray,
): void {
  const { batchSize, inChannels, inSize: IH, outChannels, kernelSize: K } = d;
  const OH = IH - K + 1;
  const outPlane = OH * OH;
  const inPlane = IH * IH;
  for (let b = 0; b < batchSize; b++) {
    for (let oc = 0; oc < outChannels; oc++) {
      const yBase = (b * outChannels + oc) * outPlane;
      const bias = params[biasOffset + oc];
      for (let i = 0; i < outPlane; i++) y[yBase + i] = bias;
      for (const ic of d.connections[oc]) {
        const xBase = (b * inChannels + ic) * inPlane;
        const wBase = weightOffset + (oc * inChannels + ic) * K * K;
        for (let ky = 0; ky < K; ky++) {
          for (let kx = 0; kx < K; kx++) {
            const w = params[wBase + ky * K + kx];
            for (let oy = 0; oy < OH; oy++) {
              const yRow = yBase + oy * OH;
              const xRow = xBase + (oy + ky) * IH + kx;
              for (let ox = 0; ox < OH; ox++) y[yRow + ox] += w * x[xRow + ox];
            }
          }
        }
      }
    }
  }
}

/**
 * Accumulates dw and db into `grads` (at the same offsets as the parameters) and, when `dx` is
 * given, overwrites dx with the gradient of the input.
 */
export function convBackward(
  d: ConvDims,
  x: FloatArray,
  params: FloatArray,
  weightOffset: number,
  biasOffset: number,
  dy: FloatArray,
  grads: FloatArray,
  dx: FloatArray | null,
): void {
  const { batchSize, inChannels, inSize: IH, outChannels, kernelSize: K } = d;
  const OH = IH - K + 1;
  const outPlane = OH * OH;
  const inPlane = IH * IH;
  if (dx) dx.fill(0, 0, batchSize * inChannels * inPlane);
  for (let b = 0; b < batchSize; b++) {
    for (let oc = 0; oc < outChannels; oc++) {
      const dyBase = (b * outChannels + oc) * outPlane;
      let biasSum = 0;
      for (let i = 0; i < outPlane; i++) biasSum += dy[dyBase + i];
      grads[biasOffset + oc] += biasSum;
      for (const ic of d.connections[oc]) {
        const xBase = (b * inChannels + ic) * inPlane;
        const wBase = weightOffset + (oc * inChannels + ic) * K * K;
        for (let ky = 0; ky < K; ky++) {
          for (let kx = 0; kx < K; kx++) {
            const w = params[wBase + ky * K + kx];
            let dwSum = 0;
            for (let oy = 0; oy < OH; oy++) {
              const dyRow = dyBase + oy * OH;
              const xRow = xBase + (oy + ky) * IH + kx;
              for (let ox = 0; ox < OH; ox++) dwSum += x[xRow + ox] * dy[dyRow + ox];
              if (dx) for (let ox = 0; ox < OH; ox++) dx[xRow + ox] += w * dy[dyRow + ox];
            }
            grads[wBase + ky * K + kx] += dwSum;
          }
        }
      }
    }
  }
}
