/**
 * The transform probe and the close-up's data end to end: a mouse-drawn digit shifted by 1-2 pixels after
 * preprocessing still reads the same, and the view, the reading and the backward view read the shifted
 * input; the invariance sweeps, convolutionDetail and strideDemo answer through window.lenet and agree
 * with the activations the view shows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, DIGITS, appForFile, drawStrokes, settledPrediction } from './appSession';

const session = appForFile();

/** A plain whole-pixel shift with zero fill (the contract: an exact copy). */
function shifted(input: number[], dx: number, dy: number): number[] {
  return input.map((_, i) => {
    const x = (i % 32) - dx,
      y = Math.floor(i / 32) - dy;
    return x >= 0 && x < 32 && y >= 0 && y < 32 ? input[y * 32 + x] : 0;
  });
}

describe('the transform probe', () => {
  it.each([
    ['seven', 7],
    ['one', 1],
  ] as const)('a mouse-drawn %s shifted by 1-2 pixels reads the same, everywhere', async (name, digit) => {
    const { page } = session.app;
    await page.getByTestId('clear-pad').click();
    await drawStrokes(page, DIGITS[name]);
    expect((await settledPrediction(page))?.label).toBe(digit);
    const base = await page.evaluate(() => window.lenet.input());
    for (const [dx, dy] of [
      [1, 0],
      [0, -2],
      [-2, 1],
      [2, 2],
      [-1, -1],
    ]) {
      await page.evaluate((t) => window.lenet.probe(t), { dx, dy, rotate: 0, scale: 1 });
      const state = await page.evaluate(() => window.lenet.state());
      expect(state.probe).toEqual({ dx, dy, rotate: 0, scale: 1 });
      expect(state.prediction?.label, `shift (${dx}, ${dy})`).toBe(digit);
      const input = await page.evaluate(() => window.lenet.input());
      expect(input).toEqual(shifted(base, dx, dy));
      expect(await page.evaluate(() => window.lenet.activations('input'))).toEqual(input);
    }
    await page.screenshot({ path: join(ARTIFACTS, `probe-${name}-shifted.png`) });
    // The backward view reads the shifted input too.
    await page.evaluate(() => window.lenet.backward(7));
    expect(await page.evaluate(() => window.lenet.activations('input'))).toEqual(shifted(base, -1, -1));
    expect(await page.evaluate(() => window.lenet.deltas('input').out?.length)).toBe(1024);
    await page.evaluate(() => window.lenet.probe(null));
    await page.getByTestId('backprop-toggle').uncheck();
    await expect.poll(() => page.evaluate(() => window.lenet.state().view)).toBe('forward');
    expect(await page.evaluate(() => window.lenet.input())).toEqual(base);
    expect(await page.evaluate(() => window.lenet.state().probe)).toBeNull();
  });

  it('answers the invariance sweeps of the untransformed input', async () => {
    const { page } = session.app;
    await page.evaluate(() => window.lenet.probe({ dx: 3, dy: 0, rotate: 20, scale: 1.1 }));
    const shift = await page.evaluate(() => window.lenet.invarianceSweep('shift'));
    expect(shift.values).toEqual({
      dx: Array.from({ length: 17 }, (_, i) => i - 8),
      dy: Array.from({ length: 17 }, (_, i) => i - 8),
    });
    expect(shift.probabilities).toHaveLength(289);
    for (const row of shift.probabilities) {
      expect(row).toHaveLength(10);
      expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
    }
    const rotate = await page.evaluate(() => window.lenet.invarianceSweep('rotate'));
    const scale = await page.evaluate(() => window.lenet.invarianceSweep('scale'));
    expect(rotate.values).toEqual(Array.from({ length: 25 }, (_, i) => -60 + 5 * i));
    expect(rotate.probabilities).toHaveLength(25);
    expect(scale.values).toHaveLength(21);
    expect(scale.probabilities).toHaveLength(21);
    // Unshifted, unturned, unscaled: the reading of the untransformed input.
    await page.evaluate(() => window.lenet.probe(null));
    const reading = (await page.evaluate(() => window.lenet.state().prediction))!;
    for (const row of [shift.probabilities[8 * 17 + 8], rotate.probabilities[12], scale.probabilities[10]])
      row.forEach((p, k) => expect(Math.abs(p - reading.probabilities[k])).toBeLessThan(1e-5));
    // Small shifts read the same digit (the drawn one).
    for (const [dx, dy] of [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ]) {
      const row = shift.probabilities[(dy + 8) * 17 + dx + 8];
      expect(row.indexOf(Math.max(...row))).toBe(reading.label);
    }
    await expect(page.evaluate(() => window.lenet.invarianceSweep('skew' as never))).rejects.toThrow(/a sweep is/);
  });

  it("gives a conv node's arithmetic and stride/padding maps that match the view", async () => {
    const { page } = session.app;
    await page.evaluate(() => window.lenet.probe({ dx: 1, dy: -1, rotate: 0, scale: 1 }));
    for (const node of [
      { layer: 'c1', c: 2, y: 12, x: 9 },
      { layer: 'c3', c: 7, y: 4, x: 5 },
    ]) {
      const detail = await page.evaluate((n) => window.lenet.convolutionDetail(n), node);
      const [C, H, W] = node.layer === 'c1' ? [6, 28, 28] : [16, 10, 10];
      expect(C).toBeGreaterThan(node.c);
      const shown = await page.evaluate((id) => window.lenet.activations(id), node.layer);
      expect(Math.abs(detail.value - shown[(node.c * H + node.y) * W + node.x])).toBeLessThan(1e-5);
      expect(detail.maps).toEqual(node.layer === 'c1' ? [0] : [0, 1, 2, 3, 4, 5]);
      expect(detail.windows.every((w) => w.length === 25)).toBe(true);
      expect(Math.abs(detail.sums.reduce((a, b) => a + b, detail.bias) - detail.z)).toBeLessThan(1e-9);
    }
    const c1 = await page.evaluate(() => window.lenet.activations('c1'));
    const own = await page.evaluate(() => window.lenet.strideDemo({ c: 4, stride: 1, padding: 0 }));
    expect(own.shape).toEqual([28, 28]);
    own.map.forEach((v, i) => expect(Math.abs(v - c1[4 * 784 + i])).toBeLessThan(1e-5));
    const strided = await page.evaluate(() => window.lenet.strideDemo({ c: 4, stride: 3, padding: 2 }));
    expect(strided.shape).toEqual([11, 11]);
    expect(strided.map).toHaveLength(121);
    await page.evaluate(() => window.lenet.probe(null));
    expect(session.errors).toEqual([]);
  });
});
