import { describe, expect, it } from 'vitest';
import { allArchitectures, lenet5Layers } from '../../../src/engine/model/lenet5';
import { initialParameters } from '../../../src/engine/model/initialize';
import { SeededRandom } from '../../../src/engine/model/random';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { checkGradients } from '../../../src/engine/reference/gradientCheck';

const TOLERANCE = 1e-4; // relative error, float64 oracle

const combinations = allArchitectures();

function randomBatch(batchSize: number, seed: number): Float64Array {
  const random = new SeededRandom(seed);
  return Float64Array.from({ length: batchSize * 1024 }, () => random.uniform());
}

describe('finite-difference gradient check of every tensor and the input', () => {
  it.each(combinations.map((c) => [Object.values(c).join(' / '), c] as const))('%s', (_, options) => {
    const layers = lenet5Layers(options);
    const params = initialParameters(layers, 3, Float64Array);
    // Random biases and subsampling coefficients so that no gradient path is trivially zero.
    const random = new SeededRandom(11);
    const network = new ReferenceNetwork(layers, options.loss, params);
    for (const t of network.layout.tensors) {
      if (!t.name.endsWith('.weight'))
        for (let i = 0; i < t.size; i++)
          params[t.offset + i] = random.normal() * 0.1 + (t.name.endsWith('.coeff') ? 0.3 : 0);
    }
    const results = checkGradients(network, randomBatch(2, 5), [3, 8], 2);
    const names = results.map((r) => r.tensor);
    expect(names).toEqual([...network.layout.tensors.map((t) => t.name), 'input']);
    for (const r of results) {
      expect(
        r.maxRelativeError,
        `${r.tensor}[${r.worstIndex}]: analytic ${r.analytic} numeric ${r.numeric}`,
      ).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('notices a wrong gradient (the check can fail)', () => {
    const layers = lenet5Layers({
      activation: 'relu',
      pooling: 'max',
      c3Connectivity: 'full',
      loss: 'softmax-cross-entropy',
    });
    const network = new ReferenceNetwork(layers, 'softmax-cross-entropy', initialParameters(layers, 3, Float64Array));
    const backward = network.backward.bind(network);
    network.backward = (pass, labels) => {
      const result = backward(pass, labels);
      result.gradients[network.layout.tensors[1].offset] *= 1.01; // c1.bias[0] off by 1%
      return result;
    };
    const results = checkGradients(network, randomBatch(2, 5), [3, 8], 2);
    expect(results.find((r) => r.tensor === 'c1.bias')!.maxRelativeError).toBeGreaterThan(TOLERANCE);
  });
});
