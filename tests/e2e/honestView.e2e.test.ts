/**
 * The view side of issue 23 at a student's 1366x768 and a teacher's 1920x1080: a pinned tooltip leaves the node,
 * its sources and their map visible; the backward tooltip's short form takes at most 40% of the view's height and
 * nothing is clipped; one shared colour scale or one per layer; "almost nothing to learn"; the outputs drawn as large
 * tiles; the most active pooling cell pinned with one button; close-ups keep every layer label in the frame (left,
 * right, top and bottom); the explorer beside the view, its texts whole; the arrow keys step the timeline only while
 * it has the focus. Screenshots in test-results/e2e (honest-<size>-*.png).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeRef } from '../../src/engine/model/nodeRef';
import { formatSignificant } from '../../src/i18n/format';
import {
  ARTIFACTS,
  DIGITS,
  drawStrokes,
  openApp,
  seriousProblems,
  settledPrediction,
  type AppSession,
} from './appSession';
import { shownTexts } from './shownTexts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

let app: AppSession;
const pages: Page[] = [];
const errors: string[] = [];

async function prepare(page: Page): Promise<void> {
  page.on('pageerror', (error) => errors.push(error.message));
  const dismiss = page.getByTestId('view-guide-dismiss');
  if (await dismiss.count()) await dismiss.click();
  await drawStrokes(page, DIGITS.seven);
  expect((await settledPrediction(page))?.label).toBe(7);
}

beforeAll(async () => {
  app = await openApp('', { viewport: SIZES[0] });
  pages.push(app.page);
  const page = await (await app.browser.newContext({ viewport: SIZES[1], deviceScaleFactor: 1 })).newPage();
  await page.goto(app.url);
  await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
  await page.evaluate(() => window.lenet.ready);
  pages.push(page);
  for (const each of pages) await prepare(each);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const boxOf = async (page: Page, testId: string): Promise<Box> => {
  const b = (await page.getByTestId(testId).boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
};
const canvasBox = async (page: Page): Promise<Box> => {
  const b = (await page.getByTestId('network-view').locator('canvas').boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
};

/** Waits until the camera has stopped (a node stays put on screen for two frames running). */
async function cameraAtRest(page: Page): Promise<void> {
  let last = '';
  for (let k = 0; k < 100; k++) {
    const now = JSON.stringify(
      await page.evaluate(() => window.lenet.screenPosition({ layer: 'c1', c: 0, y: 0, x: 0 })),
    );
    if (now === last) return;
    last = now;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  throw new Error('the camera never came to rest');
}

/** Pins `node` (or keeps the pin already made) and waits until the tooltip shows it and has settled in place. */
async function pinned(page: Page, node: NodeRef | null): Promise<Box> {
  if (node) await page.evaluate((n) => window.lenet.focus(n), node);
  const focus = (await page.evaluate(() => window.lenet.state().focus))!;
  await expect.poll(() => page.getByTestId('node-tooltip').textContent()).toContain(focus.layer);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return boxOf(page, 'node-tooltip');
}

/** The s2 cell's own tile, its four c1 sources' tiles and the extent of their c1 map (from its corner nodes). */
async function whatAPoolingCellExplains(page: Page, cell: NodeRef): Promise<{ name: string; box: Box }[]> {
  return page.evaluate((n) => {
    const { lenet } = window;
    const rect = (node: NodeRef) => {
      const r = lenet.screenRect(node);
      if (!r) throw new Error(`${JSON.stringify(node)} is not on screen`);
      return r;
    };
    const sources = lenet.highlighted();
    const corners = [
      [0, 0],
      [0, 27],
      [27, 0],
      [27, 27],
    ].map(([y, x]) => lenet.screenPosition({ layer: 'c1', c: n.c, y, x }));
    if (corners.some((p) => p === null)) throw new Error(`c1 map ${n.c} is not all on screen`);
    const xs = corners.map((p) => p!.x),
      ys = corners.map((p) => p!.y);
    return [
      { name: 'the cell', box: rect(n) },
      ...sources.map((s) => ({ name: `source ${s.y},${s.x}`, box: rect(s) })),
      {
        name: `c1 map ${n.c}`,
        box: { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) },
      },
    ];
  }, cell);
}

async function expectClearOf(page: Page, tooltip: Box, cell: NodeRef): Promise<void> {
  const sources = await page.evaluate(() => window.lenet.highlighted());
  expect(sources, 'the four c1 sources are marked').toHaveLength(4);
  for (const { name, box } of await whatAPoolingCellExplains(page, cell))
    expect(overlaps(tooltip, box), `the tooltip of s2 ${cell.c},${cell.y},${cell.x} covers ${name}`).toBe(false);
}

