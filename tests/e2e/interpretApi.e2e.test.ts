/**
 * The interpretation members of window.lenet in Chromium (the engine the page chooses here: WebAssembly on a
 * software renderer): attributions of a mouse-drawn digit equal the float64 reference's on the same input and
 * checkpoint, follow the target and a teaching copy; a c3 node's top digits (9 from the portraits, 50 from a
 * ranking pass) and an output's feature image equal the same computation in Node, per checkpoint; the best top
 * digit, loaded, gives the node that value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, type Attribution } from '../../src/engine/interpret/attribute';
import { synthesizeFeature } from '../../src/engine/interpret/featureImage';
import { topImagesOf } from '../../src/engine/interpret/neuronPortraits';
import { rankTestImages } from '../../src/engine/interpret/nodeRanking';
import { portraitPass } from '../../src/engine/interpret/portraitPass';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { loadRun } from '../../src/engine/model/runLoader';
import { referenceEngine } from '../../src/engine/reference/referenceAttribution';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { wasmEngine } from '../../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../../src/engine/wasm/wasmNetwork';
import { loadMnistSplit } from '../../scripts/mnistFiles';
import { appForFile, DIGITS, drawStrokes, settledPrediction } from './appSession';

const session = appForFile();
const dir = join(import.meta.dirname, '..', '..', 'public', 'models', 'lenet5-default');
const run = loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
const test = loadMnistSplit('test');

/** Largest |a − b| over the largest |b|. */
function scaled(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0,
    worst = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst / scale;
}

describe('window.lenet interpretation', () => {
  it('attributions of a drawn digit are the float64 reference attributions of the same input and checkpoint', async () => {
    const { page } = session.app;
    await drawStrokes(page, DIGITS.seven);
    const reading = (await settledPrediction(page))!.label;
    const input = Float64Array.from(await page.evaluate(() => window.lenet.input()));
    const { manifest, checkpoints } = await run;
    const network = new ReferenceNetwork(
      lenet5Layers(manifest.architecture),
      manifest.architecture.loss,
      Float64Array.from(checkpoints[checkpoints.length - 1]),
    );
    const cases = [
      ['gradient', {}],
      ['gradient', { target: 1, contrast: reading === 2 ? 3 : 2 }],
      ['gradientInput', {}],
      ['smoothgrad', { samples: 8 }],
      ['integrated', {}],
      ['gradcam', {}],
      ['occlusion', {}],
    ] as const;
    for (const [method, options] of cases) {
      const got = await page.evaluate(([m, o]) => window.lenet.attribution(m, o), [method, options] as const);
      const want: Attribution = attribute(referenceEngine(network), input, method, options);
      const what = `${method} ${JSON.stringify(options)}`;
      expect(got.target, what).toBe('target' in options ? options.target : reading);
      expect(got.map, what).toHaveLength(1024);
      expect(Math.abs(got.score - want.score), what).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(want.score)));
      expect(scaled(got.map, want.map), what).toBeLessThanOrEqual(1e-5);
      expect(got.raw?.length, what).toBe(want.raw?.length);
      if (want.raw) expect(scaled(got.raw!, want.raw), what).toBeLessThanOrEqual(1e-5);
      expect('baseline' in got, what).toBe(method === 'integrated');
    }
  });

  it('follow the teaching copy and return with undo', async () => {
    const { page } = session.app;
    const score = () => page.evaluate(() => window.lenet.attribution('gradient', { target: 3 }).then((r) => r.score));
    const before = await score();
    await page.evaluate(() => window.lenet.teach(3, 5, 0.05));
    expect(await score()).toBeGreaterThan(before);
    await page.evaluate(() => window.lenet.undoTeach());
    expect(await score()).toBe(before);
  });

  it("a c3 node's top digits and an output's feature image are those computed in Node, per checkpoint", async () => {
    const { page } = session.app;
    const { manifest, checkpoints } = await run;
    const node = { layer: 'c3', c: 5, y: 4, x: 4 };
    const network = new WasmNetwork();
    for (const index of [checkpoints.length - 1, 2]) {
      await page.evaluate((epoch) => window.lenet.selectCheckpoint(epoch), manifest.checkpoints[index].epoch);
      network.load(manifest.architecture, checkpoints[index], null);
      const engine = wasmEngine(network);
      const portraits = await portraitPass(engine, test, 10000, async () => {});
      const top = await page.evaluate((n) => window.lenet.topImages(n, 9), node);
      expect(top).toEqual(topImagesOf(portraits, engine.layers, node, 9));
      // Beyond the portraits' 32: a pass of its own in the worker, the same order.
      const many = await page.evaluate((n) => window.lenet.topImages(n, 50), node);
      const ranking = await rankTestImages(engine, test, 10000, node, 50, async () => {});
      expect(many).toEqual(Array.from(ranking.index, (i, j) => ({ index: i, value: ranking.value[j] })));
      expect(many.slice(0, 9)).toEqual(top);
      const output = { layer: 'output', c: 3, y: 0, x: 0 };
      const feature = await page.evaluate((n) => window.lenet.featureImage(n), output);
      const expected = synthesizeFeature(engine, output);
      expect(feature.image).toEqual(Array.from(expected.image));
      expect(feature).toMatchObject({ value: expected.value, steps: 200 });
    }
    // The best digit, loaded as the input, gives the node that value.
    const [best] = await page.evaluate((n) => window.lenet.topImages(n, 1), node);
    await page.evaluate((i) => window.lenet.loadTestDigit(i), best.index);
    const c3 = await page.evaluate(() => window.lenet.activations('c3'));
    expect(c3[(5 * 10 + 4) * 10 + 4]).toBeCloseTo(best.value, 5);
    await expect(page.evaluate(() => window.lenet.topImages({ layer: 'c3', c: 0, y: 0, x: 0 }, 0))).rejects.toThrow(
      /k must be a whole number/,
    );
    await expect(page.evaluate(() => window.lenet.topImages({ layer: 'c3', c: 16, y: 0, x: 0 }, 3))).rejects.toThrow(
      /outside/,
    );
    expect(session.errors).toEqual([]);
  });
});
