/**
 * GLSL for the activations: `act(pre)` and `actDerivative(pre, out)` (the slope at pre, using
 * out = act(pre) where cheaper), matching src/engine/reference/activation.ts.
 */
import type { Activation } from '../../model/layerSpec';
import { TANH_AMPLITUDE, TANH_SLOPE } from '../../reference/activation';

const A = TANH_AMPLITUDE.toFixed(6);
const S = TANH_SLOPE.toFixed(9);

/** Declarations of `act` and `actDerivative` for one activation kind. */
export function activationGlsl(kind: Activation | null): string {
  switch (kind) {
    case null:
      return 'float act(float x) { return x; }\nfloat actDerivative(float pre, float y) { return 1.0; }';
    case 'relu':
      return 'float act(float x) { return max(x, 0.0); }\nfloat actDerivative(float pre, float y) { return pre > 0.0 ? 1.0 : 0.0; }';
    case 'tanh':
      // tanh(x) = 1 - 2 / (exp(2x) + 1), clamped so exp cannot overflow.
      return `float act(float x) { float t = clamp(${S} * x, -15.0, 15.0); return ${A} * (1.0 - 2.0 / (exp(2.0 * t) + 1.0)); }
float actDerivative(float pre, float y) { return ${S} * (${A} - y * y / ${A}); }`;
    case 'sigmoid':
      return `float act(float x) { return 1.0 / (1.0 + exp(-clamp(x, -80.0, 80.0))); }
float actDerivative(float pre, float y) { return y * (1.0 - y); }`;
    default: {
      const never: never = kind;
      throw new Error(`unknown activation ${String(never)}`);
    }
  }
}

/** A GLSL int constant expression for `n` (kernels bake shapes in as constants). */
export function glslInt(n: number): string {
  if (!Number.isInteger(n)) throw new Error(`${n} is not an integer`);
  return String(n);
}