/** The mean colour (0..255) of a region of the page, read from a screenshot in the page itself. */
async function meanColour(page: Page, box: Box): Promise<[number, number, number]> {
  const clip = { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top };
  const png = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < pixels.length; i += 4) for (let k = 0; k < 3; k++) sum[k] += pixels[i + k];
    return sum.map((v) => v / (pixels.length / 4)) as [number, number, number];
  }, png);
}

/** The middle half of an output's tile on the page. */
async function outputMiddle(page: Page, digit: number): Promise<Box> {
  const r = (await page.evaluate((c) => window.lenet.screenRect({ layer: 'output', c, y: 0, x: 0 }), digit))!;
  const [w, h] = [r.right - r.left, r.bottom - r.top];
  return { left: r.left + w / 4, top: r.top + h / 4, right: r.right - w / 4, bottom: r.bottom - h / 4 };
}

describe.each(SIZES.map((size, i) => [`${size.width}x${size.height}`, i] as const))('at %s', (name, i) => {
  const shot = (what: string) => pages[i].screenshot({ path: join(ARTIFACTS, `honest-${name}-${what}.png`) });

  it('pins the s2 cell with the largest value with pin-most-active; its tooltip leaves the cell, its four c1 sources and their map visible', async () => {
    const page = pages[i];
    await page.getByTestId('pin-most-active').click();
    const focus = (await page.evaluate(() => window.lenet.state().focus))!;
    expect(focus.layer).toBe('s2');
    const s2 = await page.evaluate(() => window.lenet.activations('s2'));
    expect(s2[focus.c * 196 + focus.y * 14 + focus.x]).toBe(Math.max(...s2));
    const tooltip = await pinned(page, null);
    await expectClearOf(page, tooltip, focus);
    expect(await page.getByTestId('node-tooltip').evaluate((e) => getComputedStyle(e).pointerEvents)).toBe('auto');
    await shot('pinned-s2');
  });

  it.each([
    { layer: 's2', c: 0, y: 0, x: 0 },
    { layer: 's2', c: 0, y: 13, x: 0 },
    { layer: 's2', c: 2, y: 7, x: 7 },
    { layer: 's2', c: 5, y: 0, x: 13 },
    { layer: 's2', c: 5, y: 13, x: 13 },
  ])('keeps the sources and the map of s2 $c,$y,$x clear too', async (cell) => {
    const page = pages[i];
    await expectClearOf(page, await pinned(page, cell), cell);
  });

  it('steps the timeline with the arrow keys only while it has the focus', async () => {
    const page = pages[i];
    await page.evaluate(() => window.lenet.focus(null));
    const checkpoint = () => page.evaluate(() => window.lenet.state().checkpoint);
    const last = await checkpoint();
    await page.getByTestId('prediction').click({ position: { x: 8, y: 8 } });
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(300);
    expect(await checkpoint(), 'after clicking the prediction panel').toBe(last);
    await page.getByTestId('timeline-track').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(checkpoint).not.toBe(last);
    await page.keyboard.press('ArrowRight');
    await expect.poll(checkpoint).toBe(last);
    await page.getByTestId('prediction').click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(300);
    expect(await checkpoint()).toBe(last);
    await settledPrediction(page);
  });

  it('draws the ten outputs as large tiles under their digits, coloured by their probability', async () => {
    const page = pages[i];
    const area = (r: Box) => (r.right - r.left) * (r.bottom - r.top);
    const rects = await page.evaluate(() => ({
      output: [...Array(10).keys()].map((c) => window.lenet.screenRect({ layer: 'output', c, y: 0, x: 0 })),
      f6: window.lenet.screenRect({ layer: 'f6', c: 40, y: 0, x: 0 }),
    }));
    // Before, each output was a flat tile as small as an f6 unit's; now each is several times its projected size.
    for (const r of rects.output) {
      expect(area(r!)).toBeGreaterThan(4 * area(rects.f6!));
      expect(r!.bottom - r!.top).toBeGreaterThan(2.5 * (rects.f6!.bottom - rects.f6!.top));
      expect(r!.bottom - r!.top, 'at least 20 px tall').toBeGreaterThan(20);
    }
    const brightness = async (digit: number) =>
      (await meanColour(page, await outputMiddle(page, digit))).reduce((a, b) => a + b);
    expect(await brightness(7), 'the 7 read with ~100% lights up').toBeGreaterThan(2 * (await brightness(1)));
    await shot('outputs');
  });

  it("shows the backward view's short form in at most 40% of the view's height, the derivation behind more, nothing clipped", async () => {
    const page = pages[i];
    await page.evaluate(() => window.lenet.backward(7));
    const view = await boxOf(page, 'network-view');
    const s2 = await page.evaluate(() => window.lenet.deltas('s2').out!);
    const best = s2.reduce((b, v, k) => (Math.abs(v) > Math.abs(s2[b]) ? k : b), 0);
    const nodes: NodeRef[] = [
      { layer: 'c3', c: 3, y: 4, x: 4 },
      { layer: 's2', c: Math.floor(best / 196), y: Math.floor(best / 14) % 14, x: best % 14 },
      { layer: 'output', c: 7, y: 0, x: 0 },
      { layer: 'f6', c: 40, y: 0, x: 0 },
      { layer: 'c5', c: 3, y: 0, x: 0 },
      { layer: 'c1', c: 2, y: 12, x: 12 },
      { layer: 'input', c: 0, y: 16, x: 16 },
    ];
    for (const node of nodes) {
      const tooltip = await pinned(page, node);
      await expect.poll(() => page.getByTestId('delta-details').count()).toBe(1);
      expect(await page.getByTestId('delta-more').evaluate((e) => (e as HTMLDetailsElement).open)).toBe(false);
      const height = tooltip.bottom - tooltip.top;
      expect(height, `${node.layer}: ${height} px of a ${view.bottom - view.top} px view`).toBeLessThanOrEqual(
        0.4 * (view.bottom - view.top),
      );
      expect(tooltip.top).toBeGreaterThanOrEqual(view.top - 0.5);
      expect(tooltip.bottom).toBeLessThanOrEqual(view.bottom + 0.5);
      if (node.layer === 's2') await expectClearOf(page, tooltip, node);
      if (node.layer === 'c3') await shot('backward-c3');
    }
    // More: the whole derivation, inside the view, scrolling inside the tooltip where it is taller.
    await pinned(page, nodes[0]);
    await page.getByTestId('delta-more').locator('summary').click();
    await expect.poll(() => page.getByTestId('delta-more').evaluate((e) => (e as HTMLDetailsElement).open)).toBe(true);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const open = await boxOf(page, 'node-tooltip');
    expect(open.top).toBeGreaterThanOrEqual(view.top - 0.5);
    expect(open.bottom).toBeLessThanOrEqual(view.bottom + 0.5);
    expect(open.right).toBeLessThanOrEqual(view.right + 0.5);
    const fits = await page.getByTestId('node-tooltip').evaluate((e) => ({
      overflows: e.scrollHeight > e.clientHeight + 1,
      scrolls: ['auto', 'scroll'].includes(getComputedStyle(e).overflowY),
      wide: e.scrollWidth > e.clientWidth + 1,
    }));
    expect(fits.wide, 'no line runs past the tooltip').toBe(false);
    if (fits.overflows) expect(fits.scrolls, 'a taller derivation scrolls inside the tooltip').toBe(true);
    expect(await page.getByTestId('delta-details').textContent()).toContain('Tutorial');
    expect(await seriousProblems(page, false), 'axe, with the pinned tooltip open').toEqual([]);
    await shot('backward-more');
    await page.getByTestId('delta-more').locator('summary').click();
    await page.evaluate(() => window.lenet.focus(null));
  });

  it("colours the outputs by their δ = p − one-hot: the label's tile blue, the others red", async () => {
    const page = pages[i];
    await page.waitForTimeout(2200); // the sweep from the output down to the input is over
    const [r7, , b7] = await meanColour(page, await outputMiddle(page, 7));
    const [r1, , b1] = await meanColour(page, await outputMiddle(page, 1));
    expect(b7, 'δ_7 = p_7 − 1 < 0: blue').toBeGreaterThan(r7 + 40);
    expect(r1, 'δ_1 = p_1 > 0: red').toBeGreaterThan(b1 + 20);
  });

  it('says there is almost nothing to learn when the label is read with near certainty, and offers the runners-up', async () => {
    const page = pages[i];
    const note = page.getByTestId('backward-nothing-to-learn');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/Almost nothing to learn.*as a 7 with probability/);
    await note.scrollIntoViewIfNeeded();
    expect(await seriousProblems(page, false), 'axe, with the note and the scale choice').toEqual([]);
    await shot('nothing-to-learn');
    const offered = await note.locator('button').evaluateAll((buttons) => buttons.map((b) => b.dataset.testid!));
    expect(offered).toHaveLength(2);
    const digit = Number(offered[0].replace('nothing-to-learn-label-', ''));
    expect(digit).not.toBe(7);
    const p = (await page.evaluate(() => window.lenet.state().prediction!.probabilities)) as number[];
    const others = p.map((v, d) => [v, d]).filter(([, d]) => d !== 7);
    expect(p[digit]).toBe(Math.max(...others.map(([v]) => v)));
    await page.getByTestId(offered[0]).click();
    await page.waitForFunction((d) => window.lenet.state().backward?.label === d, digit, { timeout: 20_000 });
    expect(await page.evaluate(() => window.lenet.state().trueLabel)).toBe(digit);
    await expect.poll(() => note.count()).toBe(0);
    await page.evaluate(() => window.lenet.backward(7));
  });

  it('switches the colours between one scale per layer and one shared scale (delta-scale)', async () => {
    const page = pages[i];
    const scales = () => page.locator('.layer-label .delta-scale').allTextContents();
    expect(await page.evaluate(() => window.lenet.state().deltaScale)).toBe('layer');
    expect((await scales()).every((text) => /^(δ|dL\/dx|dL\/da) ±/.test(text))).toBe(true);
    await page.getByTestId('delta-scale').selectOption('shared');
    expect(await page.evaluate(() => window.lenet.state().deltaScale)).toBe('shared');
    const largest = await page.evaluate(() =>
      Math.max(
        ...window.lenet.layers().map((l) => {
          const d = window.lenet.deltas(l.id);
          return Math.max(...(d.pre ?? d.out!).map(Math.abs));
        }),
      ),
    );
    await expect
      .poll(() => page.getByTestId('delta-shared-scale').textContent())
      .toContain(`±${formatSignificant('en', largest, 4)}`);
    await expect.poll(async () => (await scales()).every((text) => text.includes('of the shared scale'))).toBe(true);
    expect((await scales()).some((text) => text.includes('100% of the shared scale'))).toBe(true);
    await page.waitForTimeout(2200); // the sweep from the output down to the input is over
    await shot('shared-scale');
    await page.getByTestId('delta-scale').selectOption('layer');
    await expect.poll(async () => (await scales()).some((text) => text.includes('shared'))).toBe(false);
    await page.getByTestId('backprop-toggle').uncheck();
  });

  it.each(['s4', 's2', 'c1', 'output'])(
    'keeps every layer label inside the frame in the %s close-up',
    async (preset) => {
      const page = pages[i];
      await page.getByTestId('camera-preset').selectOption(preset);
      await cameraAtRest(page);
      const canvas = await canvasBox(page);
      const labels = await page.locator('.label-anchor .layer-label').evaluateAll((elements) =>
        elements
          .filter((e) => (e.parentElement as HTMLElement).style.display !== 'none')
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          }),
      );
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) {
        expect(label.left, `${label.text} at the left`).toBeGreaterThanOrEqual(canvas.left - 0.5);
        expect(label.right, `${label.text} at the right`).toBeLessThanOrEqual(canvas.right + 0.5);
        expect(label.top, `${label.text} at the top`).toBeGreaterThanOrEqual(canvas.top - 0.5);
        expect(label.bottom, `${label.text} at the bottom`).toBeLessThanOrEqual(canvas.bottom + 0.5);
      }
      if (preset === 's4') await shot('closeup-s4');
    },
  );

  it('pins the most active cell of the pooling layer in close-up', async () => {
    const page = pages[i];
    await page.getByTestId('camera-preset').selectOption('s4');
    await cameraAtRest(page);
    await page.getByTestId('pin-most-active').click();
    const focus = (await page.evaluate(() => window.lenet.state().focus))!;
    expect(focus.layer).toBe('s4');
    const s4 = await page.evaluate(() => window.lenet.activations('s4'));
    expect(s4[focus.c * 25 + focus.y * 5 + focus.x]).toBe(Math.max(...s4));
    await page.evaluate(() => window.lenet.focus(null));
    await page.getByTestId('camera-overview').click();
    await cameraAtRest(page);
  });

  it('docks the explorer beside the view: it does not cover the canvas', async () => {
    const page = pages[i];
    await page.getByTestId('explorer-toggle').click();
    await page.getByTestId('explorer').waitFor();
    // The canvas follows its shrunk container once the renderer has measured it (a resize observer, a frame later).
    await expect
      .poll(async () => overlaps(await boxOf(page, 'explorer'), await canvasBox(page)), { timeout: 5000 })
      .toBe(false);
    const canvas = await canvasBox(page);
    expect(canvas.right - canvas.left).toBeGreaterThan(200);
    await page.getByTestId('confusion-matrix').waitFor();
    // Every text whole and apart: the confusion matrix's four-digit counts inside their cells, say.
    const { problems } = await shownTexts(page);
    expect(problems, problems.join('\n')).toEqual([]);
    await shot('explorer');
    await page.getByTestId('explorer-toggle').click();
  });

  it('threw nothing in the page', () => {
    expect(errors).toEqual([]);
  });
});
