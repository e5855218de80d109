/**
 * Attribution on a mean-squared-error network (the tutorial's 均方误差 output: no softmax, each output unit
 * activated on its own): the explained value is the target unit's pre-activation, not its activation. Checked on
 * the float64 reference engine with seeded weights: the score, the gradient against central finite differences,
 * and integrated gradients' completeness.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../../../src/engine/interpret/attribute';
import { initialParameters } from '../../../src/engine/model/initialize';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { SeededRandom } from '../../../src/engine/model/random';
import { referenceEngine } from '../../../src/engine/reference/referenceAttribution';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { testDigit } from './shippedFixtures';

const MSE: ArchitectureOptions = {
  activation: 'tanh',
  pooling: 'subsample',
  c3Connectivity: 'lenet5',
  loss: 'mean-squared-error',
};

function network(): ReferenceNetwork {
  const layers = lenet5Layers(MSE);
  return new ReferenceNetwork(layers, MSE.loss, initialParameters(layers, 5, Float64Array));
}

/** The output layer's pre-activation and activation of one input. */
function outputs(net: ReferenceNetwork, input: Float64Array): { pre: Float64Array; out: Float64Array } {
  const last = net.forward(input, 1).layers[net.layers.length - 1];
  return { pre: Float64Array.from(last.pre!), out: Float64Array.from(last.out) };
}

describe('attribution on a mean-squared-error network (float64 reference)', () => {
  it("explains the target unit's pre-activation, whose gradient equals central finite differences", () => {
    const net = network();
    const input = testDigit(2);
    const { pre, out } = outputs(net, input);
    // The activation differs from the pre-activation, so the test tells the two apart.
    expect(Math.abs(out[3] - pre[3])).toBeGreaterThan(1e-6);
    const result = attribute(referenceEngine(net), input, 'gradient', { target: 3, contrast: null });
    expect(result.score).toBeCloseTo(pre[3], 12);

    const random = new SeededRandom(11);
    const inked = [...input.keys()].filter((i) => input[i] > 0);
    let nonZero = 0;
    for (let n = 0; n < 40; n++) {
      const i = n % 2 ? inked[random.int(inked.length)] : random.int(1024);
      const epsilon = 1e-6;
      const at = (delta: number) => {
        const moved = input.slice();
        moved[i] += delta;
        return outputs(net, moved).pre[3];
      };
      const numeric = (at(epsilon) - at(-epsilon)) / (2 * epsilon);
      expect(Math.abs(result.map[i] - numeric), `pixel ${i}`).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(numeric)));
      if (numeric !== 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThanOrEqual(20);
  });

  it('integrated gradients add up to z_t(x) − z_t(0) within 1% at m = 256', () => {
    const net = network();
    const input = testDigit(4);
    const result = attribute(referenceEngine(net), input, 'integrated', { target: 7, contrast: null, steps: 256 });
    const blank = outputs(net, new Float64Array(1024)).pre[7];
    expect(result.baseline).toBeCloseTo(blank, 12);
    const total = result.map.reduce((sum, v) => sum + v, 0);
    const change = result.score - blank;
    expect(Math.abs(change)).toBeGreaterThan(1e-3);
    expect(Math.abs(total - change)).toBeLessThanOrEqual(0.01 * Math.abs(change));
  });
});
