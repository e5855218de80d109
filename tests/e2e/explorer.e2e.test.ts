/**
 * The test-set explorer and the classic LeNet-5 end to end in Chromium: the confusion matrix of the
 * selected checkpoint against the run folder's predictions, the biggest off-diagonal cell's
 * gallery, a test digit loaded as the input (exactly the stored image, padded) and read as the wrong
 * digit, the matrix following the timeline, drawing returning to the drawing, the classic run and the
 * compare mode. Screenshots of the explorer at the first and last checkpoint go to test-results/e2e.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRun } from '../../src/engine/model/runLoader';
import { confusionMatrix } from '../../src/store/explorerData';
import { loadMnistSplit } from '../../scripts/mnistFiles';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { appForFile, ARTIFACTS, DIGITS, drawStrokes, settledPrediction } from './appSession';

const test = loadMnistSplit('test');
const session = appForFile();

/**
 * The confusion matrix of checkpoint `index` (negative: from the end) of a shipped run, from its run folder read here
 * (tests/shippedRun.test.ts checks that those predictions are the reference engine's own).
 */
async function referenceConfusion(name: string, index: number): Promise<number[][]> {
  const dir = join(import.meta.dirname, '..', '..', 'public', 'models', name);
  const run = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
  return confusionMatrix(run.predictions.at(index)!, test.labels);
}

describe('the test-set explorer', () => {
  let biggest = { truth: 0, predicted: 0, count: -1 };

  it("shows the confusion matrix of the selected checkpoint, as the run's predictions count it", async () => {
    const opened = Date.now();
    await session.app.page.getByTestId('explorer-toggle').click();
    await session.app.page.getByTestId('confusion-matrix').waitFor({ timeout: 30_000 });
    console.log(`first matrix shown ${Date.now() - opened} ms after opening the explorer`);
    const matrix = await session.app.page.evaluate(() => window.lenet.confusion());
    expect(matrix).toEqual(await referenceConfusion('lenet5-default', -1));
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(10000);
    matrix.forEach((row, truth) =>
      row.forEach((count, predicted) => {
        if (truth !== predicted && count > biggest.count) biggest = { truth, predicted, count };
      }),
    );
    expect(
      await session.app.page.getByTestId(`confusion-cell-${biggest.truth}-${biggest.predicted}`).textContent(),
    ).toBe(String(biggest.count));
    await session.app.page.screenshot({ path: join(ARTIFACTS, 'explorer-last-checkpoint.png') });
  });

  it("lists the biggest mistake's digits and loads one as the input, read as the wrong digit", async () => {
    await session.app.page.getByTestId(`confusion-cell-${biggest.truth}-${biggest.predicted}`).click();
    const items = session.app.page.getByTestId('misclassified-item');
    await expect.poll(() => items.count()).toBe(biggest.count);
    const indices = await items.evaluateAll((nodes) => nodes.map((n) => Number((n as HTMLElement).dataset.index)));
    indices.forEach((i) => expect(test.labels[i]).toBe(biggest.truth));
    await items.first().click();
    await session.app.page.waitForFunction((i) => {
      const s = window.lenet.state().inputSource;
      return s.kind === 'test' && s.index === i;
    }, indices[0]);
    const input = await session.app.page.evaluate(() => window.lenet.input());
    input.forEach((v, i) => {
      const y = Math.floor(i / 32) - 2,
        x = (i % 32) - 2;
      const stored = y >= 0 && y < 28 && x >= 0 && x < 28 ? test.images[indices[0] * 784 + y * 28 + x] / 255 : 0;
      expect(v).toBe(Math.fround(stored));
    });
    await session.app.page.waitForFunction((p) => window.lenet.state().prediction?.label === p, biggest.predicted);
    expect(await session.app.page.getByTestId('digit-history').textContent()).toMatch(/epoch/);
  });

  it('follows the timeline, and a loaded test digit shows its δ in the backward view', async () => {
    await session.app.page.evaluate(() => window.lenet.selectCheckpoint(0.0625));
    const first = await session.app.page.evaluate(() => window.lenet.confusion());
    expect(first).toEqual(await referenceConfusion('lenet5-default', 1));
    await session.app.page.screenshot({ path: join(ARTIFACTS, 'explorer-first-checkpoint.png') });
    await session.app.page.getByTestId('backprop-toggle').check();
    await session.app.page.waitForFunction(() => window.lenet.state().backward !== null);
    const { backward, inputSource } = await session.app.page.evaluate(() => window.lenet.state());
    expect(inputSource.kind).toBe('test');
    expect(backward?.label).toBe(biggest.truth); // a test digit is taught its true label by default
    await session.app.page.getByTestId('backprop-toggle').uncheck();
  });

  it('returns to the drawing when the person draws on the pad', async () => {
    await drawStrokes(session.app.page, DIGITS.one);
    await settledPrediction(session.app.page);
    expect((await session.app.page.evaluate(() => window.lenet.state())).inputSource).toEqual({ kind: 'drawing' });
    expect(await session.app.page.getByTestId('test-image').count()).toBe(0);
  });
});

describe('the classic LeNet-5', () => {
  it('is offered by name beside the modern one, and compare mode shows both readings', async () => {
    const options = await session.app.page.getByTestId('run-picker').locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['LeNet-5 as in 1998', 'modern: ReLU + max pooling']));
    await session.app.page.getByTestId('compare-toggle').check();
    await session.app.page.getByTestId('compare-prediction').waitFor();
    const { comparison } = await session.app.page.evaluate(() => ({
      comparison: document.querySelector('[data-testid="compare-prediction"]')?.textContent,
    }));
    expect(comparison).toContain('LeNet-5 as in 1998');
    await session.app.page.getByTestId('run-picker').selectOption('lenet5-classic');
    await session.app.page.waitForFunction(() => window.lenet.state().run === 'lenet5-classic');
    await settledPrediction(session.app.page);
    const state = await session.app.page.evaluate(() => window.lenet.state());
    expect(state.checkpoints.length).toBeGreaterThanOrEqual(16);
    expect(state.prediction?.label).toBe(1);
    const matrix = await session.app.page.evaluate(() => window.lenet.confusion());
    expect(matrix).toEqual(await referenceConfusion('lenet5-classic', state.checkpoints.length - 1));
    expect(await session.app.page.getByTestId('compare-prediction').textContent()).toContain(
      'modern: ReLU + max pooling',
    );
    expect(session.errors).toEqual([]);
  });
});
