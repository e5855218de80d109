/**
 * The tooltip's ∂E/∂c in the tutorial's terms (eq. 16-17: ∂E/∂α_i = Σ_uv (δ ∘ (x_i * k_i))_uv, then the softmax's
 * Jacobian), from one image's s2 output and c3 sensitivity map, against the float64 reference engine's own gradient
 * of c3.alphaLogits; the edges' opacities; and the effective kernels the view reads (α k).
 */
import { describe, expect, it } from 'vitest';
import { initialParameters } from '../../../src/engine/model/initialize';
import { combinationWeights } from '../../../src/engine/model/learnedCombination';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../../../src/engine/model/parameters';
import { SeededRandom } from '../../../src/engine/model/random';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { logitsOf, mapLogitGradient } from '../../../src/ui/combinations/logitGradient';
import { edgeOpacities, focusAlphas } from '../../../src/viz/combinationEdges';
import { effectiveParams } from '../../../src/viz/effectiveWeights';

const LEARNED: ArchitectureOptions = {
  activation: 'tanh',
  pooling: 'max',
  c3Connectivity: 'learned',
  loss: 'softmax-cross-entropy',
};

function network(): ReferenceNetwork {
  const layers = lenet5Layers(LEARNED);
  const net = new ReferenceNetwork(layers, LEARNED.loss, initialParameters(layers, 2, Float64Array));
  const random = new SeededRandom(31);
  const logits = tensorSpec(net.layout, 'c3.alphaLogits');
  for (let i = 0; i < logits.size; i++) net.params[logits.offset + i] = random.normal() * 1.5;
  return net;
}

describe('∂E/∂c of a c3 map in the tutorial’s terms', () => {
  it('equals the reference engine’s gradient of c3.alphaLogits for every map and input (1e-9 relative)', () => {
    const net = network();
    const random = new SeededRandom(4);
    const input = Float64Array.from({ length: 1024 }, () => random.uniform());
    const pass = net.forward(input, 1);
    const backward = net.backward(pass, [3]);
    const s2 = pass.layers.find((l) => l.id === 's2')!.out;
    const c3Delta = backward.deltas.find((d) => d.id === 'c3')!.dPre!;
    const logits = tensorSpec(net.layout, 'c3.alphaLogits');
    let largest = 0;
    for (let j = 0; j < 16; j++) {
      const map = c3Delta.subarray(j * 100, (j + 1) * 100);
      const mine = mapLogitGradient(net.layers, net.params, s2, map, j)!;
      for (let i = 0; i < 6; i++) {
        const engine = backward.gradients[logits.offset + j * 6 + i];
        largest = Math.max(largest, Math.abs(engine));
        expect(Math.abs(mine.logitGradient[i] - engine)).toBeLessThanOrEqual(1e-9 * Math.max(1e-6, Math.abs(engine)));
      }
      expect(mine.alpha.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(largest).toBeGreaterThan(1e-6); // the check compared numbers that are not all zero
  });

  it('is null, as the logits are, for a run without learned combinations', () => {
    const layers = lenet5Layers({ ...LEARNED, c3Connectivity: 'full' });
    const params = initialParameters(layers, 1);
    expect(logitsOf(layers, params)).toBeNull();
    expect(mapLogitGradient(layers, params, new Float32Array(6 * 196), new Float32Array(100), 0)).toBeNull();
  });
});

describe('the view’s weights with learned combinations', () => {
  it('reads c3’s kernels as α_ij k_ij and leaves every other parameter (and other runs) as it is', () => {
    const net = network();
    const layout = parameterLayout(net.layers);
    const effective = effectiveParams(net.layers, net.params);
    const weights = tensorSpec(layout, 'c3.weight');
    const logits = tensorSpec(layout, 'c3.alphaLogits');
    const alpha = combinationWeights(net.params.subarray(logits.offset, logits.offset + 96), 16, 6);
    for (let k = 0; k < net.params.length; k++) {
      const inC3 = k >= weights.offset && k < weights.offset + weights.size;
      const expected = inC3 ? net.params[k] * alpha[Math.floor((k - weights.offset) / 25)] : net.params[k];
      if (effective[k] !== expected) expect(effective[k]).toBeCloseTo(expected, 14);
    }
    const full = lenet5Layers({ ...LEARNED, c3Connectivity: 'full' });
    const fullParams = initialParameters(full, 1);
    expect(effectiveParams(full, fullParams)).toBe(fullParams);
  });

  it('draws a c3 node’s edges with opacity α / max α of its map, 1 elsewhere', () => {
    const net = network();
    const alphas = focusAlphas(net.layers, net.params, { layer: 'c3', c: 5, y: 2, x: 2 })!;
    const logits = tensorSpec(net.layout, 'c3.alphaLogits');
    const expected = combinationWeights(net.params.subarray(logits.offset + 30, logits.offset + 36), 1, 6);
    alphas.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 14));
    const sources = [0, 1, 2, 3, 4, 5].map((c) => ({ c }));
    const opacities = edgeOpacities(alphas, sources);
    expect(Math.max(...opacities)).toBe(1);
    opacities.forEach((o, i) => expect(o).toBeCloseTo(alphas[i] / Math.max(...alphas), 14));
    expect(focusAlphas(net.layers, net.params, { layer: 'c1', c: 0, y: 0, x: 0 })).toBeNull();
    expect(edgeOpacities(null, sources)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
