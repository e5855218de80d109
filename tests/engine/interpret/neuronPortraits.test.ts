/**
 * The neuron portraits' pass against brute force: every node's values over the test images
 * collected one by one, sorted descending with ties to the lower index, binned and counted.
 * Exact on the float64 reference (all 9,118 nodes, 400 images); on the WebAssembly engine over all
 * 10,000 test images for 300 nodes of every layer, its values within 1e-5 relative of float64.
 */
import { describe, expect, it } from 'vitest';
import { mnistToInput } from '../../../src/engine/data/mnistInput';
import type { AttributionEngine } from '../../../src/engine/interpret/attributionEngine';
import { histogramOf, layerStarts, topImagesOf } from '../../../src/engine/interpret/neuronPortraits';
import { portraitPass } from '../../../src/engine/interpret/portraitPass';
import { nodeRef } from '../../../src/engine/model/nodeRef';
import { SeededRandom } from '../../../src/engine/model/random';
import { referenceEngine } from '../../../src/engine/reference/referenceAttribution';
import { wasmEngine } from '../../../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { mnistTest, shippedCheckpoint, testDigit } from './shippedFixtures';

const noWait = async () => {};

/** Every image's value of each of `nodes` (flat entries), by one forward pass per batch of 50. */
function bruteForce(engine: AttributionEngine, images: number, nodes: number[]): Float64Array[] {
  const starts = layerStarts(engine.layers);
  const values = nodes.map(() => new Float64Array(images));
  const inputs = new Float32Array(50 * 1024); // as the pass (and the app) feed the network
  for (let start = 0; start < images; start += 50) {
    const n = Math.min(50, images - start);
    for (let b = 0; b < n; b++) mnistToInput(mnistTest.images, start + b, inputs, b * 1024);
    engine.forward(inputs, n);
    nodes.forEach((node, j) => {
      const l = starts.findIndex((s, i) => node >= s && node < starts[i + 1]);
      const size = starts[l + 1] - starts[l];
      const layer = engine.values(l, 'out');
      for (let b = 0; b < n; b++) values[j][start + b] = layer[b * size + node - starts[l]];
    });
  }
  return values;
}

/** The node's top `k` by sorting: value descending, ties to the lower index. */
function sortedTop(values: Float64Array, k: number): { index: number; value: number }[] {
  return [...values.keys()]
    .sort((a, b) => values[b] - values[a] || a - b)
    .slice(0, k)
    .map((index) => ({ index, value: Math.fround(values[index]) }));
}

function checkNode(
  portraits: Awaited<ReturnType<typeof portraitPass>>,
  engine: AttributionEngine,
  entry: number,
  values: Float64Array,
): void {
  const starts = layerStarts(engine.layers);
  const l = starts.findIndex((s, i) => entry >= s && entry < starts[i + 1]);
  const node = nodeRef(engine.layers[l], entry - starts[l]);
  expect(topImagesOf(portraits, engine.layers, node, 32), `${JSON.stringify(node)}`).toEqual(sortedTop(values, 32));
  const histogram = histogramOf(portraits, engine.layers, node);
  let low = Infinity,
    high = -Infinity,
    zeros = 0;
  for (const v of values) {
    low = Math.min(low, v);
    high = Math.max(high, v);
    if (v === 0) zeros++;
  }
  expect([histogram.low, histogram.high]).toEqual([Math.fround(low), Math.fround(high)]);
  expect(histogram.zeroShare).toBe(zeros / values.length);
  const counts = new Array<number>(32).fill(0);
  for (const v of values) counts[high > low ? Math.min(31, Math.floor(((v - low) / (high - low)) * 32)) : 0]++;
  expect(histogram.counts).toEqual(counts);
}

describe('neuron portraits', () => {
  it('equal a brute-force pass on the float64 reference engine, for every node (400 test images, yielding)', async () => {
    const { reference } = await shippedCheckpoint('lenet5-default');
    const engine = referenceEngine(reference, 64);
    const shares: number[] = [];
    const portraits = await portraitPass(engine, mnistTest, 400, async (done) => void shares.push(done), 0);
    expect(portraits.images).toBe(400);
    expect(shares).toHaveLength(14); // after every batch of 64 (7 a pass), in both passes
    // The share of the work done: each batch's images of the 2 x 400 the two passes read.
    const batchEnds = [64, 128, 192, 256, 320, 384, 400];
    expect(shares).toEqual([...batchEnds, ...batchEnds.map((n) => 400 + n)].map((n) => n / 800));
    const nodes = [...Array(9118).keys()];
    expect(portraits.layerStart[reference.layers.length]).toBe(9118);
    const values = bruteForce(engine, 400, nodes);
    nodes.forEach((entry) => checkNode(portraits, engine, entry, values[entry]));
  });

  it('equal a brute-force pass on the WebAssembly engine over all 10,000 test images, within 1e-5 of float64', async () => {
    const { architecture, params, reference } = await shippedCheckpoint('lenet5-default');
    const network = new WasmNetwork();
    network.load(architecture, params, null);
    const engine = wasmEngine(network);
    const portraits = await portraitPass(engine, mnistTest, 10000, noWait);
    expect(portraits.images).toBe(10000);
    const starts = layerStarts(engine.layers);
    const random = new SeededRandom(7);
    const nodes = engine.layers.flatMap((_, l) =>
      Array.from(
        { length: Math.min(40, starts[l + 1] - starts[l]) },
        () => starts[l] + random.int(starts[l + 1] - starts[l]),
      ),
    );
    const values = bruteForce(engine, 10000, nodes);
    nodes.forEach((entry, j) => checkNode(portraits, engine, entry, values[j]));
    // The values are the network's: the float64 reference's within 1e-5 relative (the top three of each node).
    const exact = referenceEngine(reference);
    for (const entry of nodes) {
      const l = starts.findIndex((s, i) => entry >= s && entry < starts[i + 1]);
      const node = nodeRef(engine.layers[l], entry - starts[l]);
      for (const { index, value } of topImagesOf(portraits, engine.layers, node, 3)) {
        exact.forward(testDigit(index), 1);
        const want = exact.values(l, 'out')[entry - starts[l]];
        expect(Math.abs(value - want), `${JSON.stringify(node)} image ${index}`).toBeLessThanOrEqual(
          1e-5 * (1 + Math.abs(want)),
        );
      }
    }
  });

  it('refuses k outside 1..32 and unknown nodes', async () => {
    const { reference } = await shippedCheckpoint('lenet5-default');
    const engine = referenceEngine(reference);
    const portraits = await portraitPass(engine, mnistTest, 40, noWait);
    expect(topImagesOf(portraits, engine.layers, { layer: 'output', c: 3, y: 0, x: 0 }, 9)).toHaveLength(9);
    expect(() => topImagesOf(portraits, engine.layers, { layer: 'c3', c: 0, y: 0, x: 0 }, 33)).toThrow(/k must/);
    expect(() => topImagesOf(portraits, engine.layers, { layer: 'c9', c: 0, y: 0, x: 0 }, 3)).toThrow(/no layer/);
    expect(() => topImagesOf(portraits, engine.layers, { layer: 'c3', c: 16, y: 0, x: 0 }, 3)).toThrow(/outside/);
    await expect(portraitPass(engine, mnistTest, 2.5, noWait)).rejects.toThrow(/whole number/);
    await expect(portraitPass(engine, mnistTest, 0, noWait)).rejects.toThrow(/at least 1/);
  });
});
