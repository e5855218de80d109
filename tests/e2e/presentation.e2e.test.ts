/**
 * Presentation mode (a teacher projecting the app): `presentation-toggle` is in the page from load, the mode is
 * in the address (`presentation=1`) and in `state().presentation`; at 1920x1080 every text on screen (the view's
 * aria-hidden layer labels and output digits included) is at least 16 px and none is cut, broken or drawn over
 * another, the control column is hidden and the view takes the room; each of the listed teacher's keys does what
 * the list says (C clears the pad, P pins the most active pooling cell, B the backward view, [ and ] step the
 * checkpoints, E the explorer, F presentation mode), the text still at least 16 px with a pinned cell's tooltip, in
 * the backward view and with the explorer open; axe-core finds no serious or critical problem in presentation mode
 * at the three screen sizes. Screenshots before and after in test-results/e2e/.
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
import { shownTexts } from './shownTexts';

let session: AppSession;
beforeAll(async () => {
  session = await openApp('', { viewport: { width: 1920, height: 1080 } });
}, 300_000);
afterAll(async () => {
  await session?.close();
});

/** Every text on screen is at least 16 px and laid out cleanly (the state named in the messages). */
async function expectLegible(page: Page, state: string): Promise<void> {
  const { texts, problems } = await shownTexts(page);
  expect(texts.length, state).toBeGreaterThan(20);
  const tooSmall = texts.filter((t) => t.size < 16);
  expect(tooSmall, `${state}: ${JSON.stringify(tooSmall.slice(0, 12))}`).toEqual([]);
  expect(problems, `${state}:\n${problems.slice(0, 12).join('\n')}`).toEqual([]);
}

/** Presses a teacher's key with nothing focused that takes keys. */
async function press(page: Page, key: string): Promise<void> {
  await page.locator('h1').click();
  await page.keyboard.press(key);
}

describe('presentation mode', () => {
  it('is one toggle from load, and every visible text is at least 16 px at 1920x1080', async () => {
    const { page } = session;
    await drawStrokes(page, DIGITS.seven);
    expect((await settledPrediction(page))?.label).toBe(7);
    await page.screenshot({ path: join(ARTIFACTS, 'presentation-before.png') });
    const small = (await shownTexts(page)).texts.filter((t) => t.size < 16);
    expect(small.length, 'before: the normal layout has small print (the reason for the mode)').toBeGreaterThan(0);
    expect(
      small.some((t) => t.where.startsWith('strong') && ['c1', 's2', 'output'].includes(t.text)),
      'the layer labels (aria-hidden) are among the texts measured',
    ).toBe(true);

    await page.getByTestId('presentation-toggle').click();
    expect(await page.evaluate(() => window.lenet.state().presentation)).toBe(true);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('presentation=1');
    expect(await page.locator('.controls').isVisible()).toBe(false);
    await page.waitForTimeout(500); // the view re-fits to its larger canvas
    await page.screenshot({ path: join(ARTIFACTS, 'presentation-after.png') });
    await expectLegible(page, 'presentation mode');
    const labels = (await shownTexts(page)).texts.filter(
      (t) => t.where === 'strong.' && /^(c1|s2|output|7)$/.test(t.text),
    );
    expect(labels.length, 'layer labels and output digits on screen').toBeGreaterThanOrEqual(4);
    const view = (await page.getByTestId('network-view').boundingBox())!;
    expect(view.width * view.height).toBeGreaterThan(0.45 * 1920 * 1080);
  });

  it("answers the teacher's keys as their list says, every text still at least 16 px", async () => {
    const { page } = session;
    const listed = await page.locator('.shortcut-list kbd').allTextContents();
    expect(listed).toEqual(['C', 'P', 'B', '[', ']', 'E', 'F']);
    const state = () => page.evaluate(() => window.lenet.state());

    await press(page, 'p'); // pin the most active pooling cell
    const focus = (await state()).focus!;
    expect(focus.layer).toBe('s2');
    const s2 = await page.evaluate(() => window.lenet.activations('s2'));
    expect(s2[(focus.c * 14 + focus.y) * 14 + focus.x]).toBe(Math.max(...s2));
    await page.getByTestId('node-tooltip').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'presentation-key-p.png') });
    await expectLegible(page, 'P: a pinned s2 cell');

    const before = (await state()).checkpoint;
    await press(page, '['); // previous checkpoint
    await expect.poll(async () => (await state()).checkpoint).not.toBe(before);
    await press(page, ']'); // next checkpoint
    await expect.poll(async () => (await state()).checkpoint).toBe(before);

    await press(page, 'b'); // backward view on
    await expect.poll(async () => (await state()).view).toBe('backward');
    await expect.poll(async () => (await state()).backward).not.toBe(null);
    await page.waitForTimeout(2200); // the sweep from the output down to the input is over
    await page.screenshot({ path: join(ARTIFACTS, 'presentation-key-b.png') });
    await expectLegible(page, 'B: the backward view with a pinned s2 cell');
    await press(page, 'b'); // and off
    await expect.poll(async () => (await state()).view).toBe('forward');
    await page.evaluate(() => window.lenet.focus(null));

    await press(page, 'e'); // the test-set explorer
    await page.getByTestId('confusion-matrix').waitFor();
    await page.getByTestId('class-accuracy').locator('svg').waitFor();
    await page.waitForTimeout(500); // the canvas follows its narrower column
    await page.screenshot({ path: join(ARTIFACTS, 'presentation-key-e.png') });
    await expectLegible(page, 'E: the explorer open');
    await press(page, 'e');
    await expect.poll(() => page.getByTestId('explorer').count()).toBe(0);

    await press(page, 'f'); // presentation mode off
    await expect.poll(async () => (await state()).presentation).toBe(false);
    expect(await page.locator('.controls').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('presentation=1');
    await press(page, 'f'); // and on
    await expect.poll(async () => (await state()).presentation).toBe(true);
    expect(await page.locator('.controls').isVisible()).toBe(false);

    await press(page, 'c'); // clear the pad
    await expect.poll(() => page.getByTestId('prediction').textContent()).toContain('draw a digit');
    expect((await page.evaluate(() => window.lenet.input())).every((v) => v === 0)).toBe(true);
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
