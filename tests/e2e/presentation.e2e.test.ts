/**
 * Presentation mode (a teacher projecting the app): `presentation-toggle` is in the page from load, the mode is
 * in the address (`presentation=1`) and in `state().presentation`; at 1920x1080 every visible text is at least
 * 16 px, the control column is hidden and the view takes the room; the teacher's keys work (P pins the most
 * active pooling cell, ] and [ step the checkpoints, B the backward view); axe-core finds no serious or critical
 * problem in presentation mode at the three screen sizes. Screenshots before and after in test-results/e2e/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  DIGITS,
  drawStrokes,
  openApp,
  seriousProblems,
  settledPrediction,
  SCREEN_SIZES,
  type AppSession,
} from './appSession';

let session: AppSession;
beforeAll(async () => {
  session = await openApp('', { viewport: { width: 1920, height: 1080 } });
}, 300_000);
afterAll(async () => {
  await session?.close();
});

/** Every element with its own visible text (not hidden, not clipped to nothing) and its computed font size. */
function visibleTextSizes(page: Page): Promise<{ text: string; size: number; where: string }[]> {
  return page.evaluate(() => {
    const found: { text: string; size: number; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width < 1 || box.height < 1 || box.bottom < 0 || box.top > innerHeight) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      if (element.closest('.visually-hidden,[aria-hidden="true"]')) continue;
      const where = `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 60);
      found.push({ text: text.slice(0, 40), size: parseFloat(style.fontSize), where });
    }
    return found;
  });
}

describe('presentation mode', () => {
  it('is one toggle from load, and every visible text is at least 16 px at 1920x1080', async () => {
    const { page } = session;
    await drawStrokes(page, DIGITS.seven);
    expect((await settledPrediction(page))?.label).toBe(7);
    await page.screenshot({ path: join(ARTIFACTS, 'presentation-before.png') });
    const small = (await visibleTextSizes(page)).filter((t) => t.size < 16);
    expect(small.length, 'before: the normal layout has small print (the reason for the mode)').toBeGreaterThan(0);

    await page.getByTestId('presentation-toggle').click();
    expect(await page.evaluate(() => window.lenet.state().presentation)).toBe(true);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('presentation=1');
    expect(await page.locator('.controls').isVisible()).toBe(false);
    await page.waitForTimeout(500); // the view re-fits to its larger canvas
    await page.screenshot({ path: join(ARTIFACTS, 'presentation-after.png') });
    const texts = await visibleTextSizes(page);
    expect(texts.length).toBeGreaterThan(20);
    const tooSmall = texts.filter((t) => t.size < 16);
    expect(tooSmall, JSON.stringify(tooSmall.slice(0, 12))).toEqual([]);
    const view = (await page.getByTestId('network-view').boundingBox())!;
    expect(view.width * view.height).toBeGreaterThan(0.45 * 1920 * 1080);
  });

  it("answers the teacher's keys", async () => {
    const { page } = session;
    await page.locator('h1').click(); // nothing focused that takes keys
    await page.keyboard.press('p');
    const focus = await page.evaluate(() => window.lenet.state().focus);
    expect(focus?.layer).toBe('s2');
    const s2 = await page.evaluate(() => window.lenet.activations('s2'));
    const c = focus!;
    expect(s2[(c.c * 14 + c.y) * 14 + c.x]).toBe(Math.max(...s2));
    const before = await page.evaluate(() => window.lenet.state().checkpoint);
    await page.keyboard.press('[');
    await expect.poll(() => page.evaluate(() => window.lenet.state().checkpoint)).not.toBe(before);
    await page.keyboard.press(']');
    await expect.poll(() => page.evaluate(() => window.lenet.state().checkpoint)).toBe(before);
    await page.keyboard.press('b');
    await expect.poll(() => page.evaluate(() => window.lenet.state().view)).toBe('backward');
    await page.keyboard.press('b');
    await expect.poll(() => page.evaluate(() => window.lenet.state().view)).toBe('forward');
  });

  it('opens from the address, and has no serious or critical accessibility problem at the three sizes', async () => {
    for (const size of Object.keys(SCREEN_SIZES) as (keyof typeof SCREEN_SIZES)[]) {
      const { viewport, touch } = SCREEN_SIZES[size];
      const context = await session.browser.newContext({ viewport, hasTouch: touch, isMobile: touch });
      const page = await context.newPage();
      await page.goto(`${session.url}#v=1&presentation=1`);
      await page.waitForFunction(() => window.lenet !== undefined);
      await page.evaluate(() => window.lenet.ready);
      expect(await page.evaluate(() => window.lenet.state().presentation)).toBe(true);
      const problems = await seriousProblems(page, touch);
      expect(problems, `${size}:\n${problems.join('\n')}`).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `presentation-${size}.png`) });
      await context.close();
    }
  });
});
