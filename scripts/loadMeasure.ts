/**
 * One first visit of a built app, measured: a fresh browser context (no cache, no service worker, no storage)
 * opens the page and waits for `window.lenet.ready`; the server counts every request that reached it before
 * that moment and the bytes it sent for each (headers and body, compressed as served), and the page reports the
 * time from navigation to ready. The throttled profile is the one of issue 21 (Chrome DevTools Protocol: 9 Mbit/s
 * down, 150 ms latency, CPU 4x slower).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Browser } from 'playwright-core';
import type {} from '../src/ui/automation/automationApi'; // declares window.lenet

/** A request the server answered: when it arrived (ms since the epoch), its path, the bytes sent for it. */
interface Served {
  readonly arrival: number;
  readonly path: string;
  bytes: number;
}

/** Counts what a Node HTTP server sends, request by request (HTTP/1.1: one request at a time per socket). */
export class ServerLog {
  private served: Served[] = [];

  constructor(server: Server) {
    server.on('request', (req: IncomingMessage, res) => {
      const socket = req.socket;
      const entry: Served = { arrival: Date.now(), path: req.url ?? '', bytes: 0 };
      const start = socket.bytesWritten;
      res.on('finish', () => (entry.bytes = socket.bytesWritten - start));
      this.served.push(entry);
    });
  }

  /** Forgets what was served so far. */
  clear(): void {
    this.served = [];
  }

  /** The requests that arrived before `time` (ms since the epoch). */
  before(time: number): readonly Served[] {
    return this.served.filter((s) => s.arrival < time);
  }
}

/** What one first visit took. */
export interface LoadFigures {
  /** Bytes the server sent (headers and bodies) for the requests made before ready. */
  readonly bytes: number;
  readonly requests: number;
  /** From navigation start to `window.lenet.ready`. */
  readonly readyMs: number;
  /** The largest responses, path and bytes. */
  readonly largest: readonly { path: string; bytes: number }[];
  readonly backend: string;
}

/** The throttled profile: 9 Mbit/s down, 150 ms latency, the CPU 4x slower. */
export const THROTTLED = { downloadBitsPerSecond: 9e6, latencyMs: 150, cpuSlowdown: 4 };

// Records when `window.lenet.ready` resolved (ms since navigation start, and wall-clock) without polling.
const RECORD_READY = `(() => {
  Object.defineProperty(window, 'lenet', {
    configurable: true,
    set(api) {
      Object.defineProperty(window, 'lenet', { value: api, writable: true, configurable: true });
      api.ready.then(() => {
        window.__readyAt = performance.now();
        window.__readyWall = performance.timeOrigin + performance.now();
      });
    },
  });
})()`;

/** Opens `url` in a fresh context of `browser` at `viewport`, throttled or not, and measures until ready. */
export async function measureFirstVisit(
  browser: Browser,
  url: string,
  log: ServerLog,
  throttled: boolean,
  viewport: { width: number; height: number },
): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(RECORD_READY);
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: THROTTLED.latencyMs,
        downloadThroughput: THROTTLED.downloadBitsPerSecond / 8,
        uploadThroughput: -1,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED.cpuSlowdown });
    }
    log.clear();
    await page.goto(url);
    await page.waitForFunction(() => '__readyAt' in window, null, {
      timeout: 300_000,
      polling: 50,
    });
    const { readyAt, readyWall } = await page.evaluate(() => {
      const w = window as unknown as { __readyAt: number; __readyWall: number };
      return { readyAt: w.__readyAt, readyWall: w.__readyWall };
    });
    await page.waitForTimeout(500); // responses begun before ready finish being counted
    const served = log.before(readyWall);
    const backend = String(await page.evaluate(() => window.lenet.state().backend));
    return {
      bytes: served.reduce((sum, s) => sum + s.bytes, 0),
      requests: served.length,
      readyMs: readyAt,
      largest: [...served].sort((a, b) => b.bytes - a.bytes).slice(0, 6),
      backend,
    };
  } finally {
    await context.close();
  }
}
