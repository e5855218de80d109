/**
 * The close-up and the transform probe's panels end to end, on a mouse-drawn 7: the close-up's numbers equal the
 * tooltip's (conv, pooling, dense); the slide mode steps (buttons, play, keys) and builds the map; stride and padding
 * give the formula's sizes; the probe's sliders shift the drawing, which reads the same at small shifts; the
 * equivariance panel (c1 exact inside the borders, s2 not for an odd shift); the sweep charts render for both
 * shipped runs; the address keeps it all; the chapters open it; axe-core finds no serious problem with the panels
 * open (desktop, and a phone with its touch targets). Prints a close-up's render time. Screenshots in
 * test-results/e2e/closeup-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { NodeRef } from '../../src/engine/model/nodeRef';
import { closeUpRender } from '../../scripts/closeUpRender';
import { ARTIFACTS, DIGITS, appForFile, drawStrokes, seriousProblems, settledPrediction } from './appSession';

const session = appForFile();
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `closeup-${name}.png`) });
const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
/** A number as the English page writes it ("1,234.5678", "-0.0123"). */
const parsed = (value: string) => Number(value.replace(/,/g, ''));

/** The tooltip's value and pre-activation, as written. */
async function tooltipNumbers(page: Page): Promise<{ value: string; pre: string | null }> {
  const tooltip = await text(page, 'node-tooltip');
  const match = /value (-?\d[\d,]*\.\d+)(?:, before activation (-?\d[\d,]*\.\d+))?/.exec(tooltip);
  if (!match) throw new Error(`no value in the tooltip: ${tooltip}`);
  return { value: match[1], pre: match[2] ?? null };
}

async function pin(page: Page, node: NodeRef, kind: 'conv' | 'pool' | 'dense'): Promise<void> {
  await page.evaluate((n) => window.lenet.focus(n), node);
  await page.getByTestId(`${kind}-closeup`).waitFor();
  await expect.poll(() => text(page, 'node-tooltip')).toContain(node.layer);
}

const focused = (page: Page) => page.evaluate(() => window.lenet.state().focus);

