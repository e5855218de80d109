/**
 * Maps a square of the 32x32 network input back onto the drawing pad, inverting the preprocessing
 * (crop to the ink box, scale to 20 px, shift the centre of mass to the middle, pad by 2).
 */
import type { PixelBox, PreprocessStages } from '../../engine/data/preprocessDrawing';
import type { InputSquare } from '../../viz/layout/fanIn';

function centreOfMass(pixels: Float32Array, width: number): [number, number] {
  let total = 0,
    sx = 0,
    sy = 0;
  pixels.forEach((v, i) => {
    total += v;
    sx += v * (i % width);
    sy += v * Math.floor(i / width);
  });
  return total > 0 ? [sx / total, sy / total] : [0, 0];
}

/** The pad rectangle (in pad pixels) that the input square covers, or null without a drawing. */
export function inputSquareOnPad(
  square: InputSquare | null,
  stages: PreprocessStages | null,
  inkBox: PixelBox | null,
  padSize: number,
): PixelBox | null {
  if (!stages || !inkBox) return null;
  if (!square) return { x: 0, y: 0, width: padSize, height: padSize };
  const scaled = stages.scaled;
  const [cx, cy] = centreOfMass(scaled.pixels, scaled.width);
  const scale = scaled.width / inkBox.width;
  const centre = (stages.centred.width - 1) / 2;
  const toPad = (x32: number, y32: number): [number, number] => [
    inkBox.x + (x32 - 2 - (centre - cx)) / scale,
    inkBox.y + (y32 - 2 - (centre - cy)) / scale,
  ];
  const [x0, y0] = toPad(square.x0, square.y0);
  const [x1, y1] = toPad(square.x1 + 1, square.y1 + 1);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
