import { useEffect, useRef } from 'react';
import { boxPercent, type FieldBox } from './portraitGeometry';

/** Ink on paper, as the pad and the explorer draw a digit: 0 is paper, 1 is full ink. */
function paintPlane(context: CanvasRenderingContext2D, plane: ArrayLike<number>, side: number): void {
  const image = context.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const v = Math.max(0, Math.min(1, plane[i]));
    const shade = Math.round(247 - 230 * v);
    image.data.set([shade, shade, Math.round(shade * 0.97), 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}

/**
 * A square plane of input values (a 32x32 input, or a crop of it) drawn pixelated, with an optional box
 * outlined on it (a node's receptive field). Decorative: the element that holds it says what it shows.
 */
export function PlaneCanvas({
  plane,
  side,
  box = null,
  testId,
}: {
  plane: ArrayLike<number>;
  side: number;
  box?: FieldBox | null;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context) paintPlane(context, plane, side);
  }, [plane, side]);
  return (
    <span className="plane">
      <canvas ref={canvas} width={side} height={side} aria-hidden="true" data-testid={testId} />
      {box && <span className="plane-field" style={boxPercent(box)} />}
    </span>
  );
}
