/** What the end-to-end tests share: the app session, digit strokes, and where screenshots go. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openApp, type AppSession } from '../../scripts/appBrowser';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet

/** Where screenshots are kept as test artifacts. */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results', 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

export { drawStrokes, openApp, type AppSession } from '../../scripts/appBrowser';

/** Waits until the prediction reflects the drawing (the engine answered the last stroke). */
export async function settledPrediction(page: Page): Promise<{ label: number; probabilities: number[] } | null> {
  await page.waitForTimeout(150);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => window.lenet.state().prediction);
}

export { DIGITS } from '../../scripts/digitStrokes';

/** Opens the app once for a test file (beforeAll) and closes it afterwards; errors thrown in the page are collected. */
export function appForFile(search = ''): { readonly app: AppSession; readonly errors: string[] } {
  const session = { app: undefined as unknown as AppSession, errors: [] as string[] };
  beforeAll(async () => {
    session.app = await openApp(search);
    session.app.page.on('pageerror', (error) => session.errors.push(error.message));
  }, 180_000);
  afterAll(async () => {
    await session.app?.close();
  });
  return session;
}

/** The three screens the layout is designed for: a desktop with a mouse, a tablet in portrait and a phone, both touch. */
export const SCREEN_SIZES = {
  desktop: { viewport: { width: 1440, height: 900 }, touch: false },
  tablet: { viewport: { width: 820, height: 1180 }, touch: true },
  phone: { viewport: { width: 390, height: 844 }, touch: true },
} as const;
export type ScreenSize = keyof typeof SCREEN_SIZES;

/**
 * Opens the app once for a test file (one dev server, one Chromium) with a page at each screen size, each
 * waited for `window.lenet.ready`; errors thrown in any page are collected.
 */
export function appAtScreenSizes(options: { readonly locale?: string } = {}): {
  readonly pages: Record<ScreenSize, Page>;
  readonly errors: string[];
} {
  let app: AppSession | undefined;
  const session = { pages: {} as Record<ScreenSize, Page>, errors: [] as string[] };
  const locale = options.locale ? { locale: options.locale } : {};
  beforeAll(async () => {
    app = await openApp('', { ...SCREEN_SIZES.desktop, ...locale });
    session.pages.desktop = app.page;
    for (const name of ['tablet', 'phone'] as const) {
      const { viewport, touch } = SCREEN_SIZES[name];
      const page = await (
        await app.browser.newContext({ viewport, hasTouch: touch, isMobile: touch, deviceScaleFactor: 1, ...locale })
      ).newPage();
      await page.goto(app.url);
      await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
      await page.evaluate(() => window.lenet.ready);
      session.pages[name] = page;
    }
    for (const page of Object.values(session.pages))
      page.on('pageerror', (error) => session.errors.push(error.message));
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });
  return session;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/**
 * axe-core's serious and critical violations on the whole document, one line per rule with its nodes. On
 * touch sizes axe's target-size rule (WCAG 2.2 AA 2.5.8: targets at least 24x24 CSS px or spaced as much),
 * off by default, is on as well.
 */
export async function seriousProblems(page: Page, touch: boolean): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (targetSize) => {
    type Result = {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    };
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[] }> } }
    ).axe;
    return (
      await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: targetSize } } })
    ).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  }, touch);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 8).join('\n    ')}${v.nodes.length > 8 ? `\n    …and ${v.nodes.length - 8} more` : ''}`,
    );
}
