/**
 * Online updates, momentum made visible and the run comparison (issue 19), on the reference engine
 * (`?backend=cpu`) and a 256-image MNIST subset: the batch size select is in the page from load and offers 1;
 * a run trained at batch size 1 trains, its per-layer momentum charts (gradient norm, velocity norm,
 * update-to-weight ratio) follow it; a second run with momentum 0 beside it; the comparison overlays both runs'
 * loss and accuracy, named, and reads them out under the keys. Screenshots in test-results/e2e.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { appForFile, ARTIFACTS, seriousProblems } from './appSession';

const session = appForFile('?backend=cpu&trainSubset=256');

/** A screenshot of the element `testId`, the page made tall enough that the controls column holds it whole. */
async function shoot(page: Page, testId: string, file: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2400 });
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.getByTestId(testId).screenshot({ path: join(ARTIFACTS, file) });
  await page.setViewportSize(size);
}

/** Trains the run the buttons start for `seconds`, then pauses; returns the run's name. */
async function trainFor(page: Page, seconds: number): Promise<string> {
  await page.getByTestId('train-toggle').click();
  await page.waitForFunction(() => window.lenet.state().training.status === 'running', null, { timeout: 120_000 });
  await page.waitForTimeout(seconds * 1000);
  await page.getByTestId('train-toggle').click();
  await page.waitForFunction(() => window.lenet.state().training.status === 'paused', null, { timeout: 60_000 });
  return page.evaluate(() => window.lenet.state().run!);
}

describe('online updates and momentum', () => {
  it('offers batch size 1 in the training panel from load, with the tutorial’s comparison in its help', async () => {
    const { page } = session.app;
    const select = page.getByTestId('batch-size');
    expect(await select.isVisible()).toBe(true);
    expect(await select.locator('option').allTextContents()).toEqual([
      '1 (online updates)',
      '8',
      '16',
      '32',
      '64',
      '128',
      '256',
    ]);
    await select.selectOption('1');
    expect(await page.getByTestId('batch-hint').textContent()).toContain('η/(1 − γ) = 0.5');
    await page.getByText('Batch or online updates?').click();
    expect(await page.getByText('Stochastic gradient descent vs batch learning').isVisible()).toBe(true);
  });

  it('trains at batch size 1, and the momentum charts follow each layer', async () => {
    const { page } = session.app;
    await page.getByLabel('learning rate').fill('0.002');
    await page.getByLabel('momentum', { exact: true }).fill('0.9');
    expect(await page.getByTestId('batch-hint').count()).toBe(0);
    const stepsAtStart = await page.evaluate(() => window.lenet.state().training.step);
    const run = await trainFor(page, 10);
    expect(run).toBe('my-run');
    const state = await page.evaluate(() => window.lenet.state());
    // One image per step: the steps are the images trained (256 per epoch).
    expect(state.training.step - stepsAtStart).toBeGreaterThan(50);
    expect(state.training.epoch).toBeCloseTo(state.training.step / 256, 6);
    const charts = page.getByTestId('momentum-charts');
    await charts.waitFor({ timeout: 30_000 });
    for (const quantity of ['gradientNorm', 'velocityNorm', 'updateRatio'])
      expect(await charts.getByTestId(`momentum-${quantity}`).locator('path').count()).toBe(5);
    const rows = charts.locator('tbody tr');
    expect(await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-layer')))).toEqual([
      'c1',
      'c3',
      'c5',
      'f6',
      'output',
    ]);
    expect(await charts.innerText()).toMatch(/At step [\d,]+ \(γ = 0\.9\)/);
    // Online updates' noise: each report's measured step has its own loss, charted beside the means.
    await page.getByTestId('chart-step-loss').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('chart-step-loss').locator('polyline, path').count()).toBeGreaterThan(0);
    await page.getByTestId('chart-step-loss').screenshot({ path: join(ARTIFACTS, 'step-loss.png') });
    await charts.getByText('Why momentum helps where plain gradient descent zig-zags').click();
    expect(await charts.innerText()).toContain('10 times the gradient times the learning rate');
    await shoot(page, 'momentum-charts', 'momentum-charts.png');
  });

  it('trains a second run with momentum 0, and overlays both runs in the comparison, named, read under the keys', async () => {
    const { page } = session.app;
    await page.getByTestId('run-picker').selectOption('lenet5-default');
    await page.waitForFunction(() => window.lenet.state().run === 'lenet5-default');
    await page.getByLabel('momentum', { exact: true }).fill('0');
    await page.getByLabel('learning rate').fill('0.01');
    expect(await trainFor(page, 10)).toBe('my-run-2');
    const compare = page.getByTestId('run-compare');
    await compare.waitFor();
    const picked = compare.locator('label.compare-run:has(input:checked)');
    // The comparison follows the runs every 2 s at most.
    await expect
      .poll(() => picked.evaluateAll((l) => l.map((label) => label.getAttribute('data-run'))), { timeout: 10_000 })
      .toEqual(['my-run', 'my-run-2']);
    expect(await compare.innerText()).toMatch(/your run \(trained here\) γ 0\.9, η 0\.002, batch 1/);
    expect(await compare.innerText()).toMatch(/my-run-2 γ 0, η 0\.01, batch 1/);
    for (const part of ['loss', 'accuracy'])
      expect(await compare.getByTestId(`compare-${part}`).locator('g[data-series] path').count()).toBe(2);
    // The arrow keys step the cursor back through the epochs; every run is read out there.
    const chart = compare.getByTestId('compare-loss');
    await chart.focus();
    const at = async () => Number(/At epoch ([\d.]+):/.exec(await compare.innerText())![1]);
    const last = await at();
    await page.keyboard.press('Home');
    expect(await at()).toBeLessThan(last);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await chart.getAttribute('aria-valuenow')).toBe('2');
    expect((await compare.innerText()).match(/loss [\d.]+ · accuracy/g)?.length).toBe(2);
    await shoot(page, 'run-compare', 'run-compare.png');
    // Picking a shipped run adds its curves from its manifest.
    await compare.locator('label[data-run="lenet5-default"] input').check();
    expect(await compare.getByTestId('compare-loss').locator('g[data-series] path').count()).toBe(3);
  });

  it('has no serious or critical axe finding with the momentum charts and the comparison shown', async () => {
    const { page } = session.app;
    await page.getByTestId('run-picker').selectOption('my-run');
    await page.getByTestId('momentum-charts').waitFor();
    expect(await seriousProblems(page, false)).toEqual([]);
  });

  it('throws nothing in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
