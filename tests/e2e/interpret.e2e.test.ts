/**
 * The interpretation panels end to end in Chromium (the WebAssembly engine the page picks on a software
 * renderer): the heatmap laid over a mouse-drawn digit, what it draws checked pixel by pixel against
 * window.lenet.attribution, following the target, the contrast and every method (a screenshot of each); the
 * heatmap on the 3D view's input plane; a pinned c3 node's portrait from its tooltip (top digits as
 * window.lenet.topImages ranks them, a click loads one, the histogram and the feature image), the portraits of
 * c1, f6 and an output with the network's own 0 … 9 (screenshots); the address keeping the method, target,
 * contrast and the open portrait; axe-core with the panels open.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_METHODS } from '../../src/engine/interpret/attribute';
import { appForFile, ARTIFACTS, DIGITS, drawStrokes, seriousProblems, settledPrediction } from './appSession';

const session = appForFile();
const page = (): Page => session.app.page;

/** The heatmap canvas's RGBA bytes (32x32). */
const overlayPixels = () =>
  page().evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="attribution-map"]')!;
    return Array.from(canvas.getContext('2d')!.getImageData(0, 0, 32, 32).data);
  });

/** Waits until the heatmap shows something other than `before` (and anything at all). */
async function overlayChangedFrom(before: number[] | null): Promise<number[]> {
  let now: number[] = [];
  await expect
    .poll(
      async () => {
        now = await overlayPixels();
        const painted = now.some((v, i) => i % 4 === 3 && v > 0);
        return painted && (before === null || now.some((v, i) => v !== before[i]));
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return now;
}

/** Waits until no attribution is being computed. */
async function settledAttribution(): Promise<void> {
  await page().waitForTimeout(300);
  await expect
    .poll(
      () =>
        page()
          .getByText(/^computing…$/)
          .count(),
      { timeout: 30_000 },
    )
    .toBe(0);
}

/** Screenshot of the pad and the heatmap's panel. */
const shootPad = (name: string) =>
  page()
    .locator('section.reading')
    .screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** The mean colour of the 3x3 screen pixels at the centre of a node's tile in the 3D view. */
async function colourAt(node: { layer: string; c: number; y: number; x: number }): Promise<number[]> {
  const at = (await page().evaluate((n) => window.lenet.screenPosition(n), node))!;
  const png = await page().screenshot({ clip: { x: at.x - 1, y: at.y - 1, width: 3, height: 3 } });
  return page().evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const rgba = context.getImageData(0, 0, image.width, image.height).data;
    const mean = [0, 0, 0];
    for (let i = 0; i < rgba.length; i += 4) for (let k = 0; k < 3; k++) mean[k] += rgba[i + k] / (rgba.length / 4);
    return mean;
  }, png.toString('base64'));
}

/** Pins `node`, opens its portrait and waits for its top digits and feature image. */
async function openPortrait(node: { layer: string; c: number; y: number; x: number }): Promise<void> {
  await page().evaluate((n) => window.lenet.focus(n), node);
  if (!(await page().getByTestId('neuron-portrait').isVisible()))
    await page().getByTestId('portrait-from-tooltip').click();
  await page().getByTestId('neuron-portrait').waitFor();
  await expect.poll(() => page().getByTestId('neuron-top-image').count(), { timeout: 60_000 }).toBe(9);
  await page().getByTestId('feature-image').waitFor({ timeout: 60_000 });
}

