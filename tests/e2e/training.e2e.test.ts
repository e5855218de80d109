/** Training in the page on a labelled MNIST subset: play, live view, checkpoints on the timeline, pause, step, divergence. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { ARTIFACTS, DIGITS, drawStrokes, openApp, settledPrediction, type AppSession } from './appSession';

let app: AppSession;
beforeAll(async () => {
  app = await openApp('?trainSubset=512');
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('training in the browser', () => {
  it('trains a run from epoch 0 with the view following it, and adds its checkpoints to the timeline', async () => {
    await drawStrokes(app.page, DIGITS.seven);
    await settledPrediction(app.page);
    // On this machine WebGL2 is SwiftShader, so the app chose the WebAssembly SIMD engine and says why (in the
    // engine's details, under Advanced settings).
    expect(await app.page.evaluate(() => window.lenet.state().backend)).toBe('wasm');
    await app.page.getByTestId('advanced-settings').locator('summary').first().click();
    await app.page.getByTestId('engine-status').locator('summary').click();
    expect(await app.page.getByText(/software renderer/).isVisible()).toBe(true);
    await app.page.getByTestId('advanced-settings').locator('summary').first().click();
    expect(await app.page.getByText('subset: 512 images').isVisible()).toBe(true);
    await app.page.getByTestId('train-toggle').click();
    await app.page.waitForFunction(() => window.lenet.state().run === 'my-run', null, { timeout: 120_000 });
    const early = await app.page.evaluate(() => window.lenet.activations('output'));
    await app.page.waitForFunction(() => window.lenet.state().checkpoints.some((c) => c.epoch === 1), null, {
      timeout: 120_000,
    });
    // Progress is reported every 250 ms; a fast engine passes epoch 1 sooner than that.
    await app.page.waitForFunction(() => window.lenet.state().training.step >= 8, null, { timeout: 30_000 });
    const state = await app.page.evaluate(() => window.lenet.state());
    expect(state.training.status).toBe('running');
    expect(state.training.step).toBeGreaterThanOrEqual(8);
    expect(state.checkpoints[0]).toMatchObject({ epoch: 0 });
    expect(state.checkpoints.map((c) => c.epoch)).toContain(1);
    expect(state.checkpoints.every((c) => c.testAccuracy !== null)).toBe(true);
    expect(state.checkpoints.at(-1)!.testAccuracy!).toBeGreaterThan(state.checkpoints[0].testAccuracy! + 0.2);
    expect(await app.page.getByTestId('chart-loss').textContent()).toMatch(/training loss: \d\.\d{4} at step \d+/);
    const later = await app.page.evaluate(() => window.lenet.activations('output'));
    expect(later.some((v, i) => Math.abs(v - early[i]) > 1e-3)).toBe(true);
    await app.page.screenshot({ path: join(ARTIFACTS, 'training.png') });
    await app.page.getByTestId('train-toggle').click();
    await app.page.waitForFunction(() => window.lenet.state().training.status === 'paused', null, { timeout: 60_000 });
  });

  it('steps one batch at a time while paused', async () => {
    const before = await app.page.evaluate(() => window.lenet.state().training.step);
    await app.page.getByTestId('train-step').click();
    await app.page
      .waitForFunction((step) => window.lenet.state().training.step === step + 1, before, { timeout: 120_000 })
      .catch(async (error: unknown) => {
        const state = await app.page.evaluate(() => window.lenet.state().training);
        const alert = await app.page
          .getByRole('alert')
          .textContent()
          .catch(() => null);
        throw new Error(
          `${String(error)}; step before ${before}, training now ${JSON.stringify(state)}, alert ${alert}`,
        );
      });
  });

  it('pauses a diverging run, says what happened and what to try', async () => {
    await app.page.getByLabel('learning rate').fill('10');
    await app.page.getByTestId('train-toggle').click();
    await expect
      .poll(() => app.page.getByRole('alert').textContent(), { timeout: 120_000 })
      .toMatch(/diverged.*lower the learning rate/);
    await app.page.waitForFunction(() => window.lenet.state().training.status === 'paused', null, { timeout: 60_000 });
    const output = await app.page.evaluate(() => window.lenet.activations('output'));
    expect(output.every(Number.isFinite)).toBe(true);
  }, 240_000); // its two waits may take up to 180 s on a loaded machine

  it('keeps the run after a reload, and its exported file re-imports identically', async () => {
    const before = await app.page.evaluate(() => window.lenet.state().checkpoints);
    await app.page.reload();
    await app.page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
    await app.page.evaluate(() => window.lenet.ready);
    await app.page.getByTestId('run-picker').selectOption('my-run');
    await app.page.waitForFunction(() => window.lenet.state().run === 'my-run');
    const restored = await app.page.evaluate(() => window.lenet.state().checkpoints);
    expect(restored).toEqual(before.slice(0, restored.length));
    expect(restored.length).toBeGreaterThanOrEqual(3);
    await drawStrokes(app.page, DIGITS.seven);
    await settledPrediction(app.page);
    const activations = await app.page.evaluate(() => window.lenet.activations('f6'));

    const download = app.page.waitForEvent('download');
    await app.page.getByTestId('export-run').click();
    const file = join(ARTIFACTS, 'my-run.zip');
    await (await download).saveAs(file);
    await app.page.getByTestId('import-run').setInputFiles(file);
    await app.page.waitForFunction(() => window.lenet.state().run === 'my-run (2)');
    await settledPrediction(app.page);
    expect(await app.page.evaluate(() => window.lenet.state().checkpoints)).toEqual(restored);
    expect(await app.page.evaluate(() => window.lenet.activations('f6'))).toEqual(activations);

    await app.page
      .getByTestId('import-run')
      .setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
    await expect
      .poll(() => app.page.getByRole('alert').textContent())
      .toMatch(/Import refused: broken.zip: not a run file/);
    expect(await app.page.evaluate(() => window.lenet.state().run)).toBe('my-run (2)');
  });

  it("structural options start a new run whose view follows its architecture (LeCun's c3 table)", async () => {
    await app.page.getByTestId('advanced-settings').locator('summary').first().click();
    await app.page.getByTestId('architecture-c3Connectivity').selectOption('lenet5');
    await app.page.getByTestId('architecture-pooling').selectOption('subsample');
    await app.page.getByTestId('architecture-activation').selectOption('tanh');
    // The imported run shown stays as it is: Reset starts a new network from scratch beside it.
    await app.page.getByTestId('train-reset').click();
    await app.page.waitForFunction(
      () => window.lenet.state().run === 'my-run-2' && window.lenet.state().checkpoints.length === 1,
    );
    await app.page.getByTestId('train-step').click();
    await app.page.waitForFunction(() => window.lenet.state().training.step === 1, null, { timeout: 60_000 });
    await app.page.evaluate(() => {
      window.lenet.setTraceMode('direct');
      window.lenet.focus({ layer: 'c3', c: 0, y: 2, x: 2 });
    });
    const sources = await app.page.evaluate(() => window.lenet.highlighted());
    expect(sources).toHaveLength(75);
    expect(new Set(sources.map((n) => n.c))).toEqual(new Set([0, 1, 2]));
    expect(await app.page.getByTestId('node-tooltip').textContent()).toMatch(/maps \{0,1,2\} \+ bias, then tanh/);
  });

  it('tells the user when storage is full and keeps training the run in memory; tab switches and resizes lose nothing', async () => {
    await app.page.evaluate(() => {
      IDBObjectStore.prototype.put = function put() {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    await app.page.getByTestId('train-toggle').click();
    await expect
      .poll(() => app.page.getByRole('alert').textContent(), { timeout: 120_000 })
      .toMatch(/storage for this page is full.*kept in this tab/);
    const other = await app.page.context().newPage();
    await other.goto('about:blank');
    await other.bringToFront();
    const stepBefore = await app.page.evaluate(() => window.lenet.state().training.step);
    await other.waitForTimeout(3000);
    await other.close();
    await app.page.bringToFront();
    await app.page.setViewportSize({ width: 1100, height: 760 });
    await app.page.waitForFunction((step) => window.lenet.state().training.step > step, stepBefore, {
      timeout: 60_000,
    });
    expect(await app.page.evaluate(() => window.lenet.state().training.status)).toBe('running');
    expect((await app.page.evaluate(() => window.lenet.state().checkpoints)).length).toBeGreaterThan(1);
    await app.page.getByTestId('train-toggle').click();
  });
});
