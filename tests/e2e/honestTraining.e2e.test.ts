/**
 * Honest training (issue 23) at a student's 1366x768 and a projector's 1920x1080, on a 256-image MNIST subset:
 * "1 epoch" on a shipped run trains a new network and leaves the shipped one untouched (its checkpoints and its
 * reading the same after), names the new network and returns to the shipped reading exactly; the choice beside
 * the buttons starts the new run from the selected checkpoint; the teaching badge stays while taught and goes on
 * undo, and the teaching status describes the drawing taught; progress and charts never show beside a run they
 * do not belong to; the advanced settings are in the page from load; axe-core stays clean.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import {
  ARTIFACTS,
  DIGITS,
  drawStrokes,
  openApp,
  seriousProblems,
  settledPrediction,
  type AppSession,
} from './appSession';

const SEARCH = '?trainSubset=256';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

let app: AppSession;
const errors: string[] = [];
beforeAll(async () => {
  app = await openApp(SEARCH, { viewport: SIZES[0] });
  app.page.on('pageerror', (error) => errors.push(error.message));
}, 180_000);
afterAll(async () => {
  await app?.close();
});

/** What the shipped run shows for the drawing: its checkpoints, prediction and two layers' activations. */
async function reading(page: Page) {
  await settledPrediction(page);
  return page.evaluate(() => ({
    run: window.lenet.state().run,
    checkpoints: window.lenet.state().checkpoints,
    prediction: window.lenet.state().prediction,
    c3: window.lenet.activations('c3'),
    output: window.lenet.activations('output'),
  }));
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe.each(SIZES)('honest training at $width x $height', (size) => {
  let page: Page;
  let shipped: Awaited<ReturnType<typeof reading>>;
  const name = (part: string) => join(ARTIFACTS, `honest-${size.width}-${part}.png`);

  beforeAll(async () => {
    if (size.width === SIZES[0].width) {
      page = app.page;
    } else {
      // A fresh browser context (its own storage), opened as a person would: the settings are there at once.
      page = await (await app.browser.newContext({ viewport: size, deviceScaleFactor: 1 })).newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${app.url}${SEARCH}`);
      await page.getByTestId('advanced-settings').waitFor({ state: 'attached', timeout: 60_000 });
      await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
      await page.evaluate(() => window.lenet.ready);
    }
  }, 180_000);

  it('has the advanced settings in the page from load, closed, with the architecture and the engine', async () => {
    const advanced = page.getByTestId('advanced-settings');
    expect(await advanced.evaluate((e) => e.tagName === 'DETAILS' && !(e as HTMLDetailsElement).open)).toBe(true);
    await advanced.locator('summary').first().click();
    for (const option of ['activation', 'pooling', 'c3Connectivity', 'loss'])
      expect(await page.getByTestId(`architecture-${option}`).isVisible(), option).toBe(true);
    expect(await page.getByLabel('activation', { exact: true }).count()).toBe(1); // a visible label names each select
    expect(await advanced.textContent()).toMatch(/take effect on a new network/);
    // The engine line is short; the renderer and the reason for the fallback are behind "details".
    expect((await page.getByTestId('engine-status').locator('p').first().textContent())?.trim()).toBe(
      'engine: WebAssembly (CPU)',
    );
    expect(await page.getByText(/software renderer/).isVisible()).toBe(false);
    await page.getByTestId('engine-status').locator('summary').click();
    expect(await page.getByText(/software renderer \(.*SwiftShader/).isVisible()).toBe(true);
    await advanced.locator('summary').first().click();
  });

  it('"1 epoch" on the shipped run trains a new network, leaves the shipped run untouched and returns to it exactly', async () => {
    await drawStrokes(page, DIGITS.seven);
    shipped = await reading(page);
    expect(shipped.run).toBe('lenet5-default');
    expect(await text(page, 'training-origin')).toMatch(/stays as it is: training makes a new network, my-run\./);
    expect(
      await page
        .getByTestId('training-origin')
        .getByLabel(/from scratch \(ReLU, max pooling/)
        .isChecked(),
    ).toBe(true);
    expect(await text(page, 'train-epoch')).toBe('1 epoch (new)');
    expect(await text(page, 'train-toggle')).toBe('Train new network');
    expect(await text(page, 'train-reset')).toBe('New from scratch');
    expect(await page.getByTestId('training-progress').count()).toBe(0);

    await page.getByTestId('train-epoch').click();
    await page.waitForFunction(() => window.lenet.state().run === 'my-run', null, { timeout: 60_000 });
    await page.waitForFunction(
      () =>
        window.lenet.state().checkpoints.some((c) => c.epoch === 1) &&
        window.lenet.state().training.status === 'paused',
      null,
      { timeout: 120_000 },
    );
    expect(await text(page, 'shown-network')).toMatch(/my-run: your network, trained here from scratch · epoch 1/);
    expect(await page.getByTestId('back-to-shipped').isVisible()).toBe(true);
    // The run's own progress and charts, the time of its epoch included.
    expect(await text(page, 'training-progress')).toMatch(/epoch 1\.00, step 4/);
    expect(await text(page, 'chart-time')).toMatch(/time per epoch: \d+\.\d s for epoch 1/);
    expect(await text(page, 'train-epoch')).toBe('1 epoch');
    expect(await text(page, 'train-reset')).toBe('Begin this run again');
    expect(await page.getByTestId('training-origin').count()).toBe(0);
    await page.screenshot({ path: name('after-epoch') });

    await page.getByTestId('back-to-shipped').click();
    await page.waitForFunction(() => window.lenet.state().run === 'lenet5-default');
    const back = await reading(page);
    expect(back.checkpoints).toEqual(shipped.checkpoints);
    expect(back.prediction).toEqual(shipped.prediction);
    expect(back.c3).toEqual(shipped.c3);
    expect(back.output).toEqual(shipped.output);
    // No panel shows my-run's progress beside the shipped run.
    expect(await page.getByTestId('training-progress').count()).toBe(0);
    expect(await page.getByTestId('chart-loss').count()).toBe(0);
    expect(await text(page, 'training-origin')).toMatch(/new network, my-run-2\./);
    await page.screenshot({ path: name('back-to-shipped') });
  });

  it('continues the selected checkpoint as a new run when asked: its epoch 0 reads exactly as the shipped checkpoint', async () => {
    await page.evaluate(() => window.lenet.selectCheckpoint(4));
    const atFour = await reading(page);
    const choice = page.getByTestId('training-origin').getByLabel(/from epoch 4 \(the checkpoint shown\) as a new run/);
    await choice.check();
    expect(await text(page, 'train-reset')).toBe('Copy as a new run');
    await page.getByTestId('train-step').click();
    await page.waitForFunction(
      () => window.lenet.state().run === 'my-run-2' && window.lenet.state().training.step === 1,
      null,
      { timeout: 60_000 },
    );
    expect(await text(page, 'shown-network')).toMatch(
      /my-run-2: your network, trained here from modern: ReLU \+ max pooling at epoch 4/,
    );
    await page.evaluate(() => window.lenet.selectCheckpoint(0));
    const start = await reading(page);
    expect(start.c3).toEqual(atFour.c3);
    expect(start.output).toEqual(atFour.output);

    // Another run trained here shows none of my-run-2's progress; my-run-2 shows its own.
    await page.getByTestId('run-picker').selectOption('my-run');
    await page.waitForFunction(() => window.lenet.state().run === 'my-run');
    expect(await page.getByTestId('training-progress').count()).toBe(0);
    expect(await page.getByTestId('chart-loss').count()).toBe(0);
    expect(await text(page, 'train-toggle')).toBe('Train');
    expect(await page.getByText('Training continues my-run from its last checkpoint (epoch 1).').isVisible()).toBe(
      true,
    );
    await page.getByTestId('run-picker').selectOption('my-run-2');
    await page.waitForFunction(() => window.lenet.state().run === 'my-run-2');
    expect(await text(page, 'training-progress')).toMatch(/my-run-2: epoch 0\.\d+, step 1/);

    await page.getByTestId('back-to-shipped').click();
    await page.waitForFunction(() => window.lenet.state().run === 'lenet5-default');
    const back = await reading(page);
    expect(back.checkpoints).toEqual(shipped.checkpoints);
    expect(back.output).toEqual(shipped.output);
    await page
      .getByTestId('training-origin')
      .getByLabel(/from scratch/)
      .check();
  });

  it('keeps the teaching badge while taught (whatever is drawn) and drops it on undo; the status describes the drawing taught', async () => {
    await page.evaluate(() => window.lenet.teach(9, 3));
    expect(await page.getByTestId('teaching-badge').isVisible()).toBe(true);
    expect(await text(page, 'teach-status')).toMatch(/^Taught this drawing as a 9\.3 steps on this drawing/);
    await page.getByTestId('clear-pad').click();
    await drawStrokes(page, DIGITS.one);
    await settledPrediction(page);
    expect(await page.getByTestId('teaching-badge').isVisible()).toBe(true);
    const status = await text(page, 'teach-status');
    expect(status).toContain('Taught this drawing as a 9.');
    expect(status).toMatch(/It read your 9 after \d+ steps?\.|It does not read a 9 yet\./);
    expect(status).not.toMatch(/your 1|a 1\b/);
    expect(await page.getByTestId('teach-thumbnail').getAttribute('aria-label')).toBe(
      'the drawing taught as a 9 (32x32 input)',
    );
    await page.screenshot({ path: name('taught-new-drawing') });
    await page.getByTestId('teaching-badge').getByRole('button').click();
    await page.waitForFunction(() => window.lenet.state().teaching === null, null, { timeout: 20_000 });
    expect(await page.getByTestId('teaching-badge').count()).toBe(0);
    await page.getByTestId('clear-pad').click();
  });

  it('stays clean under axe-core, with every section open', async () => {
    expect(await seriousProblems(page, false)).toEqual([]);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await seriousProblems(page, false)).toEqual([]);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
    expect(errors).toEqual([]);
  });
});
