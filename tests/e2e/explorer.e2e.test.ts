/**
 * The test-set explorer and the classic LeNet-5 end to end in Chromium: the confusion matrix of the
 * selected checkpoint against the reference engine's own evaluation, the biggest off-diagonal cell's
 * gallery, a test digit loaded as the input (exactly the stored image, padded) and read as the wrong
 * digit, the matrix following the timeline, drawing returning to the drawing, the classic run and the
 * compare mode. Screenshots of the explorer at the first and last checkpoint go to test-results/e2e.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { computePredictions } from '../../src/engine/model/predictions';
import { loadRun } from '../../src/engine/model/runLoader';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { confusionMatrix } from '../../src/store/explorerData';
import { loadMnistSplit } from '../../scripts/mnistFiles';
import type {} from '../../src/ui/automationApi'; // declares window.lenet
import { ARTIFACTS, DIGITS, drawStrokes, openApp, settledPrediction, type AppSession } from './appSession';

let app: AppSession;
const errors: string[] = [];
const test = loadMnistSplit('test');
beforeAll(async () => {
  app = await openApp();
  app.page.on('pageerror', (error) => errors.push(error.message));
}, 180_000);
afterAll(async () => { await app?.close(); });

/** The reference engine's confusion matrix of checkpoint `index` (negative: from the end) of a shipped run, computed here. */
async function referenceConfusion(name: string, index: number): Promise<number[][]> {
  const dir = join(import.meta.dirname, '..', '..', 'public', 'models', name);
  const run = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
  const { architecture } = run.manifest;
  const network = new ReferenceNetwork(lenet5Layers(architecture), architecture.loss, run.checkpoints.at(index)!);
  return confusionMatrix(computePredictions(network, test), test.labels);
}

describe('the test-set explorer', () => {
  let biggest = { truth: 0, predicted: 0, count: -1 };

  it('shows the confusion matrix of the selected checkpoint, as the reference engine counts it', async () => {
    const opened = Date.now();
    await app.page.getByTestId('explorer-toggle').click();
    await app.page.getByTestId('confusion-matrix').waitFor({ timeout: 30_000 });
    console.log(`first matrix shown ${Date.now() - opened} ms after opening the explorer`);
    const matrix = await app.page.evaluate(() => window.lenet.confusion());
    expect(matrix).toEqual(await referenceConfusion('lenet5-default', -1));
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(10000);
    matrix.forEach((row, truth) => row.forEach((count, predicted) => {
      if (truth !== predicted && count > biggest.count) biggest = { truth, predicted, count };
    }));
    expect(await app.page.getByTestId(`confusion-cell-${biggest.truth}-${biggest.predicted}`).textContent()).toBe(String(biggest.count));
    await app.page.screenshot({ path: join(ARTIFACTS, 'explorer-last-checkpoint.png') });
  });

  it('lists the biggest mistake\'s digits and loads one as the input, read as the wrong digit', async () => {
    await app.page.getByTestId(`confusion-cell-${biggest.truth}-${biggest.predicted}`).click();
    const items = app.page.getByTestId('misclassified-item');
    await expect.poll(() => items.count()).toBe(biggest.count);
    const indices = (await items.evaluateAll((nodes) => nodes.map((n) => Number((n as HTMLElement).dataset.index))));
    indices.forEach((i) => expect(test.labels[i]).toBe(biggest.truth));
    await items.first().click();
    await app.page.waitForFunction((i) => { const s = window.lenet.state().inputSource; return s.kind === 'test' && s.index === i; }, indices[0]);
    const input = await app.page.evaluate(() => window.lenet.input());
    input.forEach((v, i) => {
      const y = Math.floor(i / 32) - 2, x = (i % 32) - 2;
      const stored = y >= 0 && y < 28 && x >= 0 && x < 28 ? test.images[indices[0] * 784 + y * 28 + x] / 255 : 0;
      expect(v).toBe(Math.fround(stored));
    });
    await app.page.waitForFunction((p) => window.lenet.state().prediction?.label === p, biggest.predicted);
    expect(await app.page.getByTestId('digit-history').textContent()).toMatch(/epoch/);
  });

  it('follows the timeline, and a loaded test digit shows its δ in the backward view', async () => {
    await app.page.evaluate(() => window.lenet.selectCheckpoint(0.0625));
    const first = await app.page.evaluate(() => window.lenet.confusion());
    expect(first).toEqual(await referenceConfusion('lenet5-default', 1));
    await app.page.screenshot({ path: join(ARTIFACTS, 'explorer-first-checkpoint.png') });
    await app.page.getByTestId('backprop-toggle').check();
    await app.page.waitForFunction(() => window.lenet.state().backward !== null);
    const { backward, inputSource } = await app.page.evaluate(() => window.lenet.state());
    expect(inputSource.kind).toBe('test');
    expect(backward?.label).toBe(biggest.truth); // a test digit is taught its true label by default
    await app.page.getByTestId('backprop-toggle').uncheck();
  });

  it('returns to the drawing when the person draws on the pad', async () => {
    await drawStrokes(app.page, DIGITS.one);
    await settledPrediction(app.page);
    expect((await app.page.evaluate(() => window.lenet.state())).inputSource).toEqual({ kind: 'drawing' });
    expect(await app.page.getByTestId('test-image').count()).toBe(0);
  });
});

describe('the classic LeNet-5', () => {
  it('is offered by name beside the modern one, and compare mode shows both readings', async () => {
    const options = await app.page.getByTestId('run-picker').locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['LeNet-5 as in 1998', 'modern: ReLU + max pooling']));
    await app.page.getByTestId('compare-toggle').check();
    await app.page.getByTestId('compare-prediction').waitFor();
    const { comparison } = await app.page.evaluate(() => ({ comparison: document.querySelector('[data-testid="compare-prediction"]')?.textContent }));
    expect(comparison).toContain('LeNet-5 as in 1998');
    await app.page.getByTestId('run-picker').selectOption('lenet5-classic');
    await app.page.waitForFunction(() => window.lenet.state().run === 'lenet5-classic');
    await settledPrediction(app.page);
    const state = await app.page.evaluate(() => window.lenet.state());
    expect(state.checkpoints.length).toBeGreaterThanOrEqual(16);
    expect(state.prediction?.label).toBe(1);
    const matrix = await app.page.evaluate(() => window.lenet.confusion());
    expect(matrix).toEqual(await referenceConfusion('lenet5-classic', state.checkpoints.length - 1));
    expect(await app.page.getByTestId('compare-prediction').textContent()).toContain('modern: ReLU + max pooling');
    expect(errors).toEqual([]);
  });
});
