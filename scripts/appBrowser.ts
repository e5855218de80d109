/** Starts the app on a Vite dev server and opens it in Debian's Chromium (end-to-end tests, UI benchmark). */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import type {} from '../src/ui/automation/automationApi'; // declares window.lenet
import { CHROMIUM, CHROMIUM_FLAGS } from '../vitest.config';

/** A running app and a page on it. */
export interface AppSession {
  readonly server: ViteDevServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly url: string;
  close(): Promise<void>;
}

/** What `openApp` may change from its defaults. */
export interface OpenAppOptions {
  /** Headers the dev server adds to every response (e.g. COOP/COEP for cross-origin isolation). */
  readonly headers?: Record<string, string>;
  /** Chromium flags added to `CHROMIUM_FLAGS`. */
  readonly chromiumArgs?: readonly string[];
  /**
   * False: the dev server neither watches the sources nor reloads the page when they change (long runs such as
   * `npm run soak`, which an edit elsewhere in the tree must not restart). Default true.
   */
  readonly reloadOnChange?: boolean;
  /** The page's viewport in CSS pixels; default 1400x860 (a desktop). */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** A touch device (phone, tablet): touch events, a mobile viewport meta honoured, device pixel ratio `deviceScaleFactor`. */
  readonly touch?: boolean;
  /** Device pixel ratio; default 1. */
  readonly deviceScaleFactor?: number;
  /** The browser's language (navigator.languages, Accept-Language), e.g. 'zh-CN'; default Chromium's own. */
  readonly locale?: string;
}

/** The headers that make the page cross-origin isolated (needed by `performance.measureUserAgentSpecificMemory`). */
export const CROSS_ORIGIN_ISOLATION: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Starts the dev server and a page at `search` (e.g. `?backend=cpu`), waiting for `window.lenet.ready`. */
export async function openApp(search = '', options: OpenAppOptions = {}): Promise<AppSession> {
  const server = await createServer({
    root: join(import.meta.dirname, '..'),
    server: {
      port: 0,
      host: '127.0.0.1',
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.reloadOnChange === false ? { hmr: false, watch: null } : {}),
    },
    logLevel: 'error',
  });
  await server.listen();
  const url = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, ...(options.chromiumArgs ?? [])],
    headless: true,
  });
  const page = await (
    await browser.newContext({
      viewport: options.viewport ?? { width: 1400, height: 860 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    })
  ).newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(`${url}${search}`);
  await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
  await page.evaluate(() => window.lenet.ready);
  return {
    server,
    browser,
    page,
    url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Draws strokes on the pad with the real mouse; points are in pad pixels (0..280). */
export async function drawStrokes(page: Page, strokes: [number, number][][]): Promise<void> {
  await page.getByTestId('digit-pad').scrollIntoViewIfNeeded(); // the mouse draws where the pad is on screen
  const pad = (await page.getByTestId('digit-pad').boundingBox())!;
  for (const stroke of strokes) {
    await page.mouse.move(pad.x + stroke[0][0], pad.y + stroke[0][1]);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1))
      await page.mouse.move(pad.x + x, pad.y + y, { steps: stroke.length > 8 ? 1 : 6 });
    await page.mouse.up();
  }
}
