/** Drawing on the pad with one finger through real touch events (Chrome DevTools Protocol), as a phone would. */
import type { Page } from 'playwright-core';

/** The pad's own size in pixels: strokes are given in these, and scaled to the pad as it is shown. */
const PAD_PIXELS = 280;

/** Draws `strokes` (pad pixels, 0..280) with one finger on the pad wherever it is shown, at whatever size. */
export async function drawWithFinger(page: Page, strokes: [number, number][][]): Promise<void> {
  const pad = (await page.getByTestId('digit-pad').boundingBox())!;
  const scale = pad.width / PAD_PIXELS;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number, y?: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: x === undefined ? [] : [{ x: pad.x + x * scale, y: pad.y + y! * scale }],
    });
  for (const stroke of strokes) {
    await touch('touchStart', ...stroke[0]);
    for (let i = 1; i < stroke.length; i++) {
      const [x0, y0] = stroke[i - 1],
        [x1, y1] = stroke[i];
      for (let s = 1; s <= 6; s++) await touch('touchMove', x0 + ((x1 - x0) * s) / 6, y0 + ((y1 - y0) * s) / 6);
    }
    await touch('touchEnd');
  }
  await cdp.detach();
}
