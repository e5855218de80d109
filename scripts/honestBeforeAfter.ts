/**
 * Issue 23's before-and-after pictures: `node --import tsx scripts/honestBeforeAfter.ts <base URL> --label NAME
 * [--out DIR]` opens an app already served at the base URL (a dev server of any revision, e.g. one from before
 * issue 23 and one from after) in Debian's Chromium and writes one PNG per point of the issue into
 * DIR/NAME (default test-results/before-after/NAME), driving only test ids and `window.lenet` members that both
 * revisions have. Each picture starts from a fresh browser context (its own storage) with a drawn 7. Not part of
 * `npm test`: a person opens the pairs side by side.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type {} from '../src/ui/automation/automationApi'; // declares window.lenet
import { CHROMIUM, CHROMIUM_FLAGS } from '../vitest.config';
import { drawStrokes } from './appBrowser';
import { DIGITS } from './digitStrokes';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { label: { type: 'string' }, out: { type: 'string', default: join('test-results', 'before-after') } },
});
const base = positionals[0];
if (!base || !values.label) throw new Error('usage: honestBeforeAfter.ts <base URL> --label NAME [--out DIR]');
const folder = join(values.out!, values.label);
mkdirSync(folder, { recursive: true });

const STUDENT = { width: 1366, height: 768 };
const PROJECTOR = { width: 1920, height: 1080 };
const OTHER_SEVEN: [number, number][][] = [
  [
    [80, 70],
    [200, 66],
    [150, 160],
    [118, 236],
  ],
];

/** A fresh page on the app at `search`, ready, the first-visit guide dismissed unless `guide`. */
async function open(
  browser: Browser,
  viewport: { width: number; height: number },
  options: { search?: string; guide?: boolean; scale?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: options.scale ?? 1 });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(`${base}${options.search ?? ''}`);
  await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
  await page.evaluate(() => window.lenet.ready);
  const dismiss = page.getByTestId('view-guide-dismiss');
  if (!options.guide && (await dismiss.count())) await dismiss.click();
  return page;
}

async function draw(page: Page, strokes = DIGITS.seven): Promise<void> {
  await drawStrokes(page, strokes);
  await page.waitForTimeout(1500);
}

/** Opens the closed sections holding a test id's element, scrolls to it and clicks it (or ticks a checkbox). */
async function reach(page: Page, testId: string, action: 'click' | 'check' = 'click'): Promise<void> {
  const element = page.getByTestId(testId).first();
  await element.evaluate((e) => {
    for (let d = e.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  });
  await element.scrollIntoViewIfNeeded();
  await (action === 'check' ? element.check() : element.click());
}

/** Pins the s2 cell with the largest value (through `window.lenet`, which both revisions have). */
async function pinStrongestS2(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s2 = window.lenet.activations('s2');
    const k = s2.indexOf(Math.max(...s2));
    window.lenet.focus({ layer: 's2', c: Math.floor(k / 196), y: Math.floor(k / 14) % 14, x: k % 14 });
  });
  await page.waitForTimeout(800);
}

async function shot(page: Page, name: string, testId?: string): Promise<void> {
  const path = join(folder, `${name}.png`);
  await (testId ? page.getByTestId(testId).first().screenshot({ path }) : page.screenshot({ path }));
  console.log(path);
}

