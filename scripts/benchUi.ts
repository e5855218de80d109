/**
 * `npm run bench:ui`: frames per second of the app idle, while drawing and while hovering nodes, and
 * the latency from a pointer event on the pad to the frame that shows its activations (median and
 * 95th percentile), in headless Chromium. Prints the figures and writes them to docs/benchmarks.md.
 */
import type { Page } from 'playwright-core';
import { openApp } from './appBrowser';
import { writeReportSection } from './benchmarkReport';

const SECONDS = 6;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** Browser frames per second (animation-frame callbacks) and 3D frames rendered per second while `activity` runs. */
async function framesPerSecond(page: Page, activity: (until: number) => Promise<void>): Promise<{ browser: number; rendered: number }> {
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    const counter = { frames: 0, running: true };
    window.frameCounter = counter;
    requestAnimationFrame(function tick() { counter.frames++; if (counter.running) requestAnimationFrame(tick); });
  })()`);
  const before = await page.evaluate(() => window.lenet.metrics().framesRendered);
  const started = Date.now();
  await activity(started + SECONDS * 1000);
  const seconds = (Date.now() - started) / 1000;
  const rendered = (await page.evaluate(() => window.lenet.metrics().framesRendered)) - before;
  const browser = await page.evaluate(() => {
    const counter = (window as unknown as { frameCounter: { frames: number; running: boolean } }).frameCounter;
    counter.running = false;
    return counter.frames;
  });
  return { browser: browser / seconds, rendered: rendered / seconds };
}

async function main(): Promise<void> {
  const search = process.argv.includes('--webgl2') ? '?backend=webgl2' : process.argv.includes('--cpu') ? '?backend=cpu' : '';
  const app = await openApp(search);
  const { page } = app;
  try {
    const backend = await page.evaluate(() => window.lenet.state().backend);
    const pad = (await page.getByTestId('digit-pad').boundingBox())!;
    const idle = await framesPerSecond(page, async (until) => { await page.waitForTimeout(until - Date.now()); });
    const latenciesBefore = (await page.evaluate(() => window.lenet.metrics().latencies)).length;
    const drawing = await framesPerSecond(page, async (until) => {
      for (let stroke = 0; Date.now() < until; stroke++) {
        await page.getByTestId('clear-pad').click();
        await page.mouse.move(pad.x + 60, pad.y + 60 + (stroke % 5) * 10);
        await page.mouse.down();
        for (let i = 1; i <= 30 && Date.now() < until; i++) {
          await page.mouse.move(pad.x + 60 + i * 5, pad.y + 60 + i * 5 + (stroke % 5) * 5);
          await page.waitForTimeout(16);
        }
        await page.mouse.up();
      }
    });
    const latencies = (await page.evaluate(() => window.lenet.metrics().latencies)).slice(latenciesBefore);
    const nodes = [{ layer: 'c1', c: 1, y: 12, x: 12 }, { layer: 's2', c: 3, y: 6, x: 6 }, { layer: 'c3', c: 9, y: 5, x: 5 },
      { layer: 's4', c: 4, y: 2, x: 2 }, { layer: 'c5', c: 60, y: 0, x: 0 }, { layer: 'f6', c: 30, y: 0, x: 0 }];
    const positions = await page.evaluate((list) => list.map((n) => window.lenet.screenPosition(n)), nodes);
    const hovering = await framesPerSecond(page, async (until) => {
      for (let i = 0; Date.now() < until; i++) {
        const p = positions[i % positions.length];
        if (p) await page.mouse.move(p.x, p.y, { steps: 4 });
        await page.waitForTimeout(30);
      }
    });
    await page.getByTestId('clear-pad').click();
    await page.mouse.move(pad.x + 70, pad.y + 60);
    await page.mouse.down();
    for (const [x, y] of [[215, 62], [170, 150], [125, 240]]) await page.mouse.move(pad.x + x, pad.y + y, { steps: 5 });
    await page.mouse.up();
    await page.getByTestId('train-toggle').click();
    await page.waitForFunction(() => window.lenet.state().training.imagesPerSecond > 0, null, { timeout: 300_000 });
    const training = await framesPerSecond(page, async (until) => { await page.waitForTimeout(until - Date.now()); });
    const trainingRate = await page.evaluate(() => window.lenet.state().training.imagesPerSecond);
    await page.getByTestId('train-toggle').click();
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'no WebGL2';
    });
    const median = quantile(latencies, 0.5);
    const p95 = quantile(latencies, 0.95);
    const report = `## The app in the browser (\`npm run bench:ui${search ? ` -- --${search.split("=")[1]}` : ""}\`)

Measured ${new Date().toISOString().slice(0, 10)} in headless Chromium at 1400x860 (Vite dev server), engine backend \`${backend}\`,
renderer \`${renderer}\`; ${SECONDS} s per measurement, mouse driven by Playwright.

| measure | value |
|---|---|
| frames per second, idle (3D frames rendered) | ${idle.browser.toFixed(1)} (${idle.rendered.toFixed(1)}) |
| frames per second, while drawing (3D frames rendered) | ${drawing.browser.toFixed(1)} (${drawing.rendered.toFixed(1)}) |
| frames per second, while hovering nodes (3D frames rendered) | ${hovering.browser.toFixed(1)} (${hovering.rendered.toFixed(1)}) |
| frames per second while training on MNIST with the view live (3D frames rendered) | ${training.browser.toFixed(1)} (${training.rendered.toFixed(1)}) |
| training images/s meanwhile (batch 64, the worker's own count) | ${trainingRate.toFixed(0)} |
| pointer event to the frame showing its activations, median | ${median.toFixed(1)} ms |
| same, 95th percentile | ${p95.toFixed(1)} ms (${latencies.length} drawings read) |

The 3D canvas renders on demand (a new drawing's activations, a hover, a camera move), so idle it renders nothing.
Two frames at the measured browser frame rate while drawing are ${(2000 / drawing.browser).toFixed(1)} ms; the 95th percentile
is ${p95 <= 2000 / drawing.browser ? 'within' : 'beyond'} that. Headless Chromium here renders with SwiftShader on the CPU, so
these figures are a floor, not what a GPU gives.
`;
    writeReportSection(search ? `ui-${search.split('=')[1]}` : 'ui', report);
    console.log(report);
  } finally {
    await app.close();
  }
}

await main();
