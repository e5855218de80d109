/** One round of `npm run bench:ui`'s measurements in the page: frames per second idle, drawing, hovering, training, and latency. */
import type { Page } from 'playwright-core';

/** The figures of one round on one app. */
export type Figures = Record<string, number>;

/** The q-quantile of `values` (NaN when empty). */
export const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** Browser frames per second (animation-frame callbacks) and 3D frames rendered per second while `activity` runs. */
async function framesPerSecond(
  page: Page,
  seconds: number,
  activity: (until: number) => Promise<void>,
): Promise<[number, number]> {
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    const counter = { frames: 0, running: true };
    window.frameCounter = counter;
    requestAnimationFrame(function tick() { counter.frames++; if (counter.running) requestAnimationFrame(tick); });
  })()`);
  const before = await page.evaluate(() => window.lenet.metrics().framesRendered);
  const started = Date.now();
  await activity(started + seconds * 1000);
  const elapsed = (Date.now() - started) / 1000;
  const rendered = (await page.evaluate(() => window.lenet.metrics().framesRendered)) - before;
  const browser = await page.evaluate(() => {
    const counter = (window as unknown as { frameCounter: { frames: number; running: boolean } }).frameCounter;
    counter.running = false;
    return counter.frames;
  });
  return [browser / elapsed, rendered / elapsed];
}

const HOVERED = [
  { layer: 'c1', c: 1, y: 12, x: 12 },
  { layer: 's2', c: 3, y: 6, x: 6 },
  { layer: 'c3', c: 9, y: 5, x: 5 },
  { layer: 's4', c: 4, y: 2, x: 2 },
  { layer: 'c5', c: 60, y: 0, x: 0 },
  { layer: 'f6', c: 30, y: 0, x: 0 },
];

/** One round of every measurement on `page`, each `seconds` long. */
export async function measure(page: Page, seconds: number): Promise<Figures> {
  // The pad in view (clicking the training button may have scrolled a side column) and the pointer off the view.
  await page.getByTestId('digit-pad').scrollIntoViewIfNeeded();
  await page.mouse.move(2, 2);
  const pad = (await page.getByTestId('digit-pad').boundingBox())!;
  const wait = async (until: number) => {
    await page.waitForTimeout(Math.max(0, until - Date.now()));
  };
  const [idle, idle3d] = await framesPerSecond(page, seconds, wait);
  const latenciesBefore = (await page.evaluate(() => window.lenet.metrics().latencies)).length;
  const [drawing, drawing3d] = await framesPerSecond(page, seconds, async (until) => {
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
  const positions = await page.evaluate((list) => list.map((n) => window.lenet.screenPosition(n)), HOVERED);
  const [hovering, hovering3d] = await framesPerSecond(page, seconds, async (until) => {
    for (let i = 0; Date.now() < until; i++) {
      const p = positions[i % positions.length];
      if (p) await page.mouse.move(p.x, p.y, { steps: 4 });
      await page.waitForTimeout(30);
    }
  });
  await page.mouse.move(2, 2);
  await page.getByTestId('clear-pad').click();
  await page.mouse.move(pad.x + 70, pad.y + 60);
  await page.mouse.down();
  for (const [x, y] of [
    [215, 62],
    [170, 150],
    [125, 240],
  ])
    await page.mouse.move(pad.x + x, pad.y + y, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId('train-toggle').click();
  await page.waitForFunction(() => window.lenet.state().training.imagesPerSecond > 0, null, { timeout: 300_000 });
  const [training, training3d] = await framesPerSecond(page, seconds, wait);
  const trainingRate = await page.evaluate(() => window.lenet.state().training.imagesPerSecond);
  await page.getByTestId('train-toggle').click();
  await page.waitForFunction(() => window.lenet.state().training.status !== 'running', null, { timeout: 60_000 });
  return {
    idle,
    idle3d,
    drawing,
    drawing3d,
    hovering,
    hovering3d,
    training,
    training3d,
    trainingRate,
    latencyMedian: quantile(latencies, 0.5),
    latencyP95: quantile(latencies, 0.95),
    latencyCount: latencies.length,
  };
}