describe('why this reading, and what a neuron responds to', () => {
  it('lays the heatmap of a mouse-drawn digit over the pad: the map window.lenet.attribution gives', async () => {
    await page().setViewportSize({ width: 1400, height: 1300 }); // room for the panels in the screenshots
    await page().getByTestId('view-guide-dismiss').click();
    await drawStrokes(page(), DIGITS.seven);
    const reading = (await settledPrediction(page()))!.label;
    await page().getByTestId('attribution-toggle').check();
    await page().getByTestId('attribution-method').waitFor();
    expect(await page().getByTestId('attribution-method').locator('option').count()).toBe(6);
    const pixels = await overlayChangedFrom(null);
    const api = await page().evaluate(() => window.lenet.attribution('gradient'));
    expect(api.target).toBe(reading);
    // Each pixel's opacity is 0.82 x sqrt(|value| / largest |value|), its hue red for a positive value, blue negative.
    const largest = Math.max(...api.map.map(Math.abs));
    api.map.forEach((v, i) => {
      expect(
        Math.abs(pixels[4 * i + 3] - Math.round(255 * 0.82 * Math.sqrt(Math.abs(v) / largest))),
      ).toBeLessThanOrEqual(1);
      if (Math.abs(v) > 0.2 * largest) expect(Math.sign(pixels[4 * i] - pixels[4 * i + 2])).toBe(Math.sign(v));
    });
    expect(await page().getByTestId('attribution-score').innerText()).toContain(`z_${reading}`);
    await shootPad('interpret-gradient-reading');
  });

  it('changes with the target and the contrast ("A rather than B")', async () => {
    const before = await overlayPixels();
    await page().getByTestId('attribution-target').selectOption('1');
    const one = await overlayChangedFrom(before);
    expect(await page().getByTestId('attribution-score').innerText()).toContain('z_1');
    await page().getByTestId('attribution-contrast').selectOption('7');
    await overlayChangedFrom(one);
    expect(await page().getByTestId('attribution-score').innerText()).toContain('z_1 − z_7');
    const api = await page().evaluate(() => window.lenet.attribution('gradient', { target: 1, contrast: 7 }));
    expect(api.target).toBe(1);
    await shootPad('interpret-gradient-1-rather-than-7');
    await page().getByTestId('attribution-contrast').selectOption('');
    await page().getByTestId('attribution-target').selectOption('');
  });

  it('follows the network shown: a teaching copy, then the checkpoint again', async () => {
    const before = await overlayPixels();
    await page().evaluate(() => window.lenet.teach(3, 3, 0.05));
    const taught = await overlayChangedFrom(before);
    const api = await page().evaluate(() => window.lenet.attribution('gradient'));
    const largest = Math.max(...api.map.map(Math.abs));
    api.map.forEach((v, i) =>
      expect(
        Math.abs(taught[4 * i + 3] - Math.round(255 * 0.82 * Math.sqrt(Math.abs(v) / largest))),
      ).toBeLessThanOrEqual(1),
    );
    await page().evaluate(() => window.lenet.undoTeach());
    await overlayChangedFrom(taught);
  });

  it('draws every method, and integrated gradients with its completeness check', async () => {
    for (const method of ATTRIBUTION_METHODS) {
      await page().getByTestId('attribution-method').selectOption(method);
      await settledAttribution();
      const pixels = await overlayPixels();
      expect(
        pixels.some((v, i) => i % 4 === 3 && v > 0),
        method,
      ).toBe(true);
      expect(await page().getByTestId('attribution-explain').innerText()).not.toBe('');
      await shootPad(`interpret-method-${method}`);
    }
    await page().getByTestId('attribution-method').selectOption('integrated');
    await settledAttribution();
    const check = await page().getByTestId('attribution-completeness').innerText();
    expect(check).toMatch(/Completeness: Σ map = .*z\(x\) − z\(0\) = .*gap/);
    await page().getByTestId('attribution-method').selectOption('gradcam');
    await page().getByTestId('attribution-layer').selectOption('s2');
    await settledAttribution();
    await shootPad('interpret-method-gradcam-s2');
  });

  it("shows the heatmap on the 3D view's input plane too", async () => {
    await page().getByTestId('attribution-method').selectOption('gradient');
    await settledAttribution();
    const { map } = await page().evaluate(() => window.lenet.attribution('gradient'));
    const strongest = (sign: number) => map.reduce((best, v, i) => (sign * v > sign * map[best] ? i : best), 0);
    const tile = (i: number) => ({ layer: 'input', c: 0, y: Math.floor(i / 32), x: i % 32 });
    const [up, down] = [strongest(1), strongest(-1)];
    await page().getByTestId('attribution-on-view').check();
    await page().waitForTimeout(500);
    // The input plane's tiles take the diverging ramp: red where the map raises z most, blue where it lowers it most.
    const raised = await colourAt(tile(up));
    const lowered = await colourAt(tile(down));
    expect(raised[0] - raised[2], `tile ${up}: ${raised}`).toBeGreaterThan(40);
    expect(lowered[2] - lowered[0], `tile ${down}: ${lowered}`).toBeGreaterThan(40);
    await page().screenshot({ path: join(ARTIFACTS, 'interpret-on-view.png') });
    await page().getByTestId('attribution-on-view').uncheck();
    await page().waitForTimeout(500);
    // Back to the pixels (never blue: the input is in [0, 1]).
    const pixel = await colourAt(tile(down));
    expect(pixel[2] - pixel[0], `tile ${down}: ${pixel}`).toBeLessThan(10);
  });

  it('a pinned c3 node lists its top digits; a click loads one; its histogram and feature image render', async () => {
    const node = { layer: 'c3', c: 5, y: 4, x: 4 };
    await openPortrait(node);
    const top = await page().evaluate((n) => window.lenet.topImages(n, 9), node);
    const shown = await page()
      .getByTestId('neuron-top-image')
      .evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.index)));
    expect(shown).toEqual(top.map((t) => t.index));
    expect(await page().getByTestId('neuron-histogram').locator('svg rect').count()).toBe(32);
    expect(await page().getByTestId('neuron-histogram').innerText()).toMatch(/this input: /);
    const feature = await page().evaluate((n) => window.lenet.featureImage(n), node);
    expect(feature.value).toBeGreaterThanOrEqual(top[0].value);
    await page()
      .getByTestId('neuron-portrait')
      .screenshot({ path: join(ARTIFACTS, 'interpret-portrait-c3.png') });
    await page().getByTestId('neuron-top-image').nth(2).click();
    await page().waitForFunction((index) => {
      const source = window.lenet.state().inputSource;
      return source.kind === 'test' && source.index === index;
    }, top[2].index);
    // Loaded, the digit gives the node the value the portrait ranked it by.
    await expect
      .poll(() => page().evaluate(() => window.lenet.activations('c3')[(5 * 10 + 4) * 10 + 4]))
      .toBeCloseTo(top[2].value, 4);
    await overlayChangedFrom(null); // the heatmap follows the loaded test digit
    await page().screenshot({ path: join(ARTIFACTS, 'interpret-portrait-c3-loaded.png') });
  });

  it('under the transform probe, draws the map of the moved input back where the digit lies on the pad', async () => {
    const before = await overlayPixels();
    await page().evaluate(() => window.lenet.probe({ dx: 3 }));
    const pixels = await overlayChangedFrom(before);
    const api = await page().evaluate(() => window.lenet.attribution('gradient'));
    const largest = Math.max(...api.map.map(Math.abs));
    // The network reads the digit 3 pixels to the right; the pad shows it where it was: map column x + 3 at x.
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 29; x++) {
        const v = api.map[y * 32 + x + 3];
        const alpha = Math.round(255 * 0.82 * Math.sqrt(Math.abs(v) / largest));
        expect(Math.abs(pixels[4 * (y * 32 + x) + 3] - alpha)).toBeLessThanOrEqual(1);
      }
    expect(await page().locator('.attribution-controls').innerText()).toContain('transform probe moves the input');
    await page().evaluate(() => window.lenet.probe(null));
  });

  it('draws the portraits of c1, f6 and an output, with the network’s own 0 … 9', async () => {
    for (const node of [
      { layer: 'c1', c: 2, y: 12, x: 12 },
      { layer: 'f6', c: 10, y: 0, x: 0 },
      { layer: 'output', c: 3, y: 0, x: 0 },
    ]) {
      await openPortrait(node);
      if (node.layer === 'output')
        await expect
          .poll(() => page().getByTestId('own-digits').locator('canvas').count(), { timeout: 60_000 })
          .toBe(10);
      await page()
        .getByTestId('neuron-portrait')
        .screenshot({ path: join(ARTIFACTS, `interpret-portrait-${node.layer}.png`) });
    }
  });

  it("shows the progress of another checkpoint's pass over the test images, then its portrait", async () => {
    const shares: number[] = [];
    await page().exposeFunction('reportShare', (share: number) => shares.push(share));
    await page().evaluate(() => {
      const progress = () => document.querySelector<HTMLProgressElement>('[data-testid="portrait-progress"] progress');
      const watch = () => {
        const bar = progress();
        if (bar) (window as unknown as { reportShare(v: number): void }).reportShare(bar.value);
        requestAnimationFrame(watch);
      };
      watch();
    });
    await page().evaluate(() => window.lenet.selectCheckpoint(1));
    await page().getByTestId('portrait-progress').waitFor({ timeout: 30_000 });
    await expect.poll(() => page().getByTestId('neuron-top-image').count(), { timeout: 60_000 }).toBe(9);
    expect(await page().getByTestId('neuron-portrait').innerText()).toContain('at epoch 1,');
    expect(shares.length).toBeGreaterThan(0);
    expect(Math.max(...shares)).toBeGreaterThan(0); // the pass reported its progress
    shares.forEach((share) => expect(share).toBeLessThanOrEqual(1));
    await page().evaluate(() => window.lenet.selectCheckpoint(window.lenet.state().checkpoints.at(-1)!.epoch));
  });

  it('keeps the method, target, contrast and the open portrait in the address, and restores them', async () => {
    await page().getByTestId('attribution-method').selectOption('occlusion');
    await page().getByTestId('attribution-target').selectOption('3');
    await page().getByTestId('attribution-contrast').selectOption('8');
    await expect
      .poll(() => page().evaluate(() => location.hash))
      .toMatch(/attribution=occlusion&target=3&contrast=8&portrait=1/);
    await page().reload();
    await page().evaluate(() => window.lenet.ready);
    expect(await page().getByTestId('attribution-toggle').isChecked()).toBe(true);
    expect(await page().getByTestId('attribution-method').inputValue()).toBe('occlusion');
    expect(await page().getByTestId('attribution-target').inputValue()).toBe('3');
    expect(await page().getByTestId('attribution-contrast').inputValue()).toBe('8');
    await page().getByTestId('neuron-portrait').waitFor();
    await expect.poll(() => page().getByTestId('neuron-top-image').count(), { timeout: 60_000 }).toBe(9);
  });

  it('has no serious or critical accessibility problem with both panels open', async () => {
    await settledAttribution();
    const problems = await seriousProblems(page(), false);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
