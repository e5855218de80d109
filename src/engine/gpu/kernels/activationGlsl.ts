/**
 * GLSL for the activations: `act(pre)` and `actDerivative(pre, out)` (the slope at pre, using
 * out = act(pre) where cheaper), matching src/engine/reference/activation.ts, on floats and on
 * vec4s of four channels.
 */
import type { Activation } from '../../model/layerSpec';
import { TANH_AMPLITUDE, TANH_SLOPE } from '../../reference/activation';

const A = TANH_AMPLITUDE.toFixed(6);
const S = TANH_SLOPE.toFixed(9);

/** `act` and `actDerivative` for one type (`float` or `vec4`). */
function overloads(kind: Activation | null, T: 'float' | 'vec4'): string {
  switch (kind) {
    case null:
      return `${T} act(${T} x) { return x; }\n${T} actDerivative(${T} pre, ${T} y) { return ${T}(1.0); }`;
    case 'relu':
      return `${T} act(${T} x) { return max(x, 0.0); }
${T} actDerivative(${T} pre, ${T} y) { return ${T === 'float' ? 'pre > 0.0 ? 1.0 : 0.0' : 'vec4(greaterThan(pre, vec4(0.0)))'}; }`;
    case 'tanh':
      // tanh(x) = 1 - 2 / (exp(2x) + 1), clamped so exp cannot overflow.
      return `${T} act(${T} x) { ${T} t = clamp(${S} * x, -15.0, 15.0); return ${A} * (1.0 - 2.0 / (exp(2.0 * t) + 1.0)); }
${T} actDerivative(${T} pre, ${T} y) { return ${S} * (${A} - y * y / ${A}); }`;
    case 'sigmoid':
      return `${T} act(${T} x) { return 1.0 / (1.0 + exp(-clamp(x, -80.0, 80.0))); }
${T} actDerivative(${T} pre, ${T} y) { return y * (1.0 - y); }`;
    default: {
      const never: never = kind;
      throw new Error(`unknown activation ${String(never)}`);
    }
  }
}

/** Declarations of `act` and `actDerivative` for one activation kind, for `float` and `vec4` (per channel). */
export function activationGlsl(kind: Activation | null): string {
  return `${overloads(kind, 'float')}\n${overloads(kind, 'vec4')}`;
}

/** A GLSL int constant expression for `n` (kernels bake shapes in as constants). */
export function glslInt(n: number): string {
  if (!Number.isInteger(n)) throw new Error(`${n} is not an integer`);
  return String(n);
}
