import { describe, expect, it } from 'vitest';
import { initialParameters } from '../../../src/engine/model/initialize';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { layerTensorShapes, parameterLayout, tensorSpec } from '../../../src/engine/model/parameters';
import { SeededRandom } from '../../../src/engine/model/random';
import { sgdMomentumStep } from '../../../src/engine/reference/sgd';
import { stepStats } from '../../../src/engine/reference/stepStats';

describe('the momentum charts’ figures of one SGD step', () => {
  it('gives each parameter layer ‖grad + wd w‖, ‖v‖ and ‖Δw‖ / ‖w‖ from the state after the step', () => {
    const layers = lenet5Layers({
      activation: 'tanh',
      pooling: 'subsample',
      c3Connectivity: 'learned',
      loss: 'softmax-cross-entropy',
    });
    const layout = parameterLayout(layers);
    const before = initialParameters(layers, 2, Float64Array) as Float64Array;
    const random = new SeededRandom(3);
    const gradients = Float64Array.from({ length: layout.size }, () => random.normal() * 0.01);
    const velocity = Float64Array.from({ length: layout.size }, () => random.normal() * 0.001);
    const params = Float64Array.from(before);
    const settings = { learningRate: 0.05, momentum: 0.9, weightDecay: 0.01 };
    sgdMomentumStep(params, gradients, velocity, settings);
    const stats = stepStats(layers, layout, params, gradients, velocity, settings.weightDecay);
    expect(stats.map((s) => s.layer)).toEqual(['c1', 's2', 'c3', 's4', 'c5', 'f6', 'output']);
    for (const s of stats) {
      const layer = layers.find((l) => l.id === s.layer)!;
      let g2 = 0;
      let d2 = 0;
      let w2 = 0;
      let v2 = 0;
      for (const { name } of layerTensorShapes(layer)) {
        const t = tensorSpec(layout, name);
        for (let i = t.offset; i < t.offset + t.size; i++) {
          g2 += (gradients[i] + settings.weightDecay * before[i]) ** 2;
          d2 += (params[i] - before[i]) ** 2;
          w2 += before[i] ** 2;
          v2 += velocity[i] ** 2;
        }
      }
      expect(s.gradientNorm).toBeCloseTo(Math.sqrt(g2), 9);
      expect(s.velocityNorm).toBeCloseTo(Math.sqrt(v2), 12);
      expect(s.updateRatio / (Math.sqrt(d2) / Math.sqrt(w2))).toBeCloseTo(1, 9);
      expect(s.updateRatio).toBeGreaterThan(0);
    }
  });
});
