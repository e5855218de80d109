/** The backward view's worker commands over a MessageChannel (CPU engine): backward, teach, undo, gradient check. */
import { afterEach, describe, expect, it } from 'vitest';
import { deltaValues, imageLoss, probabilityGradient } from '../../src/engine/backwardFrame';
import { frameValues } from '../../src/engine/activationFrame';
import { mnistSubset } from '../../src/engine/data/mnistInput';
import { allArchitectures, DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import { initialParameters } from '../../src/engine/model/initialize';
import { parameterLayout, tensorSpec } from '../../src/engine/model/parameters';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { loadMnistSplit } from '../../scripts/mnistFiles';
import { inProcessEngine } from './inProcessEngine';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function connect(options = DEFAULT_ARCHITECTURE, seed = 1) {
  const client = inProcessEngine(stops);
  await client.start('cpu');
  const params = initialParameters(lenet5Layers(options), seed) as Float32Array;
  await client.loadWeights(options, params);
  return { client, params };
}

/** A test digit as the network's 32x32 input. */
function testDigit(index: number): { input: Float32Array; label: number } {
  const test = loadMnistSplit('test');
  const input = new Float32Array(1024);
  for (let y = 0; y < 28; y++)
    for (let x = 0; x < 28; x++) input[(y + 2) * 32 + x + 2] = test.images[index * 784 + y * 28 + x] / 255;
  return { input, label: test.labels[index] };
}

describe('backward view commands', () => {
  it.each(
    allArchitectures()
      .filter((_, i) => i % 5 === 0)
      .map((o) => [Object.values(o).join(' / '), o] as const),
  )('backward equals the reference engine for one image (%s)', async (_, options) => {
    const { client, params } = await connect(options);
    const { input } = testDigit(0);
    const reply = await client.backward(input, 3);
    const layers = lenet5Layers(options);
    const reference = new ReferenceNetwork(layers, options.loss, Float64Array.from(params));
    const pass = reference.forward(input, 1);
    const expected = reference.backward(pass, [3]);
    expect(reply.backward.label).toBe(3);
    expect(reply.backward.loss).toBeCloseTo(expected.loss, 5);
    layers.forEach((layer, l) => {
      const delta = expected.deltas[l];
      const scale = Math.max(...Array.from(delta.dPre ?? delta.dOut, Math.abs));
      const pre = deltaValues(reply.backward, layer.id, 'pre');
      expect(pre === null, `${layer.id} has dL/dz`).toBe(delta.dPre === null);
      if (pre)
        pre.forEach((v, i) =>
          expect(Math.abs(v - delta.dPre![i]), `${layer.id} pre ${i}`).toBeLessThanOrEqual(1e-5 * scale),
        );
      if (l === layers.length - 1) return; // the output's `out` is dL/dp, checked below
      deltaValues(reply.backward, layer.id, 'out')!.forEach((v, i) =>
        expect(Math.abs(v - delta.dOut[i]), `${layer.id} out ${i}`).toBeLessThanOrEqual(
          1e-5 * Math.max(...Array.from(delta.dOut, Math.abs)),
        ),
      );
    });
    const gradScale = Math.max(...Array.from(expected.gradients, Math.abs));
    reply.backward.gradients.forEach((g, i) =>
      expect(Math.abs(g - expected.gradients[i])).toBeLessThanOrEqual(1e-5 * gradScale),
    );
    // The output's dL/dp, pushed through the softmax Jacobian, gives its δ = dL/dz.
    const p = frameValues(reply.frame, 'output');
    const dp = deltaValues(reply.backward, 'output', 'out')!;
    const dz = deltaValues(reply.backward, 'output', 'pre')!;
    const dot = dp.reduce((sum, v, j) => sum + v * p[j], 0);
    dz.forEach((v, k) => expect(p[k] * (dp[k] - dot)).toBeCloseTo(v, 5));
  });

  it('defines the loss of one image: cross-entropy -log p[label], MSE the mean over the 10 outputs', () => {
    const logits = [0.5, -1, 2, 0, 0, 0, 0, 0, 0, 1];
    const max = Math.max(...logits);
    const sum = logits.reduce((s, z) => s + Math.exp(z - max), 0);
    const p = logits.map((z) => Math.exp(z - max) / sum);
    expect(imageLoss('softmax-cross-entropy', logits, 2)).toBeCloseTo(-Math.log(p[2]), 12);
    expect(imageLoss('mean-squared-error', logits, 2)).toBeCloseTo(
      p.reduce((s, v, k) => s + (v - (k === 2 ? 1 : 0)) ** 2, 0) / 10,
      12,
    );
    expect(Array.from(probabilityGradient('softmax-cross-entropy', p, 2))).toEqual(
      p.map((v, k) => (k === 2 ? -1 / v : -0)),
    );
  });

  it("the null label backpropagates against the network's own reading", async () => {
    const { client } = await connect();
    const { input } = testDigit(1);
    const reading = await client.infer(input);
    const probabilities = Array.from(frameValues(reading, 'output'));
    const reply = await client.backward(input, null);
    expect(reply.backward.label).toBe(probabilities.indexOf(Math.max(...probabilities)));
  });

  it('teaching lowers the loss step by step, flips the reading, and undo returns to the loaded weights exactly', async () => {
    const { client } = await connect(DEFAULT_ARCHITECTURE, 4);
    const { input, label } = testDigit(2);
    const before = await client.infer(input);
    const wrong = (label + 5) % 10;
    const first = await client.teach(input, wrong, 1, 0.01);
    expect(first.lossAfter).toBeLessThan(first.lossBefore);
    expect(first.teachingSteps).toBe(1);
    let last = first;
    for (let i = 0; i < 40 && predicted(last.frame) !== wrong; i++) {
      const next = await client.teach(input, wrong, 1, 0.05);
      expect(next.lossBefore).toBeCloseTo(last.lossAfter, 4);
      last = next;
    }
    expect(predicted(last.frame)).toBe(wrong);
    expect(predicted(await client.infer(input))).toBe(wrong); // the drawing is read by the taught copy
    await client.undoTeach();
    expect(Array.from((await client.infer(input)).values)).toEqual(Array.from(before.values));
    expect((await client.backward(input, wrong)).teachingSteps).toBe(0);
  });

  it('refuses a bad teaching request and reports the cost of teaching on test images', async () => {
    const { client } = await connect();
    const { input } = testDigit(3);
    await expect(client.teach(input, 12, 1, 0.01)).rejects.toThrow(/a label is a digit 0-9, got 12/);
    await expect(client.teach(input, 1, 1, -1)).rejects.toThrow(/learning rate must be in \(0, 10\]/);
    await expect(client.evaluateTeaching(100)).rejects.toThrow(/no test images/);
    const test = mnistSubset(loadMnistSplit('test'), 200, true);
    await client.setDataset(mnistSubset(loadMnistSplit('train'), 64, true), test);
    await expect(client.evaluateTeaching(100)).rejects.toThrow(/nothing has been taught/);
    await client.teach(input, 1, 3, 0.1);
    const settings = {
      seed: 1,
      batchSize: 32,
      learningRate: 0.05,
      schedule: 'constant',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 0,
      augment: false,
    };
    await expect(
      client.request(
        { type: 'train', settings, stepsDone: 0, epochs: 1, evaluateImages: 0 } as never,
        'progressReported',
      ),
    ).rejects.toThrow(/being taught one drawing: undo the teaching/);
    const cost = await client.evaluateTeaching(100);
    expect(cost.images).toBe(100);
    const reference = new ReferenceNetwork(
      lenet5Layers(DEFAULT_ARCHITECTURE),
      'softmax-cross-entropy',
      initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), 1) as Float32Array,
    );
    let correct = 0;
    for (let i = 0; i < 100; i++) {
      const { input: x, label } = testDigit(i);
      const out = reference.forward(x, 1).layers[7].out;
      if (Array.from(out).indexOf(Math.max(...out)) === label) correct++;
    }
    expect(cost.before).toBeCloseTo(correct / 100, 10);
  });

  it('checks one weight: backprop beside the central finite difference (ε = 1e-3, float64)', async () => {
    const options = allArchitectures().find(
      (o) => o.activation === 'tanh' && o.pooling === 'subsample' && o.c3Connectivity === 'lenet5',
    )!;
    const { client } = await connect(options, 2);
    const { input, label } = testDigit(4);
    const layout = parameterLayout(lenet5Layers(options));
    for (const [tensor, index] of [
      ['c1.weight', 7],
      ['c3.weight', 13],
      ['s2.coeff', 1],
      ['f6.bias', 5],
    ] as const) {
      const { check, engineGradient } = await client.checkGradient(input, label, tensor, index);
      expect(check.epsilon).toBe(1e-3);
      expect(check.numeric).toBeCloseTo((check.lossPlus - check.lossMinus) / 2e-3, 12);
      expect(check.relativeDifference, tensor).toBeLessThan(1e-5);
      expect(Math.abs(engineGradient - check.analytic)).toBeLessThanOrEqual(
        1e-5 * Math.max(1e-6, Math.abs(check.analytic)) + 1e-9,
      );
      expect(tensorSpec(layout, tensor).size).toBeGreaterThan(index);
    }
    await expect(client.checkGradient(input, label, 'c1.weight', 150)).rejects.toThrow(
      /c1.weight has 150 entries; index 150 is outside it/,
    );
    await expect(client.checkGradient(input, label, 'c9.weight', 0)).rejects.toThrow(
      /no parameter tensor named c9.weight/,
    );
  });
});

function predicted(frame: {
  values: Float32Array;
  layers: readonly { id: string; out: readonly [number, number] }[];
}): number {
  const [offset, count] = frame.layers[frame.layers.length - 1].out;
  const p = Array.from(frame.values.subarray(offset, offset + count));
  return p.indexOf(Math.max(...p));
}
