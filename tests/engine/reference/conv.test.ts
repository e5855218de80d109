import { describe, expect, it } from 'vitest';
import { convBackward, convForward, type ConvDims } from '../../../src/engine/reference/conv';

// One 3x3 input map, one 2x2 kernel: a case small enough to compute by hand.
const dims: ConvDims = { batchSize: 1, inChannels: 1, inSize: 3, outChannels: 1, kernelSize: 2, connections: [[0]] };
const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
// params = [w00, w01, w10, w11, bias]
const params = Float64Array.from([1, 0, -1, 2, 0.5]);

describe('convForward', () => {
  it('computes the 2x2 valid correlation plus bias by hand', () => {
    const y = new Float64Array(4);
    convForward(dims, x, params, 0, 4, y);
    // y[0][0] = 1*1 + 2*0 + 4*-1 + 5*2 + 0.5 = 7.5, and so on across the map.
    expect(Array.from(y)).toEqual([7.5, 9.5, 13.5, 15.5]);
  });

  it('reads only the input maps in the connection table', () => {
    const two: ConvDims = { ...dims, inChannels: 2, connections: [[1]] };
    const x2 = Float64Array.from([...x, ...x.map((v) => v * 10)]);
    const p2 = Float64Array.from([9, 9, 9, 9, 1, 0, -1, 2, 0.5]); // map 0's kernel must be ignored
    const y = new Float64Array(4);
    convForward(two, x2, p2, 0, 8, y);
    expect(Array.from(y)).toEqual([70.5, 90.5, 130.5, 150.5]);
  });
});

describe('convBackward', () => {
  it('gives dw, db and dx by hand for dy = 1 at one output', () => {
    const dy = Float64Array.from([0, 0, 0, 1]); // only y[1][1] receives gradient
    const grads = new Float64Array(5);
    const dx = new Float64Array(9);
    convBackward(dims, x, params, 0, 4, dy, grads, dx);
    // dw = the input window under y[1][1]: [[5,6],[8,9]]; db = 1.
    expect(Array.from(grads)).toEqual([5, 6, 8, 9, 1]);
    // dx scatters the kernel onto that window.
    expect(Array.from(dx)).toEqual([0, 0, 0, 0, 1, 0, 0, -1, 2]);
  });
});
