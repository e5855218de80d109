/**
 * Stride and padding against a direct float64 convolution over an explicitly zero-padded copy of the
 * input: sizes ⌊(32 + 2p − 5)/s⌋ + 1 against hand values, every value within 1e-12; stride 1 without
 * padding is the engine's own c1 map.
 */
import { describe, expect, it } from 'vitest';
import { frameFromPass, frameValues } from '../../../src/engine/activationFrame';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../../../src/engine/model/parameters';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { convolutionOutputSize, strideDemo } from '../../../src/viz/closeup/strideDemo';
import { shippedNetwork, testDigit } from '../../../scripts/shippedNetworks';

/** The direct convolution: pad, slide with the stride, add the bias, apply the activation. */
function direct(
  input: Float32Array,
  kernel: ArrayLike<number>,
  bias: number,
  stride: number,
  padding: number,
  activation: 'relu' | 'tanh',
) {
  const side = 32 + 2 * padding;
  const padded = new Float64Array(side * side);
  for (let y = 0; y < 32; y++)
    for (let x = 0; x < 32; x++) padded[(y + padding) * side + x + padding] = input[y * 32 + x];
  const rows: number[][] = [];
  for (let top = 0; top + 5 <= side; top += stride) {
    const row: number[] = [];
    for (let left = 0; left + 5 <= side; left += stride) {
      let z = bias;
      for (let t = 0; t < 25; t++) z += padded[(top + Math.floor(t / 5)) * side + left + (t % 5)] * kernel[t];
      row.push(activation === 'relu' ? Math.max(0, z) : 1.7159 * Math.tanh((2 / 3) * z));
    }
    rows.push(row);
  }
  return rows;
}

describe.each(['lenet5-default', 'lenet5-classic'])('stride and padding on %s', (name) => {
  it('equals a direct float64 convolution for strides 1-3 and paddings 0-2, sized ⌊(32 + 2p − 5)/s⌋ + 1', async () => {
    const network = await shippedNetwork(name);
    const layers = lenet5Layers(network.architecture);
    const layout = parameterLayout(layers);
    const input = testDigit(5);
    const sizes: Record<string, number> = {};
    for (const c of [0, 3, 5]) {
      const kernelAt = tensorSpec(layout, 'c1.weight').offset + c * 25;
      const kernel = network.params.subarray(kernelAt, kernelAt + 25);
      const bias = network.params[tensorSpec(layout, 'c1.bias').offset + c];
      for (const stride of [1, 2, 3]) {
        for (const padding of [0, 1, 2]) {
          const demo = strideDemo(layers, input, network.params, { c, stride, padding });
          const want = direct(input, kernel, bias, stride, padding, network.architecture.activation as 'relu' | 'tanh');
          expect(demo.shape).toEqual([want.length, want[0].length]);
          sizes[`${stride}/${padding}`] = demo.shape[0];
          want
            .flat()
            .forEach((v, i) => expect(Math.abs(demo.map[i] - v), `${c} ${stride} ${padding} ${i}`).toBeLessThan(1e-12));
        }
      }
    }
    expect(sizes).toEqual({
      '1/0': 28,
      '1/1': 30,
      '1/2': 32,
      '2/0': 14,
      '2/1': 15,
      '2/2': 16,
      '3/0': 10,
      '3/1': 10,
      '3/2': 11,
    });
    expect(convolutionOutputSize(32, 5, 2, 1)).toBe(15);
  });

  it("with stride 1 and no padding it is the network's own c1 map", async () => {
    const network = await shippedNetwork(name);
    const layers = lenet5Layers(network.architecture);
    const input = testDigit(6);
    const reference = new ReferenceNetwork(layers, network.architecture.loss, Float32Array.from(network.params));
    const c1 = frameValues(frameFromPass(layers, reference.forward(input, 1)), 'c1');
    for (const c of [1, 4]) {
      const demo = strideDemo(layers, input, network.params, { c, stride: 1, padding: 0 });
      demo.map.forEach((v, i) => expect(Math.abs(v - c1[c * 784 + i])).toBeLessThan(1e-5));
    }
  });
});

it('refuses a kernel, stride or padding out of range', () => {
  const layers = lenet5Layers();
  const params = new Float32Array(parameterLayout(layers).size);
  const input = new Float32Array(1024);
  expect(() => strideDemo(layers, input, params, { c: 6, stride: 1, padding: 0 })).toThrow(/kernels 0-5/);
  expect(() => strideDemo(layers, input, params, { c: 0, stride: 0, padding: 0 })).toThrow(/a stride/);
  expect(() => strideDemo(layers, input, params, { c: 0, stride: 1.5, padding: 0 })).toThrow(/a stride/);
  expect(() => strideDemo(layers, input, params, { c: 0, stride: 1, padding: -1 })).toThrow(/a padding/);
  expect(() => strideDemo(layers, new Float32Array(5), params, { c: 0, stride: 1, padding: 0 })).toThrow(/1024/);
});
