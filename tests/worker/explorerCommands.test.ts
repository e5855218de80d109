/** The explorer's worker commands over a MessageChannel: test-set predictions and reading with other weights. */
import { afterEach, describe, expect, it } from 'vitest';
import { frameFromPass, frameValues } from '../../src/engine/activationFrame';
import { mnistSubset, mnistToInput } from '../../src/engine/data/mnistInput';
import { allArchitectures, DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import { initialParameters } from '../../src/engine/model/initialize';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { confusionMatrix } from '../../src/store/explorerData';
import { loadMnistSplit } from '../../scripts/mnistFiles';
import { inProcessEngine } from './inProcessEngine';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function connect() {
  const client = inProcessEngine(stops);
  await client.start('cpu');
  return client;
}

const test = loadMnistSplit('test');
const classic = allArchitectures().find(
  (o) =>
    o.activation === 'tanh' &&
    o.pooling === 'subsample' &&
    o.c3Connectivity === 'lenet5' &&
    o.loss === 'softmax-cross-entropy',
)!;

describe('explorer commands', () => {
  it('predicts the test images with the weights sent, as the reference engine reads them, leaving the loaded weights alone', async () => {
    const client = await connect();
    const loaded = initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), 1) as Float32Array;
    await client.loadWeights(DEFAULT_ARCHITECTURE, loaded);
    await expect(client.predict(classic, new Float32Array(1), 10)).rejects.toThrow(
      /no test images: send setTestSet first/,
    );
    await client.setTestSet(mnistSubset(test, 300, true));
    const params = initialParameters(lenet5Layers(classic), 3) as Float32Array;
    const predictions = await client.predict(classic, params, 1000);
    expect(predictions.images).toBe(300); // as many as the worker holds
    const reference = new ReferenceNetwork(lenet5Layers(classic), classic.loss, Float32Array.from(params));
    const expected = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    const input = new Float32Array(1024);
    for (let i = 0; i < 300; i++) {
      mnistToInput(test.images, i, input);
      const p = Array.from(reference.forward(input, 1).layers[7].out);
      const predicted = p.indexOf(Math.max(...p));
      expect(predictions.predicted[i]).toBe(predicted);
      expect(predictions.confidence[i]).toBeCloseTo(p[predicted], 6);
      expect(predictions.trueProbability[i]).toBeCloseTo(p[test.labels[i]], 6);
      expected[test.labels[i]][predicted]++;
    }
    expect(confusionMatrix(predictions, test.labels)).toEqual(expected);
    // The view's weights were not replaced.
    mnistToInput(test.images, 0, input);
    const frame = await client.infer(input);
    const view = new ReferenceNetwork(
      lenet5Layers(DEFAULT_ARCHITECTURE),
      'softmax-cross-entropy',
      Float32Array.from(loaded),
    );
    expect(frameValues(frame, 'output')).toEqual(
      frameValues(frameFromPass(view.layers, view.forward(input, 1)), 'output'),
    );
  });

  it('reads one input with other weights (compare mode) and refuses a malformed test set', async () => {
    const client = await connect();
    const params = initialParameters(lenet5Layers(classic), 5) as Float32Array;
    const input = new Float32Array(1024);
    mnistToInput(test.images, 7, input);
    const frame = await client.inferWith(classic, params, input);
    const reference = new ReferenceNetwork(lenet5Layers(classic), classic.loss, Float32Array.from(params));
    expect(frameValues(frame, 'output')).toEqual(
      frameValues(frameFromPass(reference.layers, reference.forward(input, 1)), 'output'),
    );
    await expect(client.inferWith(classic, params, new Float32Array(10))).rejects.toThrow(
      /an input must be 1024 values/,
    );
    await expect(
      client.setTestSet({ count: 2, images: new Uint8Array(784), labels: new Uint8Array(2) }),
    ).rejects.toThrow(/a test set of 2 images needs 1568 pixels and 2 labels/);
  });
});
