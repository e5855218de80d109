/**
 * A phone held upright (390x844) and sideways (844x390), with touch: at load the pad and the 3D view are both
 * wholly on screen without scrolling, the view takes at least 35% of the screen, the reading is on screen beside
 * the pad; a digit drawn with a finger is read without the page scrolling or zooming, the reading staying in
 * view; the rest of the page is reached by scrolling. Screenshots: test-results/e2e/phone-portrait.png and
 * phone-landscape.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DIGITS, openApp, settledPrediction, type AppSession } from './appSession';
import { drawWithFinger } from './touchDrawing';

const PHONES = {
  portrait: { width: 390, height: 844 },
  landscape: { width: 844, height: 390 },
} as const;
type Orientation = keyof typeof PHONES;

let app: AppSession;
const pages = {} as Record<Orientation, Page>;
const errors: string[] = [];

beforeAll(async () => {
  app = await openApp('', { viewport: PHONES.portrait, touch: true });
  pages.portrait = app.page;
  const context = await app.browser.newContext({
    viewport: PHONES.landscape,
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  });
  pages.landscape = await context.newPage();
  await pages.landscape.goto(app.url);
  await pages.landscape.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
  await pages.landscape.evaluate(() => window.lenet.ready);
  for (const page of Object.values(pages)) page.on('pageerror', (error) => errors.push(error.message));
}, 300_000);

afterAll(async () => {
  await app?.close();
});

/** A box as `{ x, y, width, height }` in CSS pixels of the viewport. */
type Box = { x: number; y: number; width: number; height: number };

const box = async (page: Page, testId: string): Promise<Box> => (await page.getByTestId(testId).boundingBox())!;
const inside = (b: Box, screen: { width: number; height: number }) =>
  b.x >= 0 && b.y >= 0 && b.x + b.width <= screen.width + 0.5 && b.y + b.height <= screen.height + 0.5;
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

describe.each(Object.keys(PHONES) as Orientation[])('a phone held %s', (orientation) => {
  const screen = PHONES[orientation];

  it('shows the pad, the 3D view (>= 35% of the screen) and the reading at load, without scrolling', async () => {
    const page = pages[orientation];
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const pad = await box(page, 'digit-pad');
    const view = await box(page, 'network-view');
    const reading = await box(page, 'prediction');
    expect(inside(pad, screen)).toBe(true);
    expect(pad.width).toBeGreaterThanOrEqual(240);
    expect(inside(view, screen)).toBe(true);
    expect(view.width * view.height).toBeGreaterThanOrEqual(0.35 * screen.width * screen.height);
    expect(overlap(pad, view)).toBe(0);
    expect(reading.y).toBeLessThan(screen.height - 60); // the top digit and its probability are on screen
    expect(reading.x).toBeGreaterThanOrEqual(0);
    expect(overlap(pad, reading)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(screen.width);
  });

  it('reads a digit drawn with a finger without scrolling or zooming, the reading in view', async () => {
    const page = pages[orientation];
    await drawWithFinger(page, DIGITS.seven);
    expect((await settledPrediction(page))?.label).toBe(7);
    expect(await page.evaluate(() => ({ x: scrollX, y: scrollY, scale: visualViewport?.scale ?? 1 }))).toEqual({
      x: 0,
      y: 0,
      scale: 1,
    });
    const digit = (await page.getByTestId('prediction').locator('.digit').boundingBox())!;
    expect(inside(digit, screen)).toBe(true);
    expect(await page.getByTestId('prediction').locator('.digit').textContent()).toBe('7');
    await page.screenshot({ path: join(ARTIFACTS, `phone-${orientation}.png`) });
  });

  it('reaches the rest (timeline, explorer, training) by scrolling', async () => {
    const page = pages[orientation];
    for (const testId of ['epoch-timeline', 'explorer-toggle', 'train-toggle']) {
      await page.getByTestId(testId).scrollIntoViewIfNeeded();
      expect(inside(await box(page, testId), screen)).toBe(true);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  });
});

describe('phones', () => {
  it('raised no page error', () => {
    expect(errors).toEqual([]);
  });
});
