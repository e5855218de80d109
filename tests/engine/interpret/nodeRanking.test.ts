/**
 * A node's ranking of the test images (topImages beyond the portraits' 32) against brute force: the node's value
 * on each image by a forward pass of its own, sorted descending with ties to the lower index (float64 reference,
 * 300 test images, a node of every layer); its first 32 equal to the portraits' top 32 on the float64 reference and
 * on the WebAssembly engine; k beyond the images gives all of them; k not a whole number ≥ 1 is refused.
 */
import { describe, expect, it } from 'vitest';
import { mnistToInput } from '../../../src/engine/data/mnistInput';
import type { AttributionEngine } from '../../../src/engine/interpret/attributionEngine';
import { topImagesOf } from '../../../src/engine/interpret/neuronPortraits';
import { rankTestImages, type NodeRanking } from '../../../src/engine/interpret/nodeRanking';
import { portraitPass } from '../../../src/engine/interpret/portraitPass';
import { nodeIndex, type NodeRef } from '../../../src/engine/model/nodeRef';
import { referenceEngine } from '../../../src/engine/reference/referenceAttribution';
import { wasmEngine } from '../../../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { mnistTest, NODE_PER_LAYER, shippedCheckpoint } from './shippedFixtures';

const noWait = async () => {};

const NODES = NODE_PER_LAYER;

/** Each node's value on each of the first `images` test images, one forward pass per image. */
function bruteForce(engine: AttributionEngine, images: number, nodes: readonly NodeRef[]): Float64Array[] {
  const values = nodes.map(() => new Float64Array(images));
  const input = new Float32Array(1024); // as the pass (and the app) feed the network
  for (let image = 0; image < images; image++) {
    mnistToInput(mnistTest.images, image, input);
    engine.forward(input, 1);
    nodes.forEach((node, j) => {
      const l = engine.layers.findIndex((s) => s.id === node.layer);
      values[j][image] = engine.values(l, 'out')[nodeIndex(engine.layers[l], node)];
    });
  }
  return values;
}

/** Value descending, ties to the lower index: every image. */
function sorted(values: Float64Array): { index: number; value: number }[] {
  return [...values.keys()]
    .sort((a, b) => values[b] - values[a] || a - b)
    .map((index) => ({ index, value: Math.fround(values[index]) }));
}

const pairs = (ranking: NodeRanking) => Array.from(ranking.index, (index, i) => ({ index, value: ranking.value[i] }));

describe('ranking the test images by one node', () => {
  it('equals sorting a brute-force pass, on the float64 reference engine (300 test images, yielding)', async () => {
    const { reference } = await shippedCheckpoint('lenet5-default');
    const engine = referenceEngine(reference, 64);
    const values = bruteForce(engine, 300, NODES);
    const portraits = await portraitPass(engine, mnistTest, 300, noWait);
    for (const [j, node] of NODES.entries()) {
      const shares: number[] = [];
      const all = await rankTestImages(engine, mnistTest, 300, node, 300, async (done) => void shares.push(done), 0);
      const want = sorted(values[j]);
      expect(all.images).toBe(300);
      expect(pairs(all), node.layer).toEqual(want);
      // A turn after every batch of 64 (5 of them), told the share of the pass done.
      expect(shares).toEqual([64, 128, 192, 256, 300].map((n) => n / 300));
      const some = await rankTestImages(engine, mnistTest, 300, node, 57, noWait);
      expect(pairs(some), node.layer).toEqual(want.slice(0, 57));
      // Beyond the images: all of them.
      expect(pairs(await rankTestImages(engine, mnistTest, 300, node, 1000, noWait))).toEqual(want);
      // Within the portraits' 32: the same answer both ways.
      for (const k of [9, 32])
        expect(pairs(await rankTestImages(engine, mnistTest, 300, node, k, noWait)), `${node.layer} k ${k}`).toEqual(
          topImagesOf(portraits, engine.layers, node, k),
        );
    }
    // Ties exist (a dead ReLU is 0 on many images) and go to the lower index.
    const c1 = sorted(values[1]).filter((r) => r.value === 0);
    expect(c1.length).toBeGreaterThan(1);
  });

  it('on the WebAssembly engine, its top 32 are the portraits’ (2,000 test images)', async () => {
    const { architecture, params } = await shippedCheckpoint('lenet5-classic');
    const network = new WasmNetwork();
    network.load(architecture, params, null);
    const engine = wasmEngine(network);
    const portraits = await portraitPass(engine, mnistTest, 2000, noWait);
    for (const node of NODES) {
      const ranking = await rankTestImages(engine, mnistTest, 2000, node, 500, noWait);
      expect(ranking.index).toHaveLength(500);
      expect(pairs(ranking).slice(0, 32), node.layer).toEqual(topImagesOf(portraits, engine.layers, node, 32));
      for (let i = 1; i < 500; i++) expect(ranking.value[i]).toBeLessThanOrEqual(ranking.value[i - 1]);
    }
  });

  it('refuses k that is not a whole number ≥ 1, a bad limit and unknown nodes', async () => {
    const { reference } = await shippedCheckpoint('lenet5-default');
    const engine = referenceEngine(reference);
    const node = { layer: 'c3', c: 0, y: 0, x: 0 };
    for (const k of [0, -3, 2.5, NaN, Infinity])
      await expect(rankTestImages(engine, mnistTest, 40, node, k, noWait), String(k)).rejects.toThrow(/k must/);
    await expect(rankTestImages(engine, mnistTest, 0, node, 40, noWait)).rejects.toThrow(/at least 1/);
    await expect(rankTestImages(engine, mnistTest, 40, { ...node, layer: 'c9' }, 3, noWait)).rejects.toThrow(
      /no layer/,
    );
    await expect(rankTestImages(engine, mnistTest, 40, { ...node, c: 16 }, 3, noWait)).rejects.toThrow(/outside/);
  });
});
