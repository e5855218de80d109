/**
 * The α panel's data: α from a run's parameters (a softmax per row of c3.alphaLogits, recomputed by hand here), the
 * sparsity it reports, LeCun's table as a grid and the ramp's ends. The gradient check's penalty rows:
 * tests/ui/penalties/penaltyCheck.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { initialParameters } from '../../../src/engine/model/initialize';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../../../src/engine/model/parameters';
import { SeededRandom } from '../../../src/engine/model/random';
import {
  alphaColour,
  alphaFromParams,
  alphaRows,
  alphaSparsity,
  lecunMatrix,
} from '../../../src/ui/combinations/alphaMatrix';

const LEARNED: ArchitectureOptions = {
  activation: 'relu',
  pooling: 'max',
  c3Connectivity: 'learned',
  loss: 'softmax-cross-entropy',
};

/** A learned run's parameters with the logits set by `logit(j, i)`. */
function paramsWith(logit: (j: number, i: number) => number): Float32Array {
  const layers = lenet5Layers(LEARNED);
  const params = initialParameters(layers, 3) as Float32Array;
  const spec = tensorSpec(parameterLayout(layers), 'c3.alphaLogits');
  for (let j = 0; j < 16; j++) for (let i = 0; i < 6; i++) params[spec.offset + j * 6 + i] = logit(j, i);
  return params;
}

describe('α from a run’s parameters', () => {
  it('is null for runs without learned combinations', () => {
    for (const c3 of ['full', 'lenet5'] as const) {
      const layers = lenet5Layers({ ...LEARNED, c3Connectivity: c3 });
      expect(alphaFromParams(layers, initialParameters(layers, 1))).toBeNull();
    }
  });

  it('is 1/6 everywhere at initialisation (logits 0)', () => {
    const layers = lenet5Layers(LEARNED);
    const alpha = alphaFromParams(layers, initialParameters(layers, 1))!;
    expect(alpha.values.length).toBe(96);
    for (const a of alpha.values) expect(a).toBeCloseTo(1 / 6, 12);
    expect(alphaSparsity(alpha).mean).toBe(6);
  });

  it('is the softmax of each row (output map j over input maps i), computed by hand', () => {
    const random = new SeededRandom(5);
    const logits = Array.from({ length: 96 }, () => random.normal() * 2);
    const params = paramsWith((j, i) => logits[j * 6 + i]);
    const rows = alphaRows(alphaFromParams(lenet5Layers(LEARNED), params)!);
    expect(rows.length).toBe(16);
    rows.forEach((row, j) => {
      const c = logits.slice(j * 6, j * 6 + 6).map(Math.fround);
      const z = c.reduce((s, v) => s + Math.exp(v), 0);
      expect(row.length).toBe(6);
      row.forEach((a, i) => expect(a).toBeCloseTo(Math.exp(c[i]) / z, 12));
      expect(row.reduce((s, a) => s + a, 0)).toBeCloseTo(1, 12);
    });
  });

  it('counts, per output map, the inputs with α ≥ 0.05, and their mean', () => {
    // Row j: logit 8 on inputs 0 .. (j % 4), 0 elsewhere: those share nearly all the weight, the others ~e^-8 each.
    const params = paramsWith((j, i) => (i <= j % 4 ? 8 : 0));
    const sparsity = alphaSparsity(alphaFromParams(lenet5Layers(LEARNED), params)!);
    expect(sparsity.perMap).toEqual(Array.from({ length: 16 }, (_, j) => (j % 4) + 1));
    expect(sparsity.mean).toBe(2.5);
  });
});

describe('LeCun’s table as a grid', () => {
  it('has his 60 connections, 3.75 per c3 map, and map 15 reading all six', () => {
    const lecun = lecunMatrix();
    expect(lecun.values.reduce((s, v) => s + v, 0)).toBe(60);
    expect(alphaSparsity(lecun).mean).toBe(3.75);
    expect(Array.from(lecun.values.subarray(0, 6))).toEqual([1, 1, 1, 0, 0, 0]);
    expect(Array.from(lecun.values.subarray(90, 96))).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('the ramp', () => {
  it('runs from dark purple at 0 to yellow at 1, clamped, brighter as α grows', () => {
    expect(alphaColour(0)).toBe('rgb(68,1,84)');
    expect(alphaColour(1)).toBe('rgb(253,231,37)');
    expect(alphaColour(-1)).toBe(alphaColour(0));
    expect(alphaColour(2)).toBe(alphaColour(1));
    const luminance = (css: string) => {
      const [r, g, b] = css.match(/\d+/g)!.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let k = 0; k < 10; k++)
      expect(luminance(alphaColour((k + 1) / 10))).toBeGreaterThan(luminance(alphaColour(k / 10)));
  });
});
