/**
 * The production build (built once here, with `--base /sub/lenet/`, served by `vite preview` under that path):
 * it works from the sub-path (every request stays under it, none fails) and reads a drawing; every checkpoint
 * of the three shipped runs loads when asked (each fetched on demand); after one visit it works offline (the service
 * worker serves the app, the run and the MNIST test images): reload with the network off, read a drawing, step
 * the timeline through the checkpoints it has, open the explorer; a checkpoint it never fetched is named while
 * the page retries, and arrives once the network is back.
 */
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../vitest.config';
import { ARTIFACTS, DIGITS, drawStrokes, settledPrediction } from './appSession';
import { buildAndServe, type ServedBuild } from './productionBuild';

const BASE = '/sub/lenet/';
let served: ServedBuild;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  served = await buildAndServe(BASE);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** A fresh context (no cache, no service worker) with a page on the build, waited for `ready`. */
async function visit(): Promise<{ context: BrowserContext; page: Page; requests: string[]; failures: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests: string[] = [];
  const failures: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(served.url);
  await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
  await page.evaluate(() => window.lenet.ready);
  return { context, page, requests, failures };
}

/** Shows each of the selected run's checkpoints in turn; returns the reading at each. */
async function stepThrough(page: Page, epochs: readonly number[]): Promise<number[][]> {
  const readings: number[][] = [];
  for (const epoch of epochs) {
    await page.evaluate((e) => window.lenet.selectCheckpoint(e), epoch);
    const state = await page.evaluate(() => window.lenet.state());
    expect(state.checkpoint).toBe(epoch);
    readings.push(state.prediction!.probabilities);
  }
  return readings;
}

describe('the build served under a sub-path', () => {
  let page: Page;

  it('loads everything from under the sub-path and reads a drawing', async () => {
    const first = await visit();
    page = first.page;
    expect(first.failures).toEqual([]);
    const origin = new URL(served.url).origin;
    const outside = first.requests.filter((url) => url.startsWith(origin) && !url.startsWith(served.url));
    expect(outside).toEqual([]);
    await drawStrokes(page, DIGITS.seven);
    expect((await settledPrediction(page))?.label).toBe(7);
  });

  it('loads every checkpoint of the three shipped runs when asked', async () => {
    for (const run of ['lenet5-default', 'lenet5-classic', 'lenet5-learned']) {
      if ((await page.evaluate(() => window.lenet.state().run)) !== run) {
        await page.getByTestId('run-picker').selectOption(run);
        await page.waitForFunction((r) => window.lenet.state().run === r, run, { timeout: 60_000 });
      }
      const epochs = (await page.evaluate(() => window.lenet.state().checkpoints)).map((c) => c.epoch);
      expect(epochs.length).toBeGreaterThanOrEqual(16);
      const readings = await stepThrough(page, epochs);
      // Each checkpoint's own weights: the untrained network reads the seven otherwise than the trained one.
      expect(readings[0]).not.toEqual(readings[readings.length - 1]);
      expect(readings[readings.length - 1].indexOf(Math.max(...readings[readings.length - 1]))).toBe(7);
      expect(await page.evaluate(() => window.lenet.state().fetchedEpochs)).toEqual(epochs);
    }
    await page.context().close();
  });
});

describe('offline after one visit', () => {
  it('reloads with the network off, reads a drawing, steps through the checkpoints it has, opens the explorer', async () => {
    const { context, page } = await visit();
    await page.waitForFunction(() => window.lenet.state().offlineReady, null, { timeout: 120_000 });
    const epochs = (await page.evaluate(() => window.lenet.state().checkpoints)).map((c) => c.epoch);
    // Idle, the page fetches the rest of the run's history (into the service worker's cache).
    await page.waitForFunction((n) => window.lenet.state().fetchedEpochs.length === n, epochs.length, {
      timeout: 120_000,
    });
    await page.getByTestId('explorer-toggle').click(); // fetches the MNIST test images and the predictions
    await page.getByTestId('confusion-matrix').waitFor({ timeout: 120_000 });
    const cached = () =>
      page.evaluate(async () => {
        const names = (await caches.keys()).filter((name) => name.startsWith('lenet-runs-'));
        const keys = await Promise.all(names.map(async (name) => (await caches.open(name)).keys()));
        return keys.flat().filter((request) => /lenet5-default\/epoch-[\d.]+\.bin$/.test(request.url)).length;
      });
    await expect.poll(cached, { timeout: 60_000 }).toBe(epochs.length);

    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => window.lenet.ready);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await drawStrokes(page, DIGITS.seven);
    expect((await settledPrediction(page))?.label).toBe(7);
    await stepThrough(page, epochs);
    await page.getByTestId('explorer-toggle').click();
    await page.getByTestId('confusion-matrix').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'offline.png') });

    // The classic run's checkpoints were never fetched in this browser: the page names the file and retries.
    await page.getByTestId('run-picker').selectOption('lenet5-classic');
    await expect
      .poll(() => page.getByTestId('fetch-status').textContent(), { timeout: 30_000 })
      .toMatch(/lenet5-classic\/epoch-\d+\.bin.*trying again/);
    expect(await page.evaluate(() => window.lenet.state().run)).toBe('lenet5-default');
    await context.setOffline(false);
    await page.waitForFunction(() => window.lenet.state().run === 'lenet5-classic', null, { timeout: 60_000 });
    expect(await page.getByTestId('fetch-status').textContent()).toBe('');
    await context.close();
  }, 300_000);

  it('raised no page error', () => {
    expect(errors).toEqual([]);
  });
});
