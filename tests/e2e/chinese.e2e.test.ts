/**
 * The app in Chinese, end to end: a browser whose language is zh-CN opens it in Chinese (the page, a pooling
 * node's tooltip, a c3 node's δ explanation); the switch changes the language, the address keeps it and wins over
 * the remembered choice; every chapter of the tutorial opens its state; axe-core finds no serious or critical
 * problem in Chinese at the three screen sizes. Screenshots of the three sizes in test-results/e2e/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../src/ui/chapters/chapterList';
import {
  appAtScreenSizes,
  ARTIFACTS,
  DIGITS,
  drawStrokes,
  seriousProblems,
  settledPrediction,
  SCREEN_SIZES,
} from './appSession';

const { pages, errors } = appAtScreenSizes({ locale: 'zh-CN' });
/** Han characters: text that is Chinese. */
const HAN = /\p{Script=Han}/u;

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();

describe('the app in Chinese', () => {
  it('opens in Chinese when the browser reads Chinese', async () => {
    const page = pages.desktop;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => window.lenet.state().language)).toBe('zh');
    expect(await page.locator('h1').innerText()).toMatch(HAN);
    expect(await text(page, 'prediction')).toMatch(HAN); // "请写一个数字"
    await drawStrokes(page, DIGITS.seven);
    expect((await settledPrediction(page))?.label).toBe(7);
    for (const size of Object.keys(SCREEN_SIZES) as (keyof typeof SCREEN_SIZES)[]) {
      await pages[size].screenshot({ path: join(ARTIFACTS, `chinese-${size}.png`) });
    }
  });

  it("explains a pooling cell and a c3 node's δ in Chinese", async () => {
    const page = pages.desktop;
    await page.evaluate(() => window.lenet.focus({ layer: 's2', c: 0, y: 7, x: 7 }));
    const pool = await text(page, 'node-tooltip');
    expect(pool).toMatch(HAN);
    expect(pool).toMatch(/池化|窗口/);
    await page.evaluate(() => window.lenet.backward(3));
    await page.evaluate(() => window.lenet.focus({ layer: 'c3', c: 2, y: 4, x: 4 }));
    await expect.poll(() => text(page, 'node-tooltip')).toMatch(/敏感度|灵敏度/);
    await page.screenshot({ path: join(ARTIFACTS, 'chinese-backward-c3.png') });
    await page.evaluate(() => window.lenet.focus(null));
  });

  it('switches language, keeps it in the address, and an address wins over the remembered choice', async () => {
    const page = pages.desktop;
    await page.getByTestId('language-switch').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').innerText()).not.toMatch(HAN);
    expect(await page.evaluate(() => window.lenet.state().language)).toBe('en');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[#&]lang=en(&|$)/);
    // Remembered: a fresh visit without lang in the address opens in English despite the browser's Chinese.
    await page.goto(page.url().replace(/#.*$/, ''));
    await page.evaluate(() => window.lenet.ready);
    expect(await page.evaluate(() => window.lenet.state().language)).toBe('en');
    // The address's lang wins over the remembered choice.
    await page.goto(`${page.url().replace(/#.*$/, '')}#v=1&lang=zh`);
    await page.reload();
    await page.evaluate(() => window.lenet.ready);
    expect(await page.evaluate(() => window.lenet.state().language)).toBe('zh');
    expect(await page.locator('h1').innerText()).toMatch(HAN);
    await page.getByTestId('language-switch').selectOption('zh'); // remember Chinese again for the tests below
  });

  it('opens every chapter in its state, in the tutorial order', async () => {
    const page = pages.desktop;
    await page.getByTestId('chapters-menu').locator('summary').click();
    const listed = await page
      .getByTestId('chapter-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-chapter')));
    expect(listed).toEqual(CHAPTERS.map((c) => c.id));
    await page.keyboard.press('Escape');
    for (const chapter of CHAPTERS) {
      await page.evaluate((id) => window.lenet.openChapter(id), chapter.id);
      const state = await page.evaluate(() => window.lenet.state());
      expect(state.chapter, chapter.id).toBe(chapter.id);
      const shown = await text(page, 'chapter-text');
      expect(shown, chapter.id).toContain(chapter.section);
      expect(shown, chapter.id).toMatch(HAN);
      const scene = chapter.scene;
      if (scene.kind === 'node') {
        expect(state.focus?.layer, chapter.id).toBe(scene.layer);
        expect(state.view, chapter.id).toBe(scene.backward ? 'backward' : 'forward');
      }
      if (scene.kind === 'section') {
        const open = await page.evaluate(
          (s) => document.querySelector<HTMLDetailsElement>(`details[data-section="${s}"]`)?.open,
          scene.section,
        );
        expect(open, chapter.id).toBe(true);
      }
      if (scene.kind === 'combinations') {
        expect(state.run, chapter.id).toBe('lenet5-learned');
        await page.getByTestId('alpha-panel').waitFor({ timeout: 30_000 });
      }
      await expect
        .poll(() => page.evaluate(() => location.hash), { message: chapter.id })
        .toContain(`chapter=${chapter.id}`);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'chinese-chapter.png') });
    // A chapter in the address opens it.
    await page.goto(`${page.url().replace(/#.*$/, '')}#v=1&chapter=pooling&lang=zh`);
    await page.reload();
    await page.evaluate(() => window.lenet.ready);
    await expect.poll(() => page.evaluate(() => window.lenet.state().focus?.layer)).toBe('s2');
  });

  it('has no serious or critical accessibility problem in Chinese at the three sizes', async () => {
    for (const size of Object.keys(SCREEN_SIZES) as (keyof typeof SCREEN_SIZES)[]) {
      const problems = await seriousProblems(pages[size], SCREEN_SIZES[size].touch);
      expect(problems, `${size}:\n${problems.join('\n')}`).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});
