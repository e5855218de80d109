import { describe, expect, it } from 'vitest';
import { initialParameters } from '../../../src/engine/model/initialize';
import { combinationWeights } from '../../../src/engine/model/learnedCombination';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { tensorSpec } from '../../../src/engine/model/parameters';
import { SeededRandom } from '../../../src/engine/model/random';
import { checkGradients } from '../../../src/engine/reference/gradientCheck';
import { addCombinationPenalty } from '../../../src/engine/reference/learnedConv';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { checkWeight } from '../../../src/engine/reference/weightCheck';

const LEARNED: ArchitectureOptions = {
  activation: 'relu',
  pooling: 'max',
  c3Connectivity: 'learned',
  loss: 'softmax-cross-entropy',
};

function randomBatch(batchSize: number, seed: number): Float64Array {
  const random = new SeededRandom(seed);
  return Float64Array.from({ length: batchSize * 1024 }, () => random.uniform());
}

/** A float64 learned network with random biases and logits spread enough that α is far from uniform. */
function learnedNetwork(options = LEARNED, logitScale = 1.5): ReferenceNetwork {
  const layers = lenet5Layers(options);
  const network = new ReferenceNetwork(layers, options.loss, initialParameters(layers, 4, Float64Array));
  const random = new SeededRandom(12);
  for (const t of network.layout.tensors) {
    if (t.name.endsWith('.bias')) for (let i = 0; i < t.size; i++) network.params[t.offset + i] = random.normal() * 0.1;
    if (t.name.endsWith('.alphaLogits'))
      for (let i = 0; i < t.size; i++) network.params[t.offset + i] = random.normal() * logitScale;
  }
  return network;
}

describe('c3 with learned combinations on the reference engine', () => {
  it('computes u_j = Σ_i α_ij (x_i * k_ij) + b_j: the full network with kernels α_ij k_ij, to 1e-12', () => {
    const learned = learnedNetwork();
    const fullLayers = lenet5Layers({ ...LEARNED, c3Connectivity: 'full' });
    const full = new ReferenceNetwork(fullLayers, LEARNED.loss, new Float64Array(learned.layout.size - 96));
    const logits = tensorSpec(learned.layout, 'c3.alphaLogits');
    const alpha = combinationWeights(learned.params.subarray(logits.offset, logits.offset + 96), 16, 6);
    for (const t of full.layout.tensors) {
      const from = tensorSpec(learned.layout, t.name);
      for (let i = 0; i < t.size; i++) {
        const scale = t.name === 'c3.weight' ? alpha[Math.floor(i / 25)] : 1;
        full.params[t.offset + i] = learned.params[from.offset + i] * scale;
      }
    }
    const input = randomBatch(3, 8);
    const a = learned.forward(input, 3);
    const b = full.forward(input, 3);
    a.layers.forEach((layer, l) => {
      const other = b.layers[l].out;
      let worst = 0;
      for (let i = 0; i < layer.out.length; i++) worst = Math.max(worst, Math.abs(layer.out[i] - other[i]));
      expect(worst, layer.id).toBeLessThan(1e-12);
    });
    // And α is far from uniform, so the comparison could have failed had α been ignored.
    expect(Math.max(...alpha) - Math.min(...alpha)).toBeGreaterThan(0.5);
  });

  it.each(['max', 'subsample'] as const)(
    'matches finite differences on every one of the 96 logits and their nonzero gradient (%s pooling)',
    (pooling) => {
      const network = learnedNetwork({ ...LEARNED, pooling, activation: pooling === 'max' ? 'relu' : 'tanh' });
      const results = checkGradients(network, randomBatch(2, 5), [3, 8], 2, { entriesPerTensor: 96 });
      const logits = results.find((r) => r.tensor === 'c3.alphaLogits')!;
      expect(logits.checked).toBe(96);
      expect(logits.maxRelativeError, JSON.stringify(logits)).toBeLessThanOrEqual(1e-4);
      expect(results.find((r) => r.tensor === 'c3.weight')!.maxRelativeError).toBeLessThanOrEqual(1e-4);
      const spec = tensorSpec(network.layout, 'c3.alphaLogits');
      const g = network.backward(network.forward(randomBatch(2, 5), 2), [3, 8]).gradients;
      const largest = Math.max(...Array.from(g.subarray(spec.offset, spec.offset + 96), Math.abs));
      expect(largest).toBeGreaterThan(1e-4);
    },
  );

  it("l1's contribution to the logits' gradient is zero to rounding (Σα = 1); entropy's is not", () => {
    const network = learnedNetwork();
    const input = randomBatch(4, 9);
    const base = network.backward(network.forward(input, 4), [1, 4, 7, 9]).gradients as Float64Array;
    const spec = tensorSpec(network.layout, 'c3.alphaLogits');
    const logitsOf = (kind: 'none' | 'l1' | 'entropy') => {
      const gradients = Float64Array.from(base);
      const value = addCombinationPenalty(network.layers, network.layout, network.params, gradients, kind, 1);
      expect(gradients.subarray(0, spec.offset)).toEqual(base.subarray(0, spec.offset)); // only the logits move
      return { value, logits: gradients.subarray(spec.offset, spec.offset + spec.size) };
    };
    const none = logitsOf('none');
    const l1 = logitsOf('l1');
    const entropy = logitsOf('entropy');
    const worst = (a: Float64Array, b: Float64Array) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    expect(worst(l1.logits, none.logits)).toBeLessThanOrEqual(1e-12);
    expect(l1.value).toBeCloseTo(16, 12); // λ Σ_j Σ_i |α_ij| = 16 maps x 1, whatever the logits
    expect(worst(entropy.logits, none.logits)).toBeGreaterThan(1e-3);
    expect(entropy.value).toBeGreaterThan(0);
    expect(entropy.value).toBeLessThan(16 * Math.log(6));
  });

  it('checks a logit with and without a penalty: l1 leaves both derivatives unchanged, entropy adds to both', () => {
    const network = learnedNetwork();
    const input = randomBatch(1, 3);
    const at = (kind: 'none' | 'l1' | 'entropy') =>
      checkWeight(network.layers, 'softmax-cross-entropy', network.params, input, 2, 'c3.alphaLogits', 13, 1e-4, {
        kind,
        lambda: 1,
      });
    const none = at('none');
    const l1 = at('l1');
    const entropy = at('entropy');
    for (const check of [none, l1, entropy]) expect(check.relativeDifference).toBeLessThan(1e-5);
    expect(Math.abs(l1.analytic - none.analytic)).toBeLessThan(1e-12);
    expect(Math.abs(l1.numeric - none.numeric)).toBeLessThan(1e-8);
    expect(Math.abs(entropy.analytic - none.analytic)).toBeGreaterThan(1e-3);
  });
});
