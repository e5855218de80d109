import { describe, expect, it } from 'vitest';
import { poolBackward, poolForward } from '../../../src/engine/reference/pool';

// The window [[1, 2], [3, 2]] read row-major is [1, 2, 3, 2].
const x = Float64Array.from([1, 2, 3, 2]);
const dims = { batchSize: 1, channels: 1, outSize: 1 };

describe('2x2 pooling of [1, 2, 3, 2]', () => {
  it('max pooling gives 3 and routes the gradient to the winning cell only', () => {
    const y = new Float64Array(1);
    const argmax = new Uint8Array(1);
    poolForward('max', dims, x, y, argmax, null);
    expect(y[0]).toBe(3);
    expect(argmax[0]).toBe(2);
    const dx = new Float64Array(4);
    poolBackward('max', dims, x, Float64Array.of(3), argmax, dx, null, null);
    expect(Array.from(dx)).toEqual([0, 0, 3, 0]);
  });

  it('mean pooling gives 2 and spreads dy/4 to every cell (d mean / d x_i = 1/4)', () => {
    const y = new Float64Array(1);
    poolForward('mean', dims, x, y, null, null);
    expect(y[0]).toBe(2);
    const dx = new Float64Array(4);
    poolBackward('mean', dims, x, Float64Array.of(8), null, dx, null, null);
    expect(Array.from(dx)).toEqual([2, 2, 2, 2]);
  });

  it('max pooling breaks ties toward the first cell in row-major order', () => {
    const y = new Float64Array(1);
    const argmax = new Uint8Array(1);
    poolForward('max', dims, Float64Array.of(4, 4, 1, 4), y, argmax, null);
    expect(argmax[0]).toBe(0);
  });

  it('trainable subsampling computes coeff * sum + bias and its three gradients', () => {
    const params = Float64Array.of(0.5, -1); // coeff, bias
    const pre = new Float64Array(1);
    poolForward('subsample', dims, x, pre, null, params, 0, 1);
    expect(pre[0]).toBe(0.5 * 8 - 1);
    const dx = new Float64Array(4);
    const grads = new Float64Array(2);
    poolBackward('subsample', dims, x, Float64Array.of(2), null, dx, params, grads, 0, 1);
    expect(Array.from(dx)).toEqual([1, 1, 1, 1]); // dy * coeff
    expect(Array.from(grads)).toEqual([16, 2]); // dy * sum, dy
  });
});
