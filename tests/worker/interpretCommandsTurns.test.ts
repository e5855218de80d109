/**
 * The interpretation commands that rank the test images by one node and synthesize a feature image, over a
 * MessageChannel: the ranking of the weights sent, as computed outside the worker, leaving the loaded weights alone;
 * the worker answering a drawing while a feature image is synthesized (its ascent yields every few steps).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { frameValues } from '../../src/engine/activationFrame';
import { mnistSubset } from '../../src/engine/data/mnistInput';
import { synthesizeFeature } from '../../src/engine/interpret/featureImage';
import { rankTestImages } from '../../src/engine/interpret/nodeRanking';
import { wasmEngine } from '../../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../../src/engine/wasm/wasmNetwork';
import { mnistTest, shippedCheckpoint, testDigit } from '../engine/interpret/shippedFixtures';
import { inProcessEngine } from './inProcessEngine';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function connect() {
  const client = inProcessEngine(stops);
  expect((await client.start('wasm')).backend).toBe('wasm');
  return client;
}

const modern = shippedCheckpoint('lenet5-default');
const classic = shippedCheckpoint('lenet5-classic');

describe('interpretation commands that take turns', () => {
  it('rankTestImages: the weights sent, as computed outside the worker; the loaded weights stay', async () => {
    const client = await connect();
    const loaded = await modern;
    const { architecture, params } = await classic;
    await client.loadWeights(loaded.architecture, loaded.params);
    const input = Float32Array.from(testDigit(2));
    const frameBefore = frameValues(await client.infer(input), 'output');
    const node = { layer: 'c3', c: 9, y: 3, x: 6 };
    const ask = (k: number, limit = 1000) =>
      client.request(
        { type: 'rankTestImages', architecture, params: params.slice(), node, limit, k },
        'testImagesRanked',
      );
    await expect(ask(40)).rejects.toThrow(/no test images/);
    await client.setTestSet(mnistSubset(mnistTest, 1500, true));
    const network = new WasmNetwork();
    network.load(architecture, params, null);
    const local = await rankTestImages(wasmEngine(network), mnistTest, 1000, node, 1000, async () => {});
    const { ranking } = await ask(40);
    expect(ranking.images).toBe(1000);
    expect(Array.from(ranking.index)).toEqual(Array.from(local.index.subarray(0, 40)));
    expect(Array.from(ranking.value)).toEqual(Array.from(local.value.subarray(0, 40)));
    // Beyond the images sent (1,500): all of them; within the limit, as the limit says.
    expect((await ask(5000, 5000)).ranking.index).toHaveLength(1500);
    expect(Array.from((await ask(5000)).ranking.index)).toEqual(Array.from(local.index));
    await expect(ask(0)).rejects.toThrow(/k must/);
    expect(frameValues(await client.infer(input), 'output')).toEqual(frameBefore);
  });

  it('answers a drawing while a feature image is synthesized, and the image is the one computed at once', async () => {
    const client = await connect();
    const { architecture, params } = await modern;
    await client.loadWeights(architecture, params);
    const node = { layer: 'output', c: 7, y: 0, x: 0 };
    const order: string[] = [];
    // Sent together: the drawing's forward pass is queued behind the feature image's first steps.
    const feature = client
      .request({ type: 'synthesizeFeature', architecture, params: params.slice(), node }, 'featureSynthesized')
      .then((reply) => {
        order.push('feature');
        return reply.feature;
      });
    const drawing = client.infer(Float32Array.from(testDigit(0))).then(() => order.push('drawing'));
    await Promise.all([feature, drawing]);
    expect(order).toEqual(['drawing', 'feature']);
    const network = new WasmNetwork();
    network.load(architecture, params, null);
    const expected = synthesizeFeature(wasmEngine(network), node);
    expect(Array.from((await feature).image)).toEqual(Array.from(expected.image));
    expect(await feature).toMatchObject({ value: expected.value, steps: 200 });
  });
});
