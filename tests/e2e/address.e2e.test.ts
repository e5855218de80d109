/**
 * The app's state in the address, end to end in Chromium: a drawing, checkpoint, focus, trace and colour modes,
 * camera preset and backward label set in one page are restored exactly by a fresh browser context opening
 * window.lenet.shareUrl() (same input, same probabilities, same pad pixels); a test digit travels as its index;
 * drawing never adds history entries; the share button copies the link (or shows it where there is no clipboard);
 * a malformed address opens normally with a note; a finger on the pad never scrolls the page.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { appForFile, ARTIFACTS, DIGITS, drawStrokes, settledPrediction } from './appSession';

const session = appForFile();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** A page in a new browser context (no storage shared with the first page), at `url`, once window.lenet.ready resolved. */
async function freshPage(
  url: string,
  options: Parameters<typeof session.app.browser.newContext>[0] = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await session.app.browser.newContext({ viewport: { width: 1400, height: 860 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
  await page.evaluate(() => window.lenet.ready);
  return { page, errors };
}

/** What a reading is compared by: the state the address carries, the input, the probabilities, the pad's pixels. */
async function reading(page: Page) {
  const state = await page.evaluate(() => window.lenet.state());
  return {
    run: state.run,
    checkpoint: state.checkpoint,
    focus: state.focus,
    traceMode: state.traceMode,
    colourMode: state.colourMode,
    cameraPreset: state.cameraPreset,
    view: state.view,
    trueLabel: state.trueLabel,
    backward: state.backward,
    inputSource: state.inputSource,
    prediction: state.prediction,
    input: await page.evaluate(() => window.lenet.input()),
    pad: await page.getByTestId('digit-pad').evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL()),
  };
}

describe('the app state in the address', () => {
  let shared = '';

  it('follows the drawing and the view with replaceState: drawing adds no history entry', async () => {
    const { page } = session.app;
    expect(await page.getByTestId('pad-hint').isVisible()).toBe(true);
    const entries = await page.evaluate(() => history.length);
    await drawStrokes(page, DIGITS.seven);
    expect(await page.getByTestId('pad-hint').count()).toBe(0);
    expect((await settledPrediction(page))?.label).toBe(7);
    await drawStrokes(page, [
      [
        [150, 150],
        [190, 152],
      ],
    ]); // a second stroke: the cross bar
    await settledPrediction(page);
    await page.waitForFunction(() => location.hash.includes('draw='), null, { timeout: 5000 });
    const epoch = (await page.evaluate(() => window.lenet.state().checkpoints))[6].epoch;
    await page.evaluate((e) => window.lenet.selectCheckpoint(e), epoch);
    await page.evaluate(() => {
      window.lenet.focus({ layer: 'c3', c: 4, y: 5, x: 6 });
      window.lenet.setTraceMode('full');
    });
    await page.getByTestId('colour-mode').selectOption('perDrawing');
    await page.getByTestId('camera-preset').selectOption('s4');
    await page.evaluate(() => window.lenet.backward(3));
    await settledPrediction(page);
    shared = await page.evaluate(() => window.lenet.shareUrl());
    await page.waitForFunction((url) => location.href === url, shared, { timeout: 5000 });
    expect(await page.evaluate(() => history.length)).toBe(entries);
    const url = new URL(shared);
    expect(url.hash).toMatch(
      new RegExp(
        `^#v=1&run=lenet5-default&epoch=${epoch}&draw=[\\w-]+&focus=c3\\.4\\.5\\.6&trace=full&colour=perDrawing&camera=s4&backward=3&lang=en$`,
      ),
    );
    expect(url.search).toBe('');
  });

  it('a fresh browser opening the shared address shows the same reading exactly', async () => {
    const before = await reading(session.app.page);
    expect(before.prediction).not.toBeNull();
    const { page, errors } = await freshPage(shared);
    const after = await reading(page);
    expect(after.checkpoint).toBe(before.checkpoint);
    expect(after.input).toEqual(before.input);
    expect(after.prediction).toEqual(before.prediction); // the same numbers, bit for bit: the strokes are replayed, not approximated
    expect(after.pad).toBe(before.pad);
    expect(after).toEqual(before);
    expect(after.backward?.label).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, 'address-restored.png') });
    expect(await page.getByTestId('address-note').count()).toBe(0);
    expect(await page.getByTestId('pad-hint').count()).toBe(0);
    expect(errors).toEqual([]);

    // A test digit travels as its index; pasting another address into the same tab applies it (hashchange).
    await session.app.page.evaluate(() => window.lenet.loadTestDigit(17));
    await settledPrediction(session.app.page);
    const withDigit = await session.app.page.evaluate(() => window.lenet.shareUrl());
    expect(new URL(withDigit).hash).toMatch(/&test=17&/);
    await page.goto(withDigit);
    await page.waitForFunction(
      () => {
        const s = window.lenet.state().inputSource;
        return s.kind === 'test' && s.index === 17;
      },
      null,
      { timeout: 30_000 },
    );
    await settledPrediction(page);
    const digit = await reading(page),
      expected = await reading(session.app.page);
    expect({ ...digit, pad: null }).toEqual({ ...expected, pad: null });
    expect(errors).toEqual([]);
  });

  it('a drawing too long to carry as strokes travels as its input, bit for bit', async () => {
    const { page } = session.app;
    await page.getByTestId('clear-pad').click();
    const pad = (await page.getByTestId('digit-pad').boundingBox())!;
    await page.mouse.move(pad.x + 140, pad.y + 140);
    await page.mouse.down();
    // 3,000 jumps all over the pad in one stroke (dispatched in the page: the real mouse gets one move a frame).
    await page.getByTestId('digit-pad').evaluate((canvas) => {
      const rect = canvas.getBoundingClientRect();
      let seed = 7;
      const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      for (let k = 0; k < 3000; k++) {
        canvas.dispatchEvent(
          new PointerEvent('pointermove', {
            pointerId: 1,
            pointerType: 'mouse',
            isPrimary: true,
            bubbles: true,
            clientX: rect.left + 70 + 140 * next(),
            clientY: rect.top + 40 + 200 * next(),
          }),
        );
      }
    });
    await page.mouse.up();
    await settledPrediction(page);
    const url = await page.evaluate(() => window.lenet.shareUrl());
    expect(new URL(url).hash).toMatch(/&input=[\w-]+&/);
    expect(url).not.toContain('draw=');
    const before = await reading(page);
    const opened = await freshPage(url);
    const after = await reading(opened.page);
    expect(after.inputSource).toEqual({ kind: 'address' });
    expect(await opened.page.getByTestId('address-input').isVisible()).toBe(true);
    expect({ ...after, pad: null, inputSource: null }).toEqual({ ...before, pad: null, inputSource: null });
    expect(await opened.page.evaluate(() => window.lenet.shareUrl())).toBe(url); // carried on as it came
    expect(opened.errors).toEqual([]);
  });

  it('the share button copies the address, or shows it selected where there is no clipboard', async () => {
    const { page } = await freshPage(shared, { permissions: ['clipboard-read', 'clipboard-write'] });
    const url = await page.evaluate(() => window.lenet.shareUrl());
    expect(url).toBe(shared);
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect.poll(() => page.getByTestId('share-status').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await page.getByTestId('share-link').click();
    const field = page.getByTestId('share-url');
    expect(await field.inputValue()).toBe(url);
    expect(
      await field.evaluate((input: HTMLInputElement) => [input.readOnly, input.selectionStart, input.selectionEnd]),
    ).toEqual([true, 0, url.length]);
  });

  it('a malformed address opens the app normally, applies what it can and says what it ignored', async () => {
    const bad = `${session.app.url}#v=1&run=lenet5-future&epoch=abc&draw=!!not-strokes&focus=c3.99.0.0&trace=full&camera=c9&zoom=2`;
    const { page, errors } = await freshPage(bad);
    const note = page.getByTestId('address-note');
    expect(await note.getAttribute('role')).toBeNull(); // the live region is its parent, present before the note
    expect(await page.getByRole('status').filter({ has: note }).count()).toBe(1);
    const text = (await note.textContent())!;
    await page.screenshot({ path: join(ARTIFACTS, 'address-note.png') });
    for (const part of ['the run', 'the checkpoint', 'the drawing', 'the focus', 'the camera', '"zoom"'])
      expect(text).toContain(part);
    const state = await page.evaluate(() => window.lenet.state());
    expect(state).toMatchObject({
      run: 'lenet5-default',
      traceMode: 'full',
      focus: null,
      cameraPreset: 'overview',
      prediction: null,
    });
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.waitForFunction(
      () => location.hash === '#v=1&run=lenet5-default&epoch=30&trace=full&colour=fixed&camera=overview&lang=en',
      null,
      { timeout: 5000 },
    );
    await page.getByRole('button', { name: 'Dismiss the note about the address' }).click();
    expect(await note.count()).toBe(0);

    await page.goto(`${session.app.url}#v=0&run=lenet5-classic`); // an older format: ignored as a whole
    await expect.poll(() => page.getByTestId('address-note').textContent()).toContain('another version');
    expect((await page.evaluate(() => window.lenet.state())).run).toBe('lenet5-default');
    expect(errors).toEqual([]);
  });

  it('a finger drawing on the pad neither scrolls nor zooms the page', async () => {
    const { page } = await freshPage(session.app.url, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    await page.evaluate(() => {
      document.body.style.minHeight = '6000px';
    });
    const pad = page.getByTestId('digit-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const before = await page.evaluate(() => ({ y: window.scrollY, zoom: window.visualViewport!.scale }));
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const x = box.x + box.width / 2;
    await touch('touchStart', x, box.y + box.height - 20);
    for (let k = 1; k <= 12; k++) await touch('touchMove', x, box.y + box.height - 20 - k * 20);
    await touch('touchEnd', 0, 0);
    for (let k = 0; k < 2; k++) {
      await touch('touchStart', x + 30, box.y + 60);
      await touch('touchEnd', 0, 0);
    } // a double tap
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => ({ y: window.scrollY, zoom: window.visualViewport!.scale }))).toEqual(before);
    expect(await page.evaluate(() => window.lenet.state().prediction)).not.toBeNull(); // the finger drew
  });
});
