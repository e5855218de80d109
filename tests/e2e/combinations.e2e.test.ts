/**
 * Learned combinations in the page (issue 19), on the CPU reference engine with a 256-image MNIST subset: the shipped
 * learned run chosen in the run picker shows the α panel, which follows the timeline (its cells are
 * `window.lenet.alpha()` at each checkpoint, α = 1/6 at epoch 0) beside LeCun's table; a hovered c3 node lists α
 * per input map and, in the backward view, ∂E/∂c as the tutorial writes it (eq. 16-17) equal to the backward pass's
 * gradient of c3.alphaLogits; the gradient check on a logit shows the tutorial's L1 adding nothing and the entropy
 * adding something; the penalty controls are usable only for a learned C3, and two runs trained here (l1, entropy)
 * are compared side by side. Screenshots of the panel at epoch 0 and at the last epoch go to test-results/e2e.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForFile, ARTIFACTS, DIGITS, drawStrokes, seriousProblems, settledPrediction } from './appSession';

const session = appForFile('?backend=cpu&trainSubset=256');
const page = (): Page => session.app.page;

/** The α panel's grid as drawn: 16 rows of 6 values read from its cells. */
async function drawnAlpha(testId = 'alpha-grid'): Promise<number[][]> {
  return page()
    .getByTestId(testId)
    .evaluate((grid) =>
      Array.from({ length: 16 }, (_, j) =>
        Array.from({ length: 6 }, (_, i) =>
          Number(grid.querySelector(`[data-out="${j}"][data-in="${i}"]`)!.getAttribute('data-value')),
        ),
      ),
    );
}

/** Where `node` is drawn, once the view has stopped moving (the backward view's panels resize it a moment later). */
async function settledPosition(node: { layer: string; c: number; y: number; x: number }) {
  let at = await page().evaluate((n) => window.lenet.screenPosition(n), node);
  for (let tries = 0; tries < 50; tries++) {
    await page().waitForTimeout(200);
    const now = await page().evaluate((n) => window.lenet.screenPosition(n), node);
    if (at && now && Math.abs(now.x - at.x) < 0.5 && Math.abs(now.y - at.y) < 0.5) return now;
    at = now;
  }
  return at;
}

/** Hovers a node of the view and returns the tooltip. */
async function hover(node: { layer: string; c: number; y: number; x: number }) {
  const at = await settledPosition(node);
  expect(at, 'the node is on screen').not.toBeNull();
  // Off the node first, so that hovering the same node again (after the view changed) is a move the view sees.
  await page().mouse.move(1, 1);
  await page().mouse.move(at!.x, at!.y);
  const tooltip = page().getByTestId('node-tooltip');
  await tooltip.waitFor({ timeout: 30_000 });
  return tooltip;
}

