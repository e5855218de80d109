/**
 * The gradient-based attributions of one 32x32 input x for the explained value z (logitTarget.ts):
 *   gradient            map_i = ∂z/∂x_i
 *   gradient x input    map_i = x_i ∂z/∂x_i
 *   SmoothGrad          map_i = (1/n) Σ_s ∂z/∂x_i at x + σ ε_s, ε_s ~ N(0, 1) per pixel (seeded; not clipped)
 *   integrated          map_i = x_i (1/m) Σ_{k=1..m} ∂z/∂x_i at (k/m) x  (right Riemann sum from the blank x' = 0)
 * Integrated gradients' completeness: Σ_i map_i ≈ z(x) − z(0), exact as m → ∞.
 */
import type { FloatArray } from '../model/initialize';
import { SeededRandom } from '../model/random';
import type { AttributionEngine } from './attributionEngine';
import { gradientSum, PLANE, type LogitTarget } from './logitTarget';

/** ∂z/∂x at x. */
export function plainGradient(engine: AttributionEngine, input: FloatArray, target: LogitTarget): Float64Array {
  return gradientSum(engine, 1, (_, out, offset) => out.set(input.subarray(0, PLANE), offset), target);
}

/** x ∘ ∂z/∂x. */
export function gradientTimesInput(engine: AttributionEngine, input: FloatArray, target: LogitTarget): Float64Array {
  const gradient = plainGradient(engine, input, target);
  for (let i = 0; i < PLANE; i++) gradient[i] *= input[i];
  return gradient;
}

/** The mean gradient over `samples` noisy copies x + σ ε (the noise drawn from a generator seeded with `seed`). */
export function smoothGrad(
  engine: AttributionEngine,
  input: FloatArray,
  target: LogitTarget,
  samples: number,
  sigma: number,
  seed = 1,
): Float64Array {
  const random = new SeededRandom(seed);
  const sum = gradientSum(
    engine,
    samples,
    (_, out, offset) => {
      for (let i = 0; i < PLANE; i++) out[offset + i] = input[i] + sigma * random.normal();
    },
    target,
  );
  for (let i = 0; i < PLANE; i++) sum[i] /= samples;
  return sum;
}

/** Integrated gradients from the blank input with `steps` points of the right Riemann sum. */
export function integratedGradients(
  engine: AttributionEngine,
  input: FloatArray,
  target: LogitTarget,
  steps: number,
): Float64Array {
  const sum = gradientSum(
    engine,
    steps,
    (k, out, offset) => {
      const alpha = (k + 1) / steps;
      for (let i = 0; i < PLANE; i++) out[offset + i] = alpha * input[i];
    },
    target,
  );
  for (let i = 0; i < PLANE; i++) sum[i] *= input[i] / steps;
  return sum;
}
