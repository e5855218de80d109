/**
 * The attribution methods on the float64 reference engine, on both shipped runs and real MNIST test
 * digits: the gradient against central finite differences, integrated gradients' completeness,
 * SmoothGrad and Grad-CAM recomputed by hand, occlusion against explicitly blanked forward passes.
 */
import { describe, expect, it } from 'vitest';
import { attribute, type AttributionMethod } from '../../../src/engine/interpret/attribute';
import { upsampleToInput } from '../../../src/engine/interpret/gradCam';
import { referenceEngine } from '../../../src/engine/reference/referenceAttribution';
import type { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { SeededRandom } from '../../../src/engine/model/random';
import { shippedCheckpoint, testDigit, unevenDigit } from './shippedFixtures';

const runs = { modern: shippedCheckpoint('lenet5-default'), classic: shippedCheckpoint('lenet5-classic') };

/** z_target − z_contrast of one input, by a plain forward pass. */
function value(network: ReferenceNetwork, input: Float64Array, target: number, contrast: number | null = null): number {
  const logits = network.forward(input, 1).layers[network.layers.length - 1].pre!;
  return logits[target] - (contrast === null ? 0 : logits[contrast]);
}

describe.each(['modern', 'classic'] as const)('attribution on the shipped %s run (float64 reference)', (name) => {
  it('gradient: ∂z_t/∂x equals the central finite difference at 60 pixels, also for "A rather than B"', async () => {
    const { reference } = await runs[name];
    const input = unevenDigit(0); // a 7
    const engine = referenceEngine(reference);
    for (const [target, contrast] of [
      [7, null],
      [7, 1],
      [2, null],
    ] as const) {
      const result = attribute(engine, input, 'gradient', { target, contrast });
      expect(result.target).toBe(target);
      expect(result.score).toBeCloseTo(value(reference, input, target, contrast), 12);
      const random = new SeededRandom(target + 17);
      let nonZero = 0,
        kinks = 0;
      const inked = [...input.keys()].filter((i) => input[i] > 0);
      for (let n = 0; n < 60; n++) {
        // Two thirds of the pixels on the ink, a third anywhere.
        const i = n % 3 ? inked[random.int(inked.length)] : random.int(1024);
        const epsilon = 1e-6;
        const at = (delta: number) => {
          const moved = input.slice();
          moved[i] += delta;
          return value(reference, moved, target, contrast);
        };
        const centre = at(0);
        const right = (at(epsilon) - centre) / epsilon,
          left = (centre - at(-epsilon)) / epsilon;
        // A ReLU or max-pooling switch within ε: not differentiable there, skipped.
        if (Math.abs(right - left) > 1e-4 * (1 + Math.abs(right))) {
          kinks++;
          continue;
        }
        const numeric = (right + left) / 2;
        expect(Math.abs(result.map[i] - numeric), `pixel ${i}`).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(numeric)));
        if (numeric !== 0) nonZero++;
      }
      expect(kinks).toBeLessThanOrEqual(2);
      expect(nonZero).toBeGreaterThanOrEqual(40);
    }
  });

  it('gradient x input is x ∘ the gradient; the default target is the reading', async () => {
    const { reference } = await runs[name];
    const input = testDigit(1); // a 2
    const engine = referenceEngine(reference);
    const gradient = attribute(engine, input, 'gradient');
    const times = attribute(engine, input, 'gradientInput');
    expect(gradient.target).toBe(2);
    expect(times.target).toBe(2);
    times.map.forEach((v, i) => expect(v).toBe(gradient.map[i] * input[i]));
    expect(gradient.baseline).toBeNull();
    expect(gradient.raw).toBeNull();
  });

  it('integrated gradients: completeness at m = 256 on real digits; baseline z_t(0); blank pixels get nothing', async () => {
    const { reference } = await runs[name];
    const engine = referenceEngine(reference);
    for (const index of [0, 1, 2, 3, 4]) {
      const input = testDigit(index);
      const result = attribute(engine, input, 'integrated', { steps: 256 });
      expect(result.baseline).toBeCloseTo(value(reference, new Float64Array(1024), result.target), 12);
      const total = result.map.reduce((a, b) => a + b, 0);
      const expected = result.score - result.baseline!;
      expect(Math.abs(expected)).toBeGreaterThan(1);
      const gap = Math.abs(total - expected) / Math.abs(expected);
      if (name === 'modern') expect(gap, `digit ${index}`).toBeLessThanOrEqual(0.01);
      else {
        // The tanh network curves more along the path: the right Riemann sum's gap is its leading error term,
        // (h(1) − h(0)) / 2m with h(α) = x · ∇z(αx) (up to 4% at m = 256 on these digits).
        const along = (alpha: number) => {
          const g = attribute(
            engine,
            input.map((v) => v * alpha),
            'gradient',
            { target: result.target },
          ).map;
          return g.reduce((sum, v, i) => sum + v * input[i], 0);
        };
        const leading = (along(1) - along(0)) / (2 * 256);
        expect(Math.abs(total - expected - leading) / Math.abs(expected), `digit ${index}`).toBeLessThanOrEqual(0.002);
      }
      result.map.forEach((v, i) => {
        if (input[i] === 0) expect(Math.abs(v)).toBe(0);
      });
    }
  });

  it('SmoothGrad: the mean of gradients at seeded noisy copies; with σ = 0 the gradient itself', async () => {
    const { reference } = await runs[name];
    const input = testDigit(3);
    const engine = referenceEngine(reference, 5); // batches of 5: the noise does not depend on batching
    const smooth = attribute(engine, input, 'smoothgrad', { target: 4, samples: 7, sigma: 0.2 });
    const random = new SeededRandom(1);
    const expected = new Float64Array(1024);
    for (let s = 0; s < 7; s++) {
      const noisy = input.map((v) => v + 0.2 * random.normal());
      const g = attribute(referenceEngine(reference), noisy, 'gradient', { target: 4 }).map;
      g.forEach((v, i) => (expected[i] += v / 7));
    }
    smooth.map.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v))));
    const still = attribute(engine, input, 'smoothgrad', { target: 4, samples: 3, sigma: 0 });
    const gradient = attribute(engine, input, 'gradient', { target: 4 });
    still.map.forEach((v, i) => expect(v).toBeCloseTo(gradient.map[i], 12));
  });

  it.each(['c1', 's2', 'c3', 's4'])(
    'Grad-CAM at %s recomputed by hand from the activations and ∂z_t/∂A',
    async (layer) => {
      const { reference } = await runs[name];
      const input = testDigit(4);
      const l = reference.layers.findIndex((s) => s.id === layer);
      const [channels, height, width] = reference.layers[l].shape;
      const result = attribute(referenceEngine(reference), input, 'gradcam', { layer });
      const pass = reference.forward(input, 1);
      const seed = new Float64Array(10);
      seed[result.target] = 1;
      const dA = reference.backwardFrom(pass, reference.layers.length - 1, seed).deltas[l].dOut;
      const A = pass.layers[l].out;
      const cells = height * width;
      expect(result.raw!.length).toBe(cells);
      let positive = 0;
      for (let i = 0; i < cells; i++) {
        let sum = 0;
        for (let k = 0; k < channels; k++) {
          let w = 0;
          for (let j = 0; j < cells; j++) w += dA[k * cells + j];
          sum += (w / cells) * A[k * cells + i];
        }
        expect(result.raw![i]).toBeCloseTo(Math.max(0, sum), 10);
        if (sum > 0) positive++;
      }
      expect(positive).toBeGreaterThan(0);
      // On the input: the cam's value at each cell's receptive-field centre, interpolated between.
      const { map } = result;
      expect(Array.from(map)).toEqual(Array.from(upsampleToInput(reference.layers, l, result.raw!)));
      const [stride, offset] = { c1: [1, 2], s2: [2, 2.5], c3: [2, 6.5], s4: [4, 7.5] }[layer]!;
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const py = offset + stride * y,
            px = offset + stride * x;
          if (Number.isInteger(py) && Number.isInteger(px))
            expect(map[py * 32 + px]).toBeCloseTo(result.raw![y * width + x], 10);
        }
    },
  );

  it('occlusion: every drop equals z_t(x) − z_t(x with the patch blanked) by a plain forward pass', async () => {
    const { reference } = await runs[name];
    const input = testDigit(5);
    for (const patch of [4, 7]) {
      const result = attribute(referenceEngine(reference, 50), input, 'occlusion', { patch, target: 1 });
      const positions = 33 - patch;
      expect(result.raw!.length).toBe(positions * positions);
      const score = value(reference, input, 1);
      const random = new SeededRandom(patch);
      for (let n = 0; n < 25; n++) {
        const py = random.int(positions),
          px = random.int(positions);
        const blanked = input.slice();
        for (let y = py; y < py + patch; y++) for (let x = px; x < px + patch; x++) blanked[y * 32 + x] = 0;
        expect(result.raw![py * positions + px]).toBeCloseTo(score - value(reference, blanked, 1), 10);
      }
      // The map: the mean drop over the patches covering a pixel (one at a corner, patch² inside).
      expect(result.map[0]).toBe(result.raw![0]);
      let sum = 0;
      for (let py = 16 - patch + 1; py <= 16; py++)
        for (let px = 10 - patch + 1; px <= 10; px++) sum += result.raw![py * positions + px];
      expect(result.map[16 * 32 + 10]).toBeCloseTo(sum / (patch * patch), 12);
    }
  });
});

describe('attribution options', () => {
  it('refuses unknown methods, out-of-range options and "A rather than A"', async () => {
    const { reference } = await runs.modern;
    const engine = referenceEngine(reference);
    const input = testDigit(0);
    expect(() => attribute(engine, input, 'lime' as AttributionMethod)).toThrow(/one of gradient/);
    expect(() => attribute(engine, input, 'gradient', { target: 10 })).toThrow(/target/);
    expect(() => attribute(engine, input, 'gradient', { target: 3, contrast: 3 })).toThrow(/3 rather than 3/);
    expect(() => attribute(engine, input, 'occlusion', { patch: 0 })).toThrow(/patch/);
    expect(() => attribute(engine, input, 'gradcam', { layer: 'c5' })).toThrow(/c1, s2, c3, s4/);
    expect(() => attribute(engine, input, 'smoothgrad', { sigma: -1 })).toThrow(/sigma/);
    expect(() => attribute(engine, new Float64Array(10), 'gradient')).toThrow(/1024/);
  });
});
