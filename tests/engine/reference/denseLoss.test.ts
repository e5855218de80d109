import { describe, expect, it } from 'vitest';
import { denseBackward, denseForward } from '../../../src/engine/reference/dense';
import { lossBackward, lossValue, softmax } from '../../../src/engine/reference/loss';
import { activate, activationBackward, TANH_AMPLITUDE } from '../../../src/engine/reference/activation';

describe('dense layer', () => {
  // w = [[1, 2, 3], [-1, 0, 1]], bias = [0.5, -0.5], x = [1, 1, 2]
  const params = Float64Array.of(1, 2, 3, -1, 0, 1, 0.5, -0.5);
  const x = Float64Array.of(1, 1, 2);
  const dims = { batchSize: 1, inFeatures: 3, outFeatures: 2 };

  it('computes w x + b by hand', () => {
    const y = new Float64Array(2);
    denseForward(dims, x, params, 0, 6, y);
    expect(Array.from(y)).toEqual([9.5, 0.5]);
  });

  it('computes dx = w^T dy, dw = dy x^T, db = dy by hand', () => {
    const grads = new Float64Array(8);
    const dx = new Float64Array(3);
    denseBackward(dims, x, params, 0, 6, Float64Array.of(1, 2), grads, dx);
    expect(Array.from(dx)).toEqual([-1, 2, 5]);
    expect(Array.from(grads)).toEqual([1, 1, 2, 2, 2, 4, 1, 2]);
  });
});

describe('softmax and the losses', () => {
  const z = Float64Array.of(0, Math.log(3)); // softmax = [0.25, 0.75]

  it('softmax by hand', () => {
    const p = new Float64Array(2);
    softmax(z, p, 1, 2);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
  });

  it('cross-entropy is -log p[label] and its gradient p - onehot', () => {
    const p = Float64Array.of(0.25, 0.75);
    expect(lossValue('softmax-cross-entropy', z, p, [1], 1, 2)).toBeCloseTo(-Math.log(0.75), 12);
    const dz = new Float64Array(2);
    lossBackward('softmax-cross-entropy', p, [1], 1, 2, dz);
    expect(dz[0]).toBeCloseTo(0.25, 12);
    expect(dz[1]).toBeCloseTo(-0.25, 12);
  });

  it('mean squared error averages (p - onehot)^2 over classes and batch', () => {
    const p = Float64Array.of(0.25, 0.75);
    // ((0.25 - 0)^2 + (0.75 - 1)^2) / 2 = 0.0625
    expect(lossValue('mean-squared-error', z, p, [1], 1, 2)).toBeCloseTo(0.0625, 12);
    // g = (0.25, -0.25); dz_j = p_j (g_j - sum_k g_k p_k) with sum = -0.125
    const dz = new Float64Array(2);
    lossBackward('mean-squared-error', p, [1], 1, 2, dz);
    expect(dz[0]).toBeCloseTo(0.25 * (0.25 + 0.125), 12);
    expect(dz[1]).toBeCloseTo(0.75 * (-0.25 + 0.125), 12);
  });
});

describe('activations', () => {
  it('relu, LeCun tanh and sigmoid by hand', () => {
    const pre = Float64Array.of(-1, 0, 1.5);
    const out = new Float64Array(3);
    activate('relu', pre, out);
    expect(Array.from(out)).toEqual([0, 0, 1.5]);
    activate('tanh', Float64Array.of(1.5), out, 1);
    expect(out[0]).toBeCloseTo(TANH_AMPLITUDE * Math.tanh(1), 12); // f(1.5) = 1.7159 tanh(1)
    activate('sigmoid', Float64Array.of(0), out, 1);
    expect(out[0]).toBe(0.5);
  });

  it('derivatives: relu 0/1, tanh (2/3)(A - y^2/A), sigmoid y(1 - y)', () => {
    const dPre = new Float64Array(1);
    activationBackward('sigmoid', Float64Array.of(0), Float64Array.of(0.5), Float64Array.of(1), dPre);
    expect(dPre[0]).toBe(0.25);
    activationBackward('tanh', Float64Array.of(0), Float64Array.of(0), Float64Array.of(1), dPre);
    expect(dPre[0]).toBeCloseTo(TANH_AMPLITUDE * (2 / 3), 12);
    activationBackward('relu', Float64Array.of(-2), Float64Array.of(0), Float64Array.of(5), dPre);
    expect(dPre[0]).toBe(0);
  });
});