/** The page with the whole control column on screen: the viewport as tall as the column's content. */
async function tallShot(page: Page, name: string): Promise<number> {
  const height = await page.locator('.controls').evaluate((e) => e.scrollHeight);
  await page.setViewportSize({ width: STUDENT.width, height: Math.max(STUDENT.height, height + 40) });
  await page.waitForTimeout(800);
  await shot(page, name);
  await page.setViewportSize(STUDENT);
  return height;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
try {
  // 1. "1 epoch" on the shipped run (on 256 images), and what the page says afterwards.
  let page = await open(browser, STUDENT, { search: '?trainSubset=256' });
  await draw(page);
  const shipped = await page.evaluate(() => window.lenet.state().run);
  await reach(page, 'train-epoch');
  await page.waitForFunction(
    (run) => {
      const s = window.lenet.state();
      return s.run !== run && s.training.status !== 'running' && s.checkpoints.some((c) => c.epoch >= 1);
    },
    shipped,
    { timeout: 180_000 },
  );
  await page.waitForTimeout(1000);
  await shot(page, '01-training-epoch');
  await tallShot(page, '01-training-epoch-controls');
  await page.context().close();

  // 2. Teaching: a 7 taught to be a 9, then a new 7 drawn.
  page = await open(browser, STUDENT);
  await draw(page);
  for (let k = 0; k < 40 && (await page.evaluate(() => window.lenet.state().prediction?.label)) !== 9; k++)
    await page.evaluate(() => window.lenet.teach(9, 1));
  await page.waitForTimeout(800);
  await shot(page, '02-taught');
  await reach(page, 'clear-pad');
  await draw(page, OTHER_SEVEN);
  await shot(page, '02-taught-new-drawing');
  await page.context().close();

  // 3-5. A pinned s2 cell's tooltip; the backward view with the right label, its tooltip and the outputs.
  page = await open(browser, STUDENT);
  await draw(page);
  await pinStrongestS2(page);
  await shot(page, '03-tooltip-s2');
  await reach(page, 'backprop-toggle', 'check');
  await page.waitForTimeout(2500); // the sweep from the output down to the input
  await shot(page, '03-tooltip-backward');
  await page.evaluate(() => window.lenet.focus(null));
  await page.waitForTimeout(500);
  await shot(page, '04-backward-right-label');
  if (await page.getByTestId('delta-scale').count()) {
    await page.getByTestId('delta-scale').selectOption('shared'); // one colour scale for all layers, where there is one
    await page.waitForTimeout(2500);
    await shot(page, '04-backward-right-label-shared-scale');
    await page.getByTestId('delta-scale').selectOption('layer');
  }
  await page.getByTestId('camera-preset').selectOption('output');
  await page.waitForTimeout(2000);
  await shot(page, '05-outputs-backward', 'network-view');
  await page.getByTestId('backprop-toggle').uncheck();
  await page.waitForTimeout(800);
  await shot(page, '05-outputs', 'network-view');
  // 9. Close-ups: every layer label inside the frame.
  for (const layer of ['s2', 's4']) {
    await page.getByTestId('camera-preset').selectOption(layer);
    await page.waitForTimeout(2000);
    await shot(page, `09-closeup-${layer}`, 'network-view');
  }
  await page.context().close();

  // 6. The test-set explorer, at 1366x768 and on a 1920x1080 screen at 150% browser zoom (1280x720 CSS px).
  for (const [name, viewport, scale] of [
    ['06-explorer', STUDENT, 1],
    ['06-explorer-zoom150', { width: 1280, height: 720 }, 1.5],
  ] as const) {
    page = await open(browser, viewport, { scale });
    await draw(page);
    await reach(page, 'explorer-toggle');
    await page.getByTestId('confusion-matrix').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(800);
    await shot(page, name);
    await page.context().close();
  }

  // 7. A projector's 1920x1080, and presentation mode where the revision has it.
  page = await open(browser, PROJECTOR);
  await draw(page);
  await shot(page, '07-projector');
  if (await page.getByTestId('presentation-toggle').count()) {
    await page.getByTestId('presentation-toggle').click();
    await page.waitForTimeout(1000);
    await shot(page, '07-projector-presentation');
  }
  await page.context().close();

  // 8. The control column, collapsed as it opens, all of it on screen; 10. the first-visit guide.
  page = await open(browser, STUDENT, { guide: true });
  await draw(page);
  console.log(`the control column's content: ${await tallShot(page, '08-controls')} px tall`);
  if (await page.getByTestId('view-guide').count()) await shot(page, '10-guide', 'view-guide');
  await page.context().close();
} finally {
  await browser.close();
}
