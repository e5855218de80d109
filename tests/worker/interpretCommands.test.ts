/**
 * The interpretation commands over a MessageChannel: attributions by the network shown (CPU and WebAssembly
 * backends, and a teaching copy) against the float64 reference; neuron portraits and feature images of
 * weights sent with the command, equal to the same computation outside the worker, leaving the loaded
 * weights alone; the worker answering a drawing while a portrait pass runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { frameValues } from '../../src/engine/activationFrame';
import { mnistSubset } from '../../src/engine/data/mnistInput';
import { attribute, type Attribution } from '../../src/engine/interpret/attribute';
import { synthesizeFeature } from '../../src/engine/interpret/featureImage';
import { portraitPass } from '../../src/engine/interpret/portraitPass';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { referenceEngine } from '../../src/engine/reference/referenceAttribution';
import { wasmEngine } from '../../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../../src/engine/wasm/wasmNetwork';
import type { Backend } from '../../src/worker/protocol';
import { mnistTest, shippedCheckpoint, testDigit, unevenDigit } from '../engine/interpret/shippedFixtures';
import { inProcessEngine } from './inProcessEngine';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function connect(backend: Backend) {
  const client = inProcessEngine(stops);
  expect((await client.start(backend)).backend).toBe(backend);
  return client;
}

const modern = shippedCheckpoint('lenet5-default');
const classic = shippedCheckpoint('lenet5-classic');

/** Largest |a − b| relative to the largest |b|. */
function scaled(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0,
    worst = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst / scale;
}

function expectClose(got: Attribution, want: Attribution, what: string): void {
  expect(got.target, what).toBe(want.target);
  expect(Math.abs(got.score - want.score), what).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(want.score)));
  expect(scaled(got.map, want.map), `${what} map`).toBeLessThanOrEqual(1e-5);
  if (want.raw) expect(scaled(got.raw!, want.raw), `${what} raw`).toBeLessThanOrEqual(1e-5);
  if (want.baseline !== null)
    expect(Math.abs(got.baseline! - want.baseline)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(want.baseline)));
}

describe('interpretation commands', () => {
  it.each(['cpu', 'wasm'] as const)(
    'attribute: every method on the %s backend equals the float64 reference',
    async (backend) => {
      const client = await connect(backend);
      const { architecture, params, reference } = await modern;
      await client.loadWeights(architecture, params);
      // Seeded noise of 1e-3 keeps the interpolated inputs of integrated gradients off exact max-pooling ties, where
      // float32 and float64 may pick different winners (the gradient is not defined there).
      const input = Float32Array.from(unevenDigit(11));
      const exact = referenceEngine(reference);
      for (const [method, options] of [
        ['gradient', { target: 6 }],
        ['gradientInput', {}],
        ['smoothgrad', { samples: 8, sigma: 0.1, contrast: 5 }],
        ['integrated', { steps: 16 }],
        ['gradcam', { layer: 's2' }],
        ['occlusion', { patch: 5 }],
      ] as const) {
        const { attribution } = await client.request(
          { type: 'attribute', input: input.slice(), method, options },
          'attributed',
        );
        expect(attribution.method).toBe(method);
        expectClose(attribution, attribute(exact, Float64Array.from(input), method, options), `${backend} ${method}`);
      }
      await expect(
        client.request({ type: 'attribute', input, method: 'gradcam', options: { layer: 'f6' } }, 'attributed'),
      ).rejects.toThrow(/c1, s2, c3, s4/);
    },
  );

  it('attribute reads the teaching copy while one is taught', async () => {
    const client = await connect('cpu');
    const { architecture, params } = await modern;
    await client.loadWeights(architecture, params);
    const input = Float32Array.from(testDigit(11));
    const before = await client.request(
      { type: 'attribute', input: input.slice(), method: 'gradient', options: { target: 3 } },
      'attributed',
    );
    const taught = await client.teach(input, 3, 5, 0.05);
    const after = await client.request(
      { type: 'attribute', input: input.slice(), method: 'gradient', options: { target: 3 } },
      'attributed',
    );
    const network = new ReferenceNetwork(
      lenet5Layers(architecture),
      architecture.loss,
      Float64Array.from(taught.params),
    );
    const expected = attribute(referenceEngine(network), Float64Array.from(input), 'gradient', { target: 3 });
    expectClose(after.attribution, expected, 'taught');
    expect(after.attribution.score).toBeGreaterThan(before.attribution.score);
    await client.undoTeach();
    const undone = await client.request(
      { type: 'attribute', input: input.slice(), method: 'gradient', options: { target: 3 } },
      'attributed',
    );
    expect(undone.attribution.score).toBe(before.attribution.score);
  });

  it('computePortraits and synthesizeFeature: the weights sent, as computed outside the worker; the loaded weights stay', async () => {
    const client = await connect('cpu');
    const loaded = await modern;
    const { architecture, params } = await classic;
    await client.loadWeights(loaded.architecture, loaded.params);
    const input = Float32Array.from(testDigit(2));
    const frameBefore = frameValues(await client.infer(input), 'output');
    await expect(
      client.request(
        { type: 'computePortraits', architecture, params: params.slice(), limit: 100 },
        'portraitsComputed',
      ),
    ).rejects.toThrow(/no test images/);
    await client.setTestSet(mnistSubset(mnistTest, 1500, true));
    const { portraits } = await client.request(
      { type: 'computePortraits', architecture, params: params.slice(), limit: 1000 },
      'portraitsComputed',
    );
    const network = new WasmNetwork();
    network.load(architecture, params, null);
    const local = await portraitPass(wasmEngine(network), mnistTest, 1000, async () => {});
    expect(portraits.images).toBe(1000);
    expect(Array.from(portraits.topIndex)).toEqual(Array.from(local.topIndex));
    expect(Array.from(portraits.topValue)).toEqual(Array.from(local.topValue));
    expect(Array.from(portraits.histogram)).toEqual(Array.from(local.histogram));
    expect(Array.from(portraits.zeros)).toEqual(Array.from(local.zeros));
    const node = { layer: 'c3', c: 9, y: 3, x: 6 };
    const { feature } = await client.request(
      { type: 'synthesizeFeature', architecture, params: params.slice(), node },
      'featureSynthesized',
    );
    const expected = synthesizeFeature(wasmEngine(network), node);
    expect(Array.from(feature.image)).toEqual(Array.from(expected.image));
    expect(feature).toMatchObject({ value: expected.value, steps: 200 });
    expect(frameValues(await client.infer(input), 'output')).toEqual(frameBefore);
  });

  it('answers a drawing while a portrait pass runs, and reports its progress', async () => {
    const client = await connect('wasm');
    const { architecture, params } = await modern;
    await client.loadWeights(architecture, params);
    await client.setTestSet(mnistSubset(mnistTest, 10000, true));
    const shares: number[] = [];
    client.subscribe((event) => {
      if (event.type === 'portraitsProgressed') shares.push(event.done);
    });
    const order: string[] = [];
    const pass = client
      .request({ type: 'computePortraits', architecture, params: params.slice(), limit: 10000 }, 'portraitsComputed')
      .then(() => order.push('portraits'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.infer(Float32Array.from(testDigit(0))).then(() => order.push('drawing'));
    await pass;
    expect(order).toEqual(['drawing', 'portraits']);
    // At most one report per 100 ms of a pass that takes a second or more: some, rising, within (0, 1].
    expect(shares.length).toBeGreaterThan(0);
    shares.forEach((done, i) => expect(done).toBeGreaterThan(i > 0 ? shares[i - 1] : 0));
    expect(shares[shares.length - 1]).toBeLessThanOrEqual(1);
  });
});
