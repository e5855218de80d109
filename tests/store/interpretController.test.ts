/**
 * The interpretation controller's top digits against a real engine host over a MessageChannel, for a run evaluated
 * on its first 300 test images: k up to the portraits' 32 read from the portraits, larger k ranked by the worker,
 * both equal to sorting a brute-force pass (value descending, ties to the lower index); k beyond the images gives
 * all of them; k not a whole number ≥ 1 is refused before any work.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mnistSubset, mnistToInput, type MnistSet } from '../../src/engine/data/mnistInput';
import { loadRun } from '../../src/engine/model/runLoader';
import { nodeIndex, type NodeRef } from '../../src/engine/model/nodeRef';
import { wasmEngine } from '../../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../../src/engine/wasm/wasmNetwork';
import type { ExplorerController } from '../../src/store/explorerController';
import { createInterpretController } from '../../src/store/interpretController';
import { heldParams, recordFromLoadedRun } from '../../src/store/runRecord';
import { mnistTest } from '../engine/interpret/shippedFixtures';
import { inProcessEngine } from '../worker/inProcessEngine';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

const IMAGES = 300;

async function setUp() {
  const dir = join(import.meta.dirname, '..', '..', 'public', 'models', 'lenet5-default');
  const loaded = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
  const run = { ...recordFromLoadedRun('lenet5-default', loaded), testImages: IMAGES };
  const index = run.checkpoints.length - 1;
  const client = inProcessEngine(stops);
  await client.start('cpu');
  // The commands the controller sends (after the set-up).
  const requests: string[] = [];
  const request = client.request.bind(client);
  client.request = ((command, expect) => {
    requests.push(command.type);
    return request(command, expect);
  }) as typeof client.request;
  const test: MnistSet = mnistSubset(mnistTest, 1000, true);
  const explorer = {
    testSet: async () => {
      await client.setTestSet({ count: test.count, images: test.images.slice(), labels: test.labels.slice() });
      return test;
    },
  } as unknown as ExplorerController;
  const controller = createInterpretController({
    client,
    explorer,
    selected: () => ({ run, index }),
    input: () => null,
  });
  return { controller, run, params: heldParams(run, index), requests };
}

/**
 * Every image's value of `node` by forward passes of 50 images (as the app feeds the network: its single-image path may
 * round the softmax differently), sorted: value descending, ties to the lower index.
 */
function bruteForce(engine: ReturnType<typeof wasmEngine>, node: NodeRef): { index: number; value: number }[] {
  const l = engine.layers.findIndex((s) => s.id === node.layer);
  const entry = nodeIndex(engine.layers[l], node);
  const size = engine.layers[l].shape.reduce((a, b) => a * b, 1);
  const inputs = new Float32Array(50 * 1024);
  const values = new Float64Array(IMAGES);
  for (let start = 0; start < IMAGES; start += 50) {
    for (let b = 0; b < 50; b++) mnistToInput(mnistTest.images, start + b, inputs, b * 1024);
    engine.forward(inputs, 50);
    for (let b = 0; b < 50; b++) values[start + b] = engine.values(l, 'out')[b * size + entry];
  }
  return [...values.keys()]
    .sort((a, b) => values[b] - values[a] || a - b)
    .map((index) => ({ index, value: Math.fround(values[index]) }));
}

describe('topImages', () => {
  it('takes any k: within 32 from the portraits, beyond by a ranking pass, both as brute force', async () => {
    const { controller, run, params, requests } = await setUp();
    const network = new WasmNetwork();
    network.load(run.architecture, params, null);
    const engine = wasmEngine(network);
    const ranked = () => requests.filter((type) => type === 'rankTestImages').length;
    for (const node of [
      { layer: 'c3', c: 5, y: 4, x: 4 },
      { layer: 'output', c: 3, y: 0, x: 0 },
    ]) {
      const want = bruteForce(engine, node);
      const before = ranked();
      for (const k of [1, 9, 32])
        expect(await controller.topImages(node, k), `${node.layer} ${k}`).toEqual(want.slice(0, k));
      expect(ranked()).toBe(before);
      for (const k of [33, 100, IMAGES])
        expect(await controller.topImages(node, k), `${node.layer} ${k}`).toEqual(want.slice(0, k));
      expect(await controller.topImages(node, 5000)).toEqual(want);
      expect(ranked()).toBe(before + 4);
    }
    // The portraits once: cached per checkpoint.
    expect(requests.filter((type) => type === 'computePortraits')).toHaveLength(1);
    requests.length = 0;
    for (const k of [0, -1, 2.5, NaN, Infinity])
      await expect(controller.topImages({ layer: 'c3', c: 0, y: 0, x: 0 }, k), String(k)).rejects.toThrow(
        /k must be a whole number/,
      );
    await expect(controller.topImages({ layer: 'c3', c: 16, y: 0, x: 0 }, 50)).rejects.toThrow(/outside/);
    expect(requests).toEqual([]);
  });
});
