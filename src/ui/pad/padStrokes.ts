/**
 * How the pad paints strokes, in one place for the live pad and for a replay (an address restored, a pad
 * mounted again): the same canvas operations in the same order give the same pixels, so a replayed drawing
 * is read exactly as it was drawn. Points are quantised to quarter pad pixels before they are painted.
 */
import { preprocessDrawing, type PreprocessedDrawing } from '../../engine/data/preprocessDrawing';
import { STROKE_COORDINATE_RANGE, type PadStroke } from '../../store/addressState';

/** Side of the pad in CSS pixels (and in canvas pixels: the network sees 32x32 anyway). */
export const PAD_SIZE = 280;
const PEN_WIDTH = 20;

/** A pad position (pad pixels) as integer quarter pixels, clamped to what an address can carry. */
export function quantisePoint(x: number, y: number): [number, number] {
  const [low, high] = STROKE_COORDINATE_RANGE;
  const quarter = (v: number) => Math.min(high, Math.max(low, Math.round(v * 4)));
  return [quarter(x), quarter(y)];
}

/** The pad's 2D context (read back often, so kept on the CPU). */
export function padContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  return canvas.getContext('2d', { willReadFrequently: true })!;
}

/** Paints one segment of a stroke (from = to: the dot a stroke starts with); points in quarter pixels. */
export function paintSegment(
  ctx: CanvasRenderingContext2D,
  from: readonly [number, number],
  to: readonly [number, number],
  eraser: boolean,
): void {
  ctx.globalCompositeOperation = eraser ? 'destination-out' : 'source-over';
  ctx.strokeStyle = '#111';
  ctx.lineWidth = eraser ? PEN_WIDTH * 1.6 : PEN_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(from[0] / 4, from[1] / 4);
  ctx.lineTo(to[0] / 4, to[1] / 4);
  ctx.stroke();
}

/** Clears the pad and paints `strokes` as they were drawn: each stroke's dot, then its segments. */
export function paintStrokes(ctx: CanvasRenderingContext2D, strokes: readonly PadStroke[]): void {
  ctx.clearRect(0, 0, PAD_SIZE, PAD_SIZE);
  for (const { eraser, points } of strokes) {
    for (let i = 0; i < points.length; i += 2) {
      const from: [number, number] = i === 0 ? [points[0], points[1]] : [points[i - 2], points[i - 1]];
      paintSegment(ctx, from, [points[i], points[i + 1]], eraser);
    }
  }
}

/** The drawing on a pad canvas, preprocessed into the network's input. */
export function readPad(ctx: CanvasRenderingContext2D): PreprocessedDrawing {
  const { data } = ctx.getImageData(0, 0, PAD_SIZE, PAD_SIZE);
  const ink = new Float32Array(PAD_SIZE * PAD_SIZE);
  for (let i = 0; i < ink.length; i++) ink[i] = data[i * 4 + 3] / 255;
  return preprocessDrawing({ width: PAD_SIZE, height: PAD_SIZE, ink });
}

/** Paints `strokes` on a pad-sized canvas of its own and reads them, as the pad would. */
export function readStrokes(strokes: readonly PadStroke[]): PreprocessedDrawing {
  const canvas = document.createElement('canvas');
  canvas.width = PAD_SIZE;
  canvas.height = PAD_SIZE;
  const ctx = padContext(canvas);
  paintStrokes(ctx, strokes);
  return readPad(ctx);
}
