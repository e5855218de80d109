/**
 * How long the page takes to show a node's close-up (src/ui/closeup): from `window.lenet.focus(node)` to the
 * close-up's heading naming the node (a MutationObserver sees the DOM change), for a c1, c3, s2 and f6 node, 25
 * times each; then the same with the close-up folded to its heading, which leaves the rest of the page's update on a
 * focus change (the tooltip, the view's markers, the pad), so the difference is the close-up's own cost. Used by
 * `npm run bench:probe` (on the dev server and on the production build) and the close-up's e2e test.
 */
import { chromium, type Page } from 'playwright-core';
import type {} from '../src/ui/automation/automationApi'; // declares window.lenet
import { buildAndServe } from '../tests/e2e/productionBuild';
import { CHROMIUM, CHROMIUM_FLAGS } from '../vitest.config';

/** Median milliseconds per layer, unfolded and folded. */
export interface CloseUpRender {
  readonly unfolded: Record<string, number>;
  readonly folded: Record<string, number>;
}

/** Median ms from a focus change to the close-up's heading naming the node, per layer. */
function measure(page: Page): Promise<Record<string, number>> {
  // No function declared in the page's code: the bundler would wrap it in a helper the page does not have.
  return page.evaluate(async () => {
    const result: Record<string, number[]> = {};
    for (const layer of ['c1', 'c3', 's2', 'f6']) {
      result[layer] = [];
      for (let i = 0; i < 25; i++) {
        const next = { layer, c: i % 6, y: layer === 'f6' ? 0 : (i * 3) % 5, x: 0 };
        const expected = layer === 'f6' ? `unit ${next.c}` : `, map ${next.c}, row ${next.y}, column 0`;
        const start = performance.now();
        await new Promise((resolve) => {
          new MutationObserver((_, observer) => {
            if ((document.querySelector('.closeup h2')?.textContent ?? '').endsWith(expected)) {
              observer.disconnect();
              resolve(null);
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
          window.lenet.focus(next);
        });
        result[layer].push(performance.now() - start);
      }
    }
    return Object.fromEntries(Object.entries(result).map(([layer, v]) => [layer, [...v].sort((a, b) => a - b)[12]]));
  });
}

/** The close-up's render time on `page` (an English page with a drawing read), unfolded and folded. */
export async function closeUpRender(page: Page): Promise<CloseUpRender> {
  await page.evaluate(() => window.lenet.focus({ layer: 'c1', c: 5, y: 9, x: 9 }));
  await page.getByTestId('conv-closeup').waitFor();
  const unfolded = await measure(page);
  await page.getByRole('button', { name: 'Fold the close-up to its heading' }).click();
  const folded = await measure(page);
  await page.getByRole('button', { name: 'Show the close-up of the pinned node' }).click();
  return { unfolded, folded };
}

/** The same on the production build (`vite build`, served by `vite preview`), a test digit read; with Chromium's version. */
export async function productionCloseUpRender(): Promise<CloseUpRender & { chromium: string }> {
  const served = await buildAndServe('/');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS], headless: true });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1400, height: 860 }, locale: 'en-GB' })
    ).newPage();
    await page.goto(served.url);
    await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => window.lenet.ready);
    await page.evaluate(() => window.lenet.loadTestDigit(0));
    return { ...(await closeUpRender(page)), chromium: browser.version() };
  } finally {
    await browser.close();
    await served.close();
  }
}