describe('the close-up', () => {
  it("shows a conv, pooling or dense node's arithmetic with the tooltip's own numbers", async () => {
    const { page } = session.app;
    await page.getByTestId('clear-pad').click();
    await drawStrokes(page, DIGITS.seven);
    expect((await settledPrediction(page))?.label).toBe(7);
    const nodes: [NodeRef, 'conv' | 'pool' | 'dense'][] = [
      [{ layer: 'c1', c: 2, y: 12, x: 9 }, 'conv'],
      [{ layer: 'c3', c: 7, y: 4, x: 5 }, 'conv'],
      [{ layer: 's2', c: 1, y: 5, x: 6 }, 'pool'],
      [{ layer: 'f6', c: 3, y: 0, x: 0 }, 'dense'],
      [{ layer: 'output', c: 7, y: 0, x: 0 }, 'dense'],
    ];
    for (const [node, kind] of nodes) {
      await pin(page, node, kind);
      const tooltip = await tooltipNumbers(page);
      expect(await text(page, 'closeup-value'), node.layer).toBe(tooltip.value);
      if (tooltip.pre !== null) expect(await text(page, 'closeup-z'), node.layer).toBe(tooltip.pre);
      if (kind === 'conv') {
        const detail = await page.evaluate((n) => window.lenet.convolutionDetail(n), node);
        expect(Math.abs(parsed(await text(page, 'conv-map-sum')) - detail.sums[0])).toBeLessThan(5e-5);
        expect(await page.getByTestId('conv-products').locator('span').count()).toBe(25);
        const first = await page.getByTestId('conv-products').locator('span').first().innerText();
        expect(Math.abs(parsed(first) - detail.products[0][0])).toBeLessThanOrEqual(0.005 + 1e-9);
      }
      await shot(page, `${node.layer}`);
    }
    // A c3 node reads six maps: all of them at once, a row each (window, kernel, products shaded, and the sum); the
    // picked map's numbers written out.
    const c3 = { layer: 'c3', c: 7, y: 4, x: 5 };
    await pin(page, c3, 'conv');
    const detail = await page.evaluate((n) => window.lenet.convolutionDetail(n), c3);
    const rows = page.getByRole('group', { name: 'Connected input maps' }).getByRole('button');
    expect(await rows.count()).toBe(detail.maps.length);
    for (let k = 0; k < detail.maps.length; k++) {
      const [, map, sum] = /^map (\d+): Σ (.+)$/.exec((await rows.nth(k).getAttribute('aria-label'))!)!;
      expect(Number(map)).toBe(detail.maps[k]);
      expect(Math.abs(parsed(sum) - detail.sums[k])).toBeLessThan(5e-5);
      expect(await rows.nth(k).locator('canvas.shade-grid').count()).toBe(3);
    }
    await page.getByRole('button', { name: /^map 3: Σ/ }).click();
    await expect.poll(() => page.getByTestId('conv-window').getAttribute('aria-label')).toMatch(/^window of s2 map 3/);
    expect(Math.abs(parsed(await text(page, 'conv-map-sum')) - detail.sums[3])).toBeLessThan(5e-5);
    await page.getByRole('button', { name: /^map 0: Σ/ }).click();
  });

  it('steps the window across the map in slide mode and builds the feature map cell by cell', async () => {
    const { page } = session.app;
    await pin(page, { layer: 'c1', c: 0, y: 5, x: 26 }, 'conv');
    await page.getByTestId('conv-slide-step').click();
    expect(await focused(page)).toEqual({ layer: 'c1', c: 0, y: 5, x: 27 });
    await page.getByTestId('conv-slide-step').click();
    expect(await focused(page)).toEqual({ layer: 'c1', c: 0, y: 6, x: 0 });
    expect(await page.getByTestId('conv-slide-map').getAttribute('aria-label')).toBe(
      'c1 map 0: built up to row 6, column 0',
    );
    await page.getByTestId('conv-slide-speed').selectOption('30');
    await page.getByTestId('conv-slide-play').click();
    await page.waitForTimeout(700);
    await page.getByTestId('conv-slide-play').click(); // pause
    const after = (await focused(page))!;
    const steps = after.y * 28 + after.x - 6 * 28;
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(steps).toBeLessThanOrEqual(40);
    await page.waitForTimeout(300);
    expect(await focused(page)).toEqual(after); // paused
    await shot(page, 'slide');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[#&]slide=30(&|$)/);
    // The keys move the window as they move a node.
    const slider = page.getByRole('slider', { name: /The window on input map 0/ });
    await slider.focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toEqual({ ...after, y: after.y + 1 });
    await page.keyboard.press('Home');
    expect(await focused(page)).toEqual({ layer: 'c1', c: 0, y: 0, x: 0 });
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^c1 map 0, row 0, column 0: value /);
    await page.getByRole('button', { name: 'Whole map' }).click();
    expect(await page.getByTestId('conv-slide-map').getAttribute('aria-label')).toMatch(/the window is on row 0/);
    // A pooling cell's window slides by two.
    await pin(page, { layer: 's2', c: 3, y: 2, x: 13 }, 'pool');
    await page.getByTestId('pool-slide-step').click();
    expect(await focused(page)).toEqual({ layer: 's2', c: 3, y: 3, x: 0 });
  });

  it("gives stride and zero padding's map sizes by the formula, as strideDemo computes them", async () => {
    const { page } = session.app;
    await pin(page, { layer: 'c1', c: 4, y: 10, x: 10 }, 'conv');
    for (const [stride, padding, size] of [
      [2, 0, 14],
      [2, 1, 15],
      [3, 2, 11],
      [3, 0, 10],
      [1, 2, 32],
      [1, 0, 28],
    ]) {
      await page.getByTestId('stride-select').selectOption(String(stride));
      await page.getByTestId('padding-select').selectOption(String(padding));
      expect(await text(page, 'stride-size')).toBe(
        `⌊(32 + 2·${padding} − 5) / ${stride}⌋ + 1 = ${size}: a ${size}x${size} map`,
      );
      expect(await page.getByTestId('stride-map').getAttribute('width')).toBe(String(size));
      const demo = await page.evaluate((c) => window.lenet.strideDemo(c), { c: 4, stride, padding });
      expect(demo.shape).toEqual([size, size]);
    }
    await page.getByTestId('stride-select').selectOption('2');
    await page.getByTestId('padding-select').selectOption('1');
    await shot(page, 'stride');
  });
});

