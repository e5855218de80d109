import type { Activation } from '../model/layerSpec';
import type { FloatArray } from '../model/initialize';

/** LeCun's scaled tanh: f(x) = TANH_AMPLITUDE * tanh(TANH_SLOPE * x). */
export const TANH_AMPLITUDE = 1.7159;
export const TANH_SLOPE = 2 / 3;

/** f(z) for one value (the same formulas as `activate`). */
export function activateValue(kind: Activation, z: number): number {
  const out = new Float64Array(1);
  activate(kind, Float64Array.of(z), out);
  return out[0];
}

/** out[i] = f(pre[i]) over the first `count` values. */
export function activate(kind: Activation, pre: FloatArray, out: FloatArray, count = pre.length): void {
  switch (kind) {
    case 'relu':
      for (let i = 0; i < count; i++) out[i] = pre[i] > 0 ? pre[i] : 0;
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) out[i] = TANH_AMPLITUDE * Math.tanh(TANH_SLOPE * pre[i]);
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) out[i] = 1 / (1 + Math.exp(-pre[i]));
      return;
    default: {
      const never: never = kind;
      throw new Error(`unknown activation ${String(never)}`);
    }
  }
}

/** dPre[i] = dOut[i] * f'(pre[i]), using `out = f(pre)` where that is cheaper. */
export function activationBackward(
  kind: Activation,
  pre: FloatArray,
  out: FloatArray,
  dOut: FloatArray,
  dPre: FloatArray,
): void {
  const n = pre.length;
  switch (kind) {
    case 'relu':
      for (let i = 0; i < n; i++) dPre[i] = pre[i] > 0 ? dOut[i] : 0;
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) {
        const y = out[i];
        dPre[i] = dOut[i] * TANH_SLOPE * (TANH_AMPLITUDE - (y * y) / TANH_AMPLITUDE);
      }
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) dPre[i] = dOut[i] * out[i] * (1 - out[i]);
      return;
    default: {
      const never: never = kind;
      throw new Error(`unknown activation ${String(never)}`);
    }
  }
}
