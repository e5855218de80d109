/**
 * The backward view end to end in Chromium: draw with the real mouse, turn the backward view on,
 * hover a max-pooling cell and check that exactly its winner carries δ, teach a wrong label until
 * the reading flips, and undo back to the checkpoint exactly. Screenshots before, mid-sweep and
 * after are kept in test-results/e2e.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { formatNumber } from '../../src/viz/deltaWords';
import { appForFile, ARTIFACTS, DIGITS, drawStrokes, settledPrediction } from './appSession';

const session = appForFile();

const shownBackward = () =>
  session.app.page.waitForFunction(() => window.lenet.state().backward !== null, null, { timeout: 20_000 });

describe('the backward view', () => {
  it("colours the drawing's error terms, sweeping from the output to the input", async () => {
    await drawStrokes(session.app.page, DIGITS.seven);
    expect((await settledPrediction(session.app.page))?.label).toBe(7);
    await session.app.page.screenshot({ path: join(ARTIFACTS, 'backprop-before.png') });
    await session.app.page.getByTestId('backprop-toggle').check();
    await shownBackward();
    await session.app.page.waitForTimeout(700);
    await session.app.page.screenshot({ path: join(ARTIFACTS, 'backprop-mid-sweep.png') });
    await expect.poll(() => session.app.page.getByTestId('sweep-skip').count(), { timeout: 5000 }).toBe(0);
    await session.app.page.screenshot({ path: join(ARTIFACTS, 'backprop-after.png') });
    const state = await session.app.page.evaluate(() => window.lenet.state());
    expect(state.view).toBe('backward');
    expect(state.backward?.label).toBe(7); // preselected to the reading
    expect(await session.app.page.getByTestId('true-label-7').getAttribute('aria-pressed')).toBe('true');
    expect(await session.app.page.getByTestId('backprop-loss').textContent()).toMatch(/loss for a 7: \d/);
  });

  it("shows a wrong label's loss, and the δ of a max-pooling cell reaches its winner only", async () => {
    await session.app.page.getByTestId('true-label-3').click();
    await session.app.page.waitForFunction(() => window.lenet.state().backward?.label === 3, null, { timeout: 20_000 });
    const loss = (await session.app.page.evaluate(() => window.lenet.state().backward))!.loss;
    const p3 = (await session.app.page.evaluate(() => window.lenet.state().prediction))!.probabilities[3];
    expect(loss).toBeCloseTo(-Math.log(p3), 2);
    // The s2 cell with the largest |δ|.
    const s2 = (await session.app.page.evaluate(() => window.lenet.deltas('s2'))).out!;
    let best = 0;
    s2.forEach((v, i) => {
      if (Math.abs(v) > Math.abs(s2[best])) best = i;
    });
    expect(Math.abs(s2[best])).toBeGreaterThan(0);
    const node = { layer: 's2', c: Math.floor(best / 196), y: Math.floor(best / 14) % 14, x: best % 14 };
    const position = await session.app.page.evaluate((n) => window.lenet.screenPosition(n), node);
    expect(position).not.toBeNull();
    await session.app.page.mouse.move(position!.x, position!.y);
    await session.app.page.waitForFunction(
      (n) => JSON.stringify(window.lenet.state().focus) === JSON.stringify(n),
      node,
      { timeout: 5000 },
    );
    const tooltip = await session.app.page.getByTestId('node-tooltip').textContent();
    expect(tooltip).toMatch(/δ|dL\/d/);
    expect(tooltip).toMatch(/winner/);
    const window2x2 = await session.app.page.evaluate(() => window.lenet.highlighted());
    expect(window2x2).toHaveLength(4);
    const c1 = (await session.app.page.evaluate(() => window.lenet.deltas('c1'))).out!;
    const carried = window2x2.map((n) => c1[n.c * 784 + n.y * 28 + n.x]);
    const winner = window2x2.findIndex((n) => n.winner);
    expect(winner).toBeGreaterThanOrEqual(0);
    carried.forEach((v, k) => {
      if (k === winner) expect(v).toBeCloseTo(s2[best], 6);
      else expect(v).toBe(0);
    });
    await session.app.page.screenshot({ path: join(ARTIFACTS, 'backprop-pool-hover.png') });
  });

  it('teaches a wrong label until the reading flips, and undo returns to the checkpoint exactly', async () => {
    const before = (await session.app.page.evaluate(() => window.lenet.state().prediction))!;
    await session.app.page.getByTestId('teach-rate').fill('0.001');
    let steps = 0;
    for (; steps < 60; steps++) {
      if ((await session.app.page.evaluate(() => window.lenet.state().prediction?.label)) === 3) break;
      await session.app.page.getByTestId('teach-step').click();
      await session.app.page.waitForFunction((n) => window.lenet.state().teaching?.steps === n, steps + 1, {
        timeout: 20_000,
      });
    }
    expect(steps).toBeGreaterThan(0);
    expect((await session.app.page.evaluate(() => window.lenet.state().prediction))?.label).toBe(3);
    const status = await session.app.page.getByTestId('teach-status').textContent();
    expect(status).toContain(`It read your 3 after ${steps} step`);
    await session.app.page.screenshot({ path: join(ARTIFACTS, 'backprop-taught.png') });
    await session.app.page.getByTestId('teach-undo').click();
    await session.app.page.waitForFunction(() => window.lenet.state().teaching === null, null, { timeout: 20_000 });
    await session.app.page.waitForFunction(
      (p) => JSON.stringify(window.lenet.state().prediction?.probabilities) === JSON.stringify(p),
      before.probabilities,
      { timeout: 20_000 },
    );
  });

  it('explains a c3 node and a pooling cell in Chinese, with their numbers', async () => {
    const page = session.app.page;
    await page.getByTestId('language-switch').selectOption('zh');
    await page.waitForFunction(() => window.lenet.state().language === 'zh');
    const c3 = { layer: 'c3', c: 2, y: 4, x: 5 };
    await page.evaluate((n) => window.lenet.focus(n), c3);
    const pre = (await page.evaluate(() => window.lenet.deltas('c3'))).pre!;
    const details = page.getByTestId('delta-details');
    await expect.poll(() => details.textContent(), { timeout: 5000 }).toContain('下层为降采样层的反向传播');
    const text = (await details.textContent())!;
    expect(text).toContain(`敏感度 δ = dL/dz = ${formatNumber(pre[2 * 100 + 4 * 10 + 5])}`);
    expect(text).toContain('UpSample_max(s4 的 δ)');
    expect(text).toContain('应为“当下一层为降采样层时”');
    await page.screenshot({ path: join(ARTIFACTS, 'backprop-c3-zh.png') });
    const s2 = { layer: 's2', c: 1, y: 7, x: 5 };
    await page.evaluate((n) => window.lenet.focus(n), s2);
    const out = (await page.evaluate(() => window.lenet.deltas('s2'))).out!;
    await expect.poll(() => details.textContent(), { timeout: 5000 }).toContain('下层为卷积层的反向传播');
    expect(await details.textContent()).toContain(`dL/d(输出) = ${formatNumber(out[196 + 7 * 14 + 5])}`);
    await page.screenshot({ path: join(ARTIFACTS, 'backprop-s2-zh.png') });
    await page.evaluate(() => window.lenet.focus(null));
    await page.getByTestId('language-switch').selectOption('en');
    await page.waitForFunction(() => window.lenet.state().language === 'en');
  });

  it('answers the automation API: backward, deltas, gradient, teach and undoTeach', async () => {
    const { loss } = await session.app.page.evaluate(() => window.lenet.backward(2));
    expect(loss).toBeGreaterThan(0);
    const gradient = await session.app.page.evaluate(() => window.lenet.gradient('c1.weight'));
    expect(gradient).toHaveLength(150);
    expect(gradient.some((g) => g !== 0)).toBe(true);
    const input = await session.app.page.evaluate(() => window.lenet.deltas('input'));
    expect(input.out).toHaveLength(1024);
    expect(input.pre).toBeNull();
    expect((await session.app.page.evaluate(() => window.lenet.deltas('c3'))).pre).toHaveLength(1600);
    const taught = await session.app.page.evaluate(() => window.lenet.teach(2, 3, 0.001));
    expect(taught.lossAfter).toBeLessThan(taught.lossBefore);
    await session.app.page.evaluate(() => window.lenet.undoTeach());
    expect(await session.app.page.evaluate(() => window.lenet.state().teaching)).toBeNull();
    expect(session.errors).toEqual([]);
  });
});
