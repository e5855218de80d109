/**
 * The page at three sizes (desktop 1440x900 with a mouse; tablet portrait 820x1180 and phone 390x844
 * with touch): the pad wholly on screen at load with nothing over it, the 3D view's size, drawing with a
 * finger read correctly without scrolling or zooming the page, the view options behind one button on
 * the phone. Screenshots of each size are kept in test-results/e2e.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  appAtScreenSizes,
  ARTIFACTS,
  DIGITS,
  settledPrediction,
  SCREEN_SIZES as SIZES,
  type ScreenSize as SizeName,
} from './appSession';
import { drawWithFinger } from './touchDrawing';

const { pages, errors } = appAtScreenSizes();

/** Elements whose box overlaps the pad's, other than the pad's own surface and what it holds. */
function overPad(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const surface = document.querySelector('[data-testid="digit-pad"]')!.parentElement!;
    const pad = surface.getBoundingClientRect();
    const found: string[] = [];
    // Every point of a fine grid over the pad hits the pad itself (its canvas, or the hint or image it holds).
    for (let y = pad.top + 2; y < pad.bottom - 1; y += 9) {
      for (let x = pad.left + 2; x < pad.right - 1; x += 9) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !surface.contains(hit))
          found.push(
            `${hit ? hit.tagName.toLowerCase() + '.' + hit.className : 'nothing'} at ${Math.round(x)},${Math.round(y)}`,
          );
      }
    }
    return [...new Set(found)].slice(0, 10);
  });
}

describe.each(Object.keys(SIZES) as SizeName[])('%s layout', (name) => {
  const { viewport } = SIZES[name];

  it('shows the whole pad at load, at least 240 px wide, with nothing over it', async () => {
    const page = pages[name];
    await page.evaluate(() => window.scrollTo(0, 0));
    const pad = (await page.getByTestId('digit-pad').boundingBox())!;
    expect(pad.width).toBeGreaterThanOrEqual(240);
    expect(pad.x).toBeGreaterThanOrEqual(0);
    expect(pad.y).toBeGreaterThanOrEqual(0);
    expect(pad.x + pad.width).toBeLessThanOrEqual(viewport.width);
    expect(pad.y + pad.height).toBeLessThanOrEqual(viewport.height);
    expect(await overPad(page)).toEqual([]);
    // The page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });

  it('gives the 3D view its share of the screen', async () => {
    const view = (await pages[name].getByTestId('network-view').boundingBox())!;
    if (name === 'desktop') {
      expect(view.width).toBeGreaterThanOrEqual(viewport.width * 0.5);
      expect(view.height).toBeGreaterThanOrEqual(viewport.height * 0.6);
    } else if (name === 'tablet') {
      expect(view.width).toBeGreaterThanOrEqual(viewport.width * 0.95);
      expect(view.height * view.width).toBeGreaterThanOrEqual(0.3 * viewport.width * viewport.height);
    } else {
      expect(view.width).toBeGreaterThanOrEqual(viewport.width - 1);
      expect(view.height).toBeGreaterThanOrEqual(viewport.height * 0.4);
    }
    const pad = (await pages[name].getByTestId('digit-pad').boundingBox())!;
    if (name !== 'desktop') expect(view.y).toBeGreaterThanOrEqual(pad.y + pad.height);
  });

  it(`reads a digit drawn with ${SIZES[name].touch ? 'a finger, without scrolling or zooming the page' : 'the mouse'}`, async () => {
    const page = pages[name];
    await page.getByTestId('clear-pad').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    if (SIZES[name].touch) await drawWithFinger(page, DIGITS.seven);
    else {
      const pad = (await page.getByTestId('digit-pad').boundingBox())!;
      for (const stroke of DIGITS.seven) {
        await page.mouse.move(pad.x + stroke[0][0], pad.y + stroke[0][1]);
        await page.mouse.down();
        for (const [x, y] of stroke.slice(1)) await page.mouse.move(pad.x + x, pad.y + y, { steps: 6 });
        await page.mouse.up();
      }
    }
    expect((await settledPrediction(page))?.label).toBe(7);
    const viewportState = await page.evaluate(() => ({
      scrollY: window.scrollY,
      scrollX: window.scrollX,
      scale: window.visualViewport?.scale ?? 1,
    }));
    expect(viewportState).toEqual({ scrollY: 0, scrollX: 0, scale: 1 });
    await page.screenshot({ path: join(ARTIFACTS, `layout-${name}.png`) });
    await page.screenshot({ path: join(ARTIFACTS, `layout-${name}-full.png`), fullPage: true });
  });

  it(
    name === 'phone' ? 'keeps the view options behind one button' : 'shows the view options beside the view',
    async () => {
      const page = pages[name];
      const options = page.locator('#view-options');
      const toggle = page.getByTestId('view-toggle');
      if (name !== 'phone') {
        expect(await options.isVisible()).toBe(true);
        expect(await toggle.isVisible()).toBe(false);
        return;
      }
      expect(await options.isVisible()).toBe(false);
      await toggle.scrollIntoViewIfNeeded();
      await toggle.tap();
      expect(await options.isVisible()).toBe(true);
      expect(await page.getByTestId('colour-mode').isVisible()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'layout-phone-view-options.png') });
      await toggle.tap();
      expect(await options.isVisible()).toBe(false);
    },
  );
});

describe('first visit', () => {
  it('shows "how to read this view" until it is dismissed, and remembers that', async () => {
    const page = pages.desktop;
    expect(await page.getByTestId('view-guide').isVisible()).toBe(true);
    await page.getByTestId('view-guide-dismiss').click();
    expect(await page.getByTestId('view-guide').count()).toBe(0);
    await page.reload();
    await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => window.lenet.ready);
    expect(await page.getByTestId('view-guide').count()).toBe(0);
  });

  it('raised no page error', () => {
    expect(errors).toEqual([]);
  });
});
