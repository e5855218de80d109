/**
 * The visualizer end to end in Chromium: draw with the mouse, read the prediction, hover real nodes
 * and check where their input comes from, trace a receptive field to the input. Screenshots of the
 * view are kept in test-results/e2e.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { ARTIFACTS, DIGITS, drawStrokes, openApp, settledPrediction, type AppSession } from './appSession';

let app: AppSession;
// The WebGL2 engine explicitly: on a software renderer the app would otherwise pick the CPU engine.
beforeAll(async () => {
  app = await openApp('?backend=webgl2');
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const clear = async () => {
  await app.page.getByTestId('clear-pad').click();
  await settledPrediction(app.page);
};
const hover = async (node: { layer: string; c: number; y: number; x: number }) => {
  const position = await app.page.evaluate((n) => window.lenet.screenPosition(n), node);
  expect(position, `${JSON.stringify(node)} is on screen`).not.toBeNull();
  await app.page.mouse.move(position!.x, position!.y);
  await app.page.waitForFunction((n) => JSON.stringify(window.lenet.state().focus) === JSON.stringify(n), node, {
    timeout: 5000,
  });
};
const key = (n: { layer: string; c: number; y: number; x: number }) => `${n.layer}:${n.c}:${n.y}:${n.x}`;

describe('drawing and reading', () => {
  it('starts on the shipped run with an empty pad and no guess', async () => {
    const state = await app.page.evaluate(() => window.lenet.state());
    expect(state.run).toBe('lenet5-default');
    expect(state.prediction).toBeNull();
    expect(state.backend).toBe('webgl2');
    await expect.poll(() => app.page.getByTestId('prediction').textContent()).toContain('draw a digit');
  });

  it.each([
    ['one', 1],
    ['seven', 7],
    ['zero', 0],
  ] as const)('reads a mouse-drawn %s', async (name, digit) => {
    await clear();
    await drawStrokes(app.page, DIGITS[name]);
    const prediction = await settledPrediction(app.page);
    expect(prediction?.label).toBe(digit);
    expect(await app.page.getByTestId('prediction').textContent()).toContain(String(digit));
    await app.page.screenshot({ path: join(ARTIFACTS, `digit-${name}.png`) });
  });

  it('reads a small, off-centre digit as well', async () => {
    await clear();
    const small = DIGITS.seven.map((stroke) =>
      stroke.map(([x, y]): [number, number] => [20 + x * 0.35, 150 + y * 0.35]),
    );
    await drawStrokes(app.page, small);
    expect((await settledPrediction(app.page))?.label).toBe(7);
    const input = await app.page.evaluate(() => window.lenet.input());
    let mass = 0,
      cx = 0,
      cy = 0;
    input.forEach((v, i) => {
      mass += v;
      cx += v * (i % 32);
      cy += v * Math.floor(i / 32);
    });
    expect(Math.abs(cx / mass - 15.5)).toBeLessThan(1);
    expect(Math.abs(cy / mass - 15.5)).toBeLessThan(1);
  });

  it('updates the activations while the stroke grows, before the pen lifts', async () => {
    await clear();
    const pad = (await app.page.getByTestId('digit-pad').boundingBox())!;
    await app.page.mouse.move(pad.x + 140, pad.y + 50);
    await app.page.mouse.down();
    await app.page.mouse.move(pad.x + 139, pad.y + 110, { steps: 5 });
    await settledPrediction(app.page);
    const early = await app.page.evaluate(() => window.lenet.activations('c1'));
    await app.page.mouse.move(pad.x + 138, pad.y + 200, { steps: 5 });
    await settledPrediction(app.page);
    const later = await app.page.evaluate(() => window.lenet.activations('c1'));
    await app.page.mouse.up();
    expect(early.some((v) => v > 0)).toBe(true);
    expect(later.filter((v, i) => Math.abs(v - early[i]) > 1e-3).length).toBeGreaterThan(50);
  });

  it('shows no prediction again after clearing', async () => {
    await drawStrokes(app.page, DIGITS.one);
    await settledPrediction(app.page);
    await clear();
    expect(await app.page.evaluate(() => window.lenet.state().prediction)).toBeNull();
  });
});

describe('hovering nodes', () => {
  beforeAll(async () => {
    await clear();
    await drawStrokes(app.page, DIGITS.seven);
    await settledPrediction(app.page);
    await app.page.evaluate(() => window.lenet.setTraceMode('direct'));
  });

  it('a c3 node shows its 5x5 window in every connected s2 map', async () => {
    const node = { layer: 'c3', c: 5, y: 4, x: 3 };
    await hover(node);
    const highlighted = await app.page.evaluate(() => window.lenet.highlighted());
    const expected = [];
    for (let c = 0; c < 6; c++)
      for (let y = 4; y < 9; y++) for (let x = 3; x < 8; x++) expected.push(`s2:${c}:${y}:${x}`);
    expect(highlighted.map(key).sort()).toEqual(expected.sort());
    await app.page.screenshot({ path: join(ARTIFACTS, 'hover-conv.png') });
  });

  it('a pooling cell shows its 2x2 source window with the winning cell marked', async () => {
    const node = { layer: 's2', c: 1, y: 3, x: 7 };
    await hover(node);
    const highlighted = await app.page.evaluate(() => window.lenet.highlighted());
    expect(highlighted.map(key).sort()).toEqual(['c1:1:6:14', 'c1:1:6:15', 'c1:1:7:14', 'c1:1:7:15']);
    const c1 = await app.page.evaluate(() => window.lenet.activations('c1'));
    const values = highlighted.map((n) => c1[n.c * 784 + n.y * 28 + n.x]);
    const winners = highlighted.filter((n) => n.winner);
    expect(winners).toHaveLength(1);
    expect(c1[winners[0].c * 784 + winners[0].y * 28 + winners[0].x]).toBe(Math.max(...values));
    const s2 = await app.page.evaluate(() => window.lenet.activations('s2'));
    expect(s2[1 * 196 + 3 * 14 + 7]).toBe(Math.max(...values));
    const shown = await app.page.getByTestId('pool-window').locator('span').allTextContents();
    expect(shown.map(Number)).toEqual(
      ['c1:1:6:14', 'c1:1:6:15', 'c1:1:7:14', 'c1:1:7:15'].map((k) => {
        const [, c, y, x] = k.split(':').map(Number);
        return Number(c1[c * 784 + y * 28 + x].toFixed(3));
      }),
    );
    expect(await app.page.getByTestId('pool-window').locator('span.winner').count()).toBe(1);
    await app.page.screenshot({ path: join(ARTIFACTS, 'hover-pool.png') });
  });

  it('a dense node shows all of its inputs', async () => {
    await hover({ layer: 'f6', c: 40, y: 0, x: 0 });
    const highlighted = await app.page.evaluate(() => window.lenet.highlighted());
    expect(highlighted).toHaveLength(120);
    expect(new Set(highlighted.map((n) => n.layer))).toEqual(new Set(['c5']));
    expect(await app.page.getByTestId('node-tooltip').textContent()).toMatch(/f6.*unit 40.*value/s);
  });

  it('trace mode on an s4 cell covers exactly its 16x16 square of the input, also outlined on the pad', async () => {
    await app.page.getByTestId('trace-mode').check();
    const node = { layer: 's4', c: 2, y: 1, x: 3 };
    await hover(node);
    const highlighted = await app.page.evaluate(() => window.lenet.highlighted());
    const input = highlighted.filter((n) => n.layer === 'input');
    const expected = [];
    for (let y = 4; y < 20; y++) for (let x = 12; x < 28; x++) expected.push(`input:0:${y}:${x}`);
    expect(input.map(key).sort()).toEqual(expected.sort());
    expect(new Set(highlighted.map((n) => n.layer))).toEqual(new Set(['c3', 's2', 'c1', 'input']));
    await expect.poll(() => app.page.getByTestId('pad-trace').isVisible()).toBe(true);
    await app.page.screenshot({ path: join(ARTIFACTS, 'trace-s4.png') });
    await app.page.getByTestId('trace-mode').uncheck();
  });

  it('click pins the focus and Escape clears it', async () => {
    const node = { layer: 'c1', c: 2, y: 10, x: 10 };
    const position = await app.page.evaluate((n) => window.lenet.screenPosition(n), node);
    await app.page.mouse.click(position!.x, position!.y);
    await app.page.mouse.move(10, 10);
    expect(await app.page.evaluate(() => window.lenet.state().focus)).toEqual(node);
    await app.page.keyboard.press('Escape');
    expect(await app.page.evaluate(() => window.lenet.state().focus)).toBeNull();
  });
});

describe('the epoch timeline of the shipped run', () => {
  it('steps back through checkpoints with the arrow keys (the timeline focused) and re-reads the drawing at each', async () => {
    await app.page.keyboard.press('Escape');
    await clear();
    await drawStrokes(app.page, DIGITS.seven);
    await settledPrediction(app.page);
    const last = await app.page.evaluate(() => window.lenet.activations('c1'));
    await app.page.mouse.move(5, 5);
    await app.page.getByTestId('timeline-track').focus();
    await app.page.keyboard.press('ArrowLeft');
    await app.page.waitForFunction(() => window.lenet.state().checkpoint === 28); // the shipped run keeps every other epoch
    await settledPrediction(app.page);
    const before = await app.page.evaluate(() => window.lenet.activations('c1'));
    expect(before.some((v, i) => Math.abs(v - last[i]) > 1e-4)).toBe(true);
    await app.page.evaluate(() => window.lenet.selectCheckpoint(0));
    const untrained = await settledPrediction(app.page);
    expect(Math.max(...untrained!.probabilities)).toBeLessThan(0.5);
    await app.page.getByTestId('epoch-timeline').screenshot({ path: join(ARTIFACTS, 'timeline.png') });
    await app.page.evaluate(() => window.lenet.selectCheckpoint(0.0625));
    await app.page.getByTestId('colour-mode').selectOption('difference');
    await settledPrediction(app.page);
    await app.page.screenshot({ path: join(ARTIFACTS, 'difference-mode.png') });
    await app.page.getByTestId('colour-mode').selectOption('fixed');
    await app.page.evaluate(() => window.lenet.selectCheckpoint(30));
    expect((await settledPrediction(app.page))?.label).toBe(7);
  });
});