describe('learned combinations', () => {
  it('offers the shipped learned run; chosen, the α panel follows the timeline beside LeCun’s table', async () => {
    await drawStrokes(page(), DIGITS.seven);
    await settledPrediction(page());
    const names = await page()
      .getByTestId('run-picker')
      .evaluate((select) => Array.from((select as HTMLSelectElement).options, (o) => o.value));
    expect(names).toContain('lenet5-learned');
    expect(await page().getByTestId('alpha-panel').count()).toBe(0); // the modern run has no α
    expect(await page().evaluate(() => window.lenet.alpha())).toBeNull();
    await page().getByTestId('run-picker').selectOption('lenet5-learned');
    await page().waitForFunction(() => window.lenet.state().run === 'lenet5-learned', null, { timeout: 60_000 });
    const panel = page().getByTestId('alpha-panel');
    await panel.waitFor({ timeout: 30_000 });
    const epochs = await page().evaluate(() => window.lenet.state().checkpoints.map((c) => c.epoch));
    expect(epochs[0]).toBe(0);
    for (const epoch of [0, epochs[epochs.length - 1]]) {
      await page().evaluate((e) => window.lenet.selectCheckpoint(e), epoch);
      await page().waitForFunction(
        (e) => document.querySelector('[data-testid="alpha-panel"]')?.getAttribute('data-epoch') === String(e),
        epoch,
      );
      const alpha = (await page().evaluate(() => window.lenet.alpha()))!;
      expect(alpha.length).toBe(16);
      for (const row of alpha) {
        expect(row.length).toBe(6);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      }
      expect(await drawnAlpha()).toEqual(alpha);
      if (epoch === 0) for (const row of alpha) for (const a of row) expect(a).toBeCloseTo(1 / 6, 6);
      else expect(Math.max(...alpha.flat())).toBeGreaterThan(0.5); // the combinations have formed
      const sparsity = Number(await page().getByTestId('alpha-sparsity').getAttribute('data-mean'));
      const counted = alpha.map((row) => row.filter((a) => a >= 0.05).length).reduce((a, b) => a + b, 0) / 16;
      expect(sparsity).toBeCloseTo(counted, 12);
      await page().getByTestId('alpha-grid').locator('[data-out="4"][data-in="2"]').hover();
      expect(await page().getByTestId('alpha-readout').textContent()).toMatch(/c3 map 4 ← s2 map 2: α = \d\.\d{3}/);
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(ARTIFACTS, `alpha-panel-epoch-${epoch === 0 ? '0' : 'last'}.png`) });
    }
    // LeCun's table drawn as the same grid: 60 connections.
    const lecun = (await drawnAlpha('alpha-grid-lecun')).flat();
    expect(lecun.filter((v) => v === 1).length).toBe(60);
    expect(await seriousProblems(page(), false)).toEqual([]); // axe-core with the panel shown
    // The explorer reads the run's shipped predictions; compare mode reads the modern run beside it.
    const confusion = await page().evaluate(() => window.lenet.confusion());
    expect(confusion.flat().reduce((x, y) => x + y, 0)).toBe(10000);
    await page().getByTestId('compare-toggle').check();
    await page().getByTestId('compare-prediction').waitFor({ timeout: 30_000 });
    expect(await page().getByTestId('compare-prediction').textContent()).toMatch(
      /modern: ReLU \+ max pooling \(last epoch\)/,
    );
    await page().getByTestId('compare-toggle').uncheck();
  }, 180_000);

  it('lists α of each input map in a hovered c3 node’s tooltip, and ∂E/∂c (eq. 16–17) in the backward view', async () => {
    const node = { layer: 'c3', c: 6, y: 5, x: 5 };
    const alpha = (await page().evaluate(() => window.lenet.alpha()))!;
    let tooltip = await hover(node);
    const listed = await tooltip
      .getByTestId('tooltip-alpha-value')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    listed.forEach((a, i) => expect(a).toBeCloseTo(alpha[node.c][i], 12));
    expect(listed.length).toBe(6);
    await page().screenshot({ path: join(ARTIFACTS, 'alpha-tooltip.png') });

    const label = await page().evaluate(() => window.lenet.state().prediction!.label);
    await page().evaluate((l) => window.lenet.backward(l), (label + 1) % 10);
    tooltip = await hover(node);
    await tooltip.getByTestId('tooltip-logit-gradient').first().waitFor({ timeout: 30_000 });
    const shown = await tooltip
      .getByTestId('tooltip-logit-gradient')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    const engine = (await page().evaluate(() => window.lenet.gradient('c3.alphaLogits'))).slice(
      node.c * 6,
      node.c * 6 + 6,
    );
    const scale = Math.max(...engine.map(Math.abs));
    expect(scale).toBeGreaterThan(0);
    // From float32 frames (δ, s2, the kernels) in float64: equal to the engine's to float32 rounding.
    shown.forEach((g, i) => expect(Math.abs(g - engine[i])).toBeLessThanOrEqual(1e-4 * scale + 1e-9));
    await page().screenshot({ path: join(ARTIFACTS, 'alpha-tooltip-backward.png') });
    await page().keyboard.press('Escape');
  }, 120_000);

  it('checks a logit’s gradient with and without each penalty: the tutorial’s L1 adds 0, the entropy does not', async () => {
    await page().getByTestId('alpha-grid').locator('[data-out="6"][data-in="1"]').click();
    await page().getByTestId('alpha-check-run').click();
    await page().waitForFunction(
      () => document.querySelector('[data-testid="alpha-check-loss"]')?.getAttribute('data-verdict'),
      null,
      { timeout: 60_000 },
    );
    expect(await page().getByTestId('alpha-check-loss').getAttribute('data-verdict')).toMatch(/^(agree|zero)$/);
    expect(Math.abs(Number(await page().getByTestId('alpha-check-l1').getAttribute('data-analytic')))).toBeLessThan(
      1e-12,
    );
    expect(
      Math.abs(Number(await page().getByTestId('alpha-check-entropy').getAttribute('data-analytic'))),
    ).toBeGreaterThan(0);
    await page()
      .getByTestId('alpha-gradient-check')
      .screenshot({ path: join(ARTIFACTS, 'alpha-gradient-check.png') });
  }, 120_000);

  it('opens from the chapter 学习特征图的组合: the learned run, its α panel, a c3 node pinned', async () => {
    await page().evaluate(() => window.lenet.selectRun('lenet5-default'));
    expect(await page().getByTestId('alpha-panel').count()).toBe(0);
    await page().evaluate(() => window.lenet.openChapter('learned-combinations'));
    const state = await page().evaluate(() => window.lenet.state());
    expect(state.run).toBe('lenet5-learned');
    expect(state.focus?.layer).toBe('c3');
    await page().getByTestId('alpha-panel').waitFor();
    expect(await page().getByTestId('node-tooltip').getByTestId('tooltip-alpha-value').count()).toBe(6);
    await page().screenshot({ path: join(ARTIFACTS, 'alpha-chapter.png') });
    await page().evaluate(() => window.lenet.focus(null));
  }, 120_000);

  it('offers the penalties for a learned C3 only, and compares two runs trained here (l1, entropy) side by side', async () => {
    await page().getByTestId('advanced-settings').locator('summary').first().click();
    await page().getByTestId('architecture-c3Connectivity').selectOption('full');
    expect(await page().getByTestId('alpha-penalty').isDisabled()).toBe(true);
    expect(await page().getByTestId('alpha-lambda').isDisabled()).toBe(true);
    await page().getByTestId('architecture-c3Connectivity').selectOption('learned');
    expect(await page().getByTestId('alpha-penalty').isDisabled()).toBe(false);
    await page().getByTestId('alpha-lambda').fill('0.5');
    const trained: string[] = [];
    for (const penalty of ['l1', 'entropy']) {
      await page().getByTestId('alpha-penalty').selectOption(penalty);
      if (penalty === 'l1')
        expect(await page().getByTestId('alpha-penalty-help').textContent()).toMatch(/does nothing/);
      // Shown a shipped run (or one trained here, reset), "1 epoch" starts a new run with these options.
      await page().evaluate(() => window.lenet.selectRun('lenet5-learned'));
      await page().getByTestId('train-epoch').click();
      await page().waitForFunction(
        (before) => {
          const s = window.lenet.state();
          return (
            s.run !== 'lenet5-learned' &&
            !before.includes(s.run!) &&
            s.training.status === 'paused' &&
            s.checkpoints.length >= 2
          );
        },
        trained,
        { timeout: 120_000 },
      );
      trained.push((await page().evaluate(() => window.lenet.state().run))!);
    }
    const entropyAlpha = (await page().evaluate(() => window.lenet.alpha()))!;
    await page().getByTestId('alpha-compare').selectOption(trained[0]);
    const compared = page().getByTestId('alpha-grid-compared');
    await compared.waitFor();
    const l1Alpha = await drawnAlpha('alpha-grid-compared');
    await page().evaluate((name) => window.lenet.selectRun(name), trained[0]);
    expect(await page().evaluate(() => window.lenet.alpha())).toEqual(l1Alpha);
    await page().evaluate((name) => window.lenet.selectRun(name), trained[1]);
    // The same seed and batches: only the penalty differs, and the entropy has moved α away from the L1 run's.
    const entropy = (rows: number[][]) => rows.flat().reduce((s, a) => s - a * Math.log(a), 0);
    expect(entropy(entropyAlpha)).toBeLessThan(entropy(l1Alpha));
    const grids = page().getByTestId('alpha-panel').locator('.alpha-grids');
    await grids.scrollIntoViewIfNeeded();
    await grids.screenshot({ path: join(ARTIFACTS, 'alpha-panel-compare.png') });
  }, 300_000);
});