describe("the transform probe's panel", () => {
  it('shifts a mouse-drawn digit with its sliders; small shifts read the same; equivariance; reset', async () => {
    const { page } = session.app;
    await page.getByTestId('clear-pad').click();
    await drawStrokes(page, DIGITS.seven);
    expect((await settledPrediction(page))?.label).toBe(7);
    const base = await page.evaluate(() => window.lenet.input());
    await page.getByTestId('probe-toggle').click();
    const press = async (testId: string, key: string) => {
      await page.getByTestId(testId).focus();
      await page.keyboard.press(key);
    };
    for (const [testId, key, dx, dy] of [
      ['probe-dx', 'ArrowRight', 1, 0],
      ['probe-dx', 'ArrowRight', 2, 0],
      ['probe-dy', 'ArrowLeft', 2, -1],
      ['probe-dx', 'ArrowLeft', 1, -1],
      ['probe-dx', 'ArrowLeft', 0, -1],
      ['probe-dx', 'ArrowLeft', -1, -1],
    ] as const) {
      await press(testId, key);
      await expect.poll(() => page.evaluate(() => window.lenet.state().probe)).toEqual({ dx, dy, rotate: 0, scale: 1 });
      expect((await settledPrediction(page))?.label, `shift (${dx}, ${dy})`).toBe(7);
      const input = await page.evaluate(() => window.lenet.input());
      input.forEach((v, i) => {
        const x = (i % 32) - dx,
          y = Math.floor(i / 32) - dy;
        expect(v).toBe(x >= 0 && x < 32 && y >= 0 && y < 32 ? base[y * 32 + x] : 0);
      });
    }
    expect(await page.getByTestId('probed-input').isVisible()).toBe(true);
    // c1 follows a whole-pixel shift exactly inside the borders; s2 does not follow a shift of 1 px (half a cell).
    await expect.poll(() => text(page, 'equivariance-inside'), { timeout: 20_000 }).toMatch(/maps of c1: 0$/);
    await page.getByTestId('equivariance-layer').selectOption('s2');
    await expect.poll(() => text(page, 'equivariance-inside'), { timeout: 20_000 }).toMatch(/maps of s2: /);
    expect(await text(page, 'equivariance-inside')).not.toMatch(/: 0$/);
    await shot(page, 'equivariance');
    await page.getByTestId('probe-reset').click();
    await expect.poll(() => page.evaluate(() => window.lenet.state().probe)).toBeNull();
    await expect.poll(() => page.getByTestId('probed-input').count()).toBe(0);
    expect(await page.evaluate(() => window.lenet.input())).toEqual(base);
  });

  it('renders the sweep charts for both shipped runs, and reads them out under the pointer and the keys', async () => {
    const { page } = session.app;
    const shift = page.getByTestId('invariance-shift');
    await shift.waitFor({ timeout: 60_000 });
    await expect.poll(() => shift.locator('svg').count()).toBe(2);
    for (const grid of await shift.locator('svg').all()) expect(await grid.locator('g > rect').count()).toBe(289);
    for (const kind of ['rotate', 'scale']) {
      const chart = page.getByTestId(`invariance-${kind}`);
      await chart.waitFor({ timeout: 60_000 });
      await expect.poll(() => chart.locator('polyline').count()).toBe(2);
    }
    expect(await shift.innerText()).toMatch(/modern: ReLU \+ max pooling, epoch \d+: dx 0, dy 0: reads 7/);
    expect(await shift.innerText()).toMatch(/LeNet-5 as in 1998, epoch 16: dx 0, dy 0: reads 7/);
    // The keys move the cursor from where the pointer left it (a cell it passed over).
    await page.mouse.move(0, 0);
    const cursor = /dx (-?\d+), dy (-?\d+)/
      .exec(await shift.innerText())!
      .slice(1)
      .map(Number);
    const [dx, dy] = [Math.min(8, cursor[0] + 1), Math.max(-8, cursor[1] - 1)];
    await shift.locator('svg').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    const sweep = await page.evaluate(() => window.lenet.invarianceSweep('shift'));
    const read = sweep.probabilities[(dy + 8) * 17 + dx + 8];
    expect(await shift.innerText()).toContain(`dx ${dx}, dy ${dy}: reads ${read.indexOf(Math.max(...read))}`);
    await shift.screenshot({ path: join(ARTIFACTS, 'closeup-sweep-shift.png') });
    await page.getByTestId('invariance-rotate').screenshot({ path: join(ARTIFACTS, 'closeup-sweep-rotate.png') });
    await page.getByTestId('invariance-scale').screenshot({ path: join(ARTIFACTS, 'closeup-sweep-scale.png') });
  });

  it('keeps the probe and the close-up in the address, and an address restores them', async () => {
    const { page, browser } = session.app;
    await page.evaluate(() => window.lenet.probe({ dx: 1, dy: 2 }));
    await pin(page, { layer: 'c1', c: 4, y: 3, x: 3 }, 'conv');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/probe=1,2,0,1/);
    const url = await page.evaluate(() => window.lenet.shareUrl());
    for (const field of ['probe=1,2,0,1', 'probepanel=s2.0', 'stride=2', 'padding=1', 'slide=30', 'focus=c1.4.3.3'])
      expect(url).toContain(field);
    const other = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
    await other.goto(url);
    await other.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
    await other.evaluate(() => window.lenet.ready);
    expect(await other.evaluate(() => window.lenet.state().probe)).toEqual({ dx: 1, dy: 2, rotate: 0, scale: 1 });
    await other.getByTestId('conv-closeup').waitFor();
    expect(await other.getByTestId('stride-select').inputValue()).toBe('2');
    expect(await other.getByTestId('padding-select').inputValue()).toBe('1');
    expect(await other.getByTestId('equivariance-layer').inputValue()).toBe('s2');
    expect(await other.evaluate(() => window.lenet.input())).toEqual(await page.evaluate(() => window.lenet.input()));
    expect(await other.evaluate(() => document.querySelector('.address-note'))).toBeNull();
    await other.context().close();
  });

  it('shows its reset for a transform set through the API even when the panel was closed', async () => {
    const { page } = session.app;
    await page.getByTestId('probe-toggle').click(); // closing the panel clears the transform
    await expect.poll(() => page.evaluate(() => window.lenet.state().probe)).toBeNull();
    await expect.poll(() => page.getByTestId('probe-reset').count()).toBe(0);
    await page.evaluate(() => window.lenet.probe({ rotate: 15 }));
    await expect.poll(() => page.getByTestId('probe-reset').isEnabled()).toBe(true);
    await page.getByTestId('probe-reset').click();
    await expect.poll(() => page.evaluate(() => window.lenet.state().probe)).toBeNull();
  });

  it('opens from the chapters 等变表示 and 池化层的目的与好处; 卷积直观解释 opens the close-up', async () => {
    const { page } = session.app;
    await page.evaluate(() => window.lenet.openChapter('equivariance'));
    expect(await page.evaluate(() => window.lenet.state().probe)).toEqual({ dx: 2, dy: 1, rotate: 0, scale: 1 });
    await expect.poll(() => text(page, 'equivariance-inside'), { timeout: 20_000 }).toMatch(/maps of c1: 0$/);
    await page.evaluate(() => window.lenet.openChapter('pooling-invariance'));
    expect(await page.evaluate(() => window.lenet.state().probe)).toBeNull();
    await page.getByTestId('invariance-shift').waitFor({ timeout: 60_000 });
    await page.evaluate(() => window.lenet.openChapter('convolution'));
    await page.getByTestId('conv-closeup').waitFor();
    expect((await focused(page))?.layer).toBe('c1');
    await shot(page, 'chapter');
  });

  it('has no serious accessibility problem with the close-up and the panels open, on a desktop and a phone', async () => {
    const { page, browser, url } = session.app;
    await page.getByTestId('invariance-scale').waitFor({ timeout: 60_000 });
    await pin(page, { layer: 'c3', c: 1, y: 2, x: 2 }, 'conv');
    const problems = await seriousProblems(page, false);
    expect(problems, problems.join('\n')).toEqual([]);
    const phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    ).newPage();
    await phone.goto(`${url}#v=1&chapter=pooling-invariance`);
    await phone.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
    await phone.evaluate(() => window.lenet.ready);
    await phone.getByTestId('invariance-scale').waitFor({ timeout: 60_000 });
    await phone.evaluate(() => window.lenet.focus({ layer: 'c1', c: 0, y: 9, x: 9 }));
    await phone.getByTestId('conv-closeup').waitFor();
    const onPhone = await seriousProblems(phone, true);
    expect(onPhone, onPhone.join('\n')).toEqual([]);
    await phone.getByTestId('conv-closeup').screenshot({ path: join(ARTIFACTS, 'closeup-phone.png') });
    await phone.context().close();
    expect(session.errors).toEqual([]);
  });

  it('renders a close-up within a frame (printed, not asserted)', async () => {
    const { unfolded, folded } = await closeUpRender(session.app.page);
    const row = (figures: Record<string, number>) =>
      Object.entries(figures)
        .map(([layer, ms]) => `${layer} ${ms.toFixed(1)}`)
        .join(', ');
    console.log(
      `focus change to close-up shown, median of 25, ms (dev build, StrictMode): unfolded ${row(unfolded)}; ` +
        `folded to its heading ${row(folded)}; a 60 Hz frame is 16.7 ms`,
    );
  });
});
