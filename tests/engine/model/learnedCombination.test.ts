/** Learned combinations' math against central finite differences in float64, and the two penalties. */
import { describe, expect, it } from 'vitest';
import {
  addAlphaPenalty,
  combinationGradients,
  combinationWeights,
  effectiveKernels,
  inputsAbove,
} from '../../../src/engine/model/learnedCombination';
import { SeededRandom } from '../../../src/engine/model/random';

const OUT = 16;
const IN = 6;
const AREA = 25;

function randoms(n: number, random: SeededRandom, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => random.normal() * scale);
}

/** E = Σ G ⊙ (α k): a loss whose gradient with respect to the effective kernels is G. */
function loss(kernels: Float64Array, logits: Float64Array, g: Float64Array): number {
  const alpha = combinationWeights(logits, OUT, IN);
  const effective = effectiveKernels(kernels, alpha, AREA, new Float64Array(kernels.length));
  let sum = 0;
  for (let t = 0; t < effective.length; t++) sum += effective[t] * g[t];
  return sum;
}

describe('learned combinations', () => {
  const random = new SeededRandom(7);
  const kernels = randoms(OUT * IN * AREA, random, 0.3);
  const logits = randoms(OUT * IN, random);
  const g = randoms(OUT * IN * AREA, random);

  it('α is a softmax over each output map’s inputs', () => {
    const alpha = combinationWeights(logits, OUT, IN);
    for (let j = 0; j < OUT; j++) {
      const row = Array.from(alpha.subarray(j * IN, (j + 1) * IN));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      expect(Math.min(...row)).toBeGreaterThan(0);
    }
    expect(combinationWeights(new Float64Array(OUT * IN), OUT, IN)[5]).toBeCloseTo(1 / 6, 15);
    expect(inputsAbove(combinationWeights(new Float64Array(OUT * IN), OUT, IN), OUT, IN)).toEqual(Array(OUT).fill(6));
  });

  it('maps the effective kernels’ gradient to ∂E/∂k and ∂E/∂c, as finite differences give them', () => {
    const alpha = combinationWeights(logits, OUT, IN);
    const gk = new Float64Array(kernels.length);
    const gc = new Float64Array(logits.length);
    combinationGradients(g, kernels, alpha, OUT, IN, AREA, gk, gc);
    const h = 1e-6;
    for (const index of [0, 7, 100, 1234, 2399]) {
      const plus = Float64Array.from(kernels);
      const minus = Float64Array.from(kernels);
      plus[index] += h;
      minus[index] -= h;
      expect(gk[index]).toBeCloseTo((loss(plus, logits, g) - loss(minus, logits, g)) / (2 * h), 7);
    }
    for (let index = 0; index < logits.length; index++) {
      const plus = Float64Array.from(logits);
      const minus = Float64Array.from(logits);
      plus[index] += h;
      minus[index] -= h;
      expect(gc[index]).toBeCloseTo((loss(kernels, plus, g) - loss(kernels, minus, g)) / (2 * h), 7);
    }
  });

  const penalty = (kind: 'l1' | 'entropy', c: Float64Array) =>
    addAlphaPenalty(kind, 0.5, combinationWeights(c, OUT, IN), OUT, IN, new Float64Array(c.length));

  it('the tutorial’s L1 penalty is the constant λ·16 and its gradient (eq. 21) is zero to rounding', () => {
    const gc = new Float64Array(logits.length);
    const value = addAlphaPenalty('l1', 0.5, combinationWeights(logits, OUT, IN), OUT, IN, gc);
    expect(value).toBeCloseTo(0.5 * OUT, 13);
    expect(Math.max(...gc.map(Math.abs))).toBeLessThan(1e-15);
    expect(penalty('l1', randoms(OUT * IN, new SeededRandom(3), 4))).toBeCloseTo(0.5 * OUT, 13);
  });

  it('the entropy penalty’s gradient equals finite differences, and is not zero', () => {
    const gc = new Float64Array(logits.length);
    addAlphaPenalty('entropy', 0.5, combinationWeights(logits, OUT, IN), OUT, IN, gc);
    const h = 1e-6;
    for (let index = 0; index < logits.length; index++) {
      const plus = Float64Array.from(logits);
      const minus = Float64Array.from(logits);
      plus[index] += h;
      minus[index] -= h;
      expect(gc[index]).toBeCloseTo((penalty('entropy', plus) - penalty('entropy', minus)) / (2 * h), 7);
    }
    expect(Math.max(...gc.map(Math.abs))).toBeGreaterThan(1e-3);
    // Uniform α is the entropy's maximum (ln 6 per map), and a stationary point.
    expect(penalty('entropy', new Float64Array(OUT * IN))).toBeCloseTo(0.5 * OUT * Math.log(6), 12);
  });
});
