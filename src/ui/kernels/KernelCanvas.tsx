import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';

/** A tiny image drawn pixel for pixel, to be scaled up by CSS (`image-rendering: pixelated`). */
export interface KernelCanvasProps {
  /** RGBA bytes, width x height pixels. */
  readonly pixels: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  /** The accessible name (also the hover title). */
  readonly label: string;
  readonly testId?: string;
  readonly className?: string;
  /** Called with the click position as fractions of the image's width and height (Enter: its centre). */
  readonly onPick?: (fx: number, fy: number) => void;
}

/** A kernel image (or a strip of cells) on a small canvas; clickable when `onPick` is given. */
export function KernelCanvas({
  pixels,
  width,
  height,
  label,
  testId,
  className = 'kernel-canvas',
  onPick,
}: KernelCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    image.data.set(pixels);
    ctx.putImageData(image, 0, 0);
  }, [pixels, width, height]);
  const click = (event: MouseEvent<HTMLCanvasElement>) => {
    const target = event.currentTarget;
    onPick?.(
      event.nativeEvent.offsetX / Math.max(1, target.clientWidth),
      event.nativeEvent.offsetY / Math.max(1, target.clientHeight),
    );
  };
  const key = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onPick?.(0.5, 0.5);
  };
  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      className={className}
      data-testid={testId}
      aria-label={label}
      title={label}
      role={onPick ? 'button' : 'img'}
      tabIndex={onPick ? 0 : undefined}
      onClick={onPick ? click : undefined}
      onKeyDown={onPick ? key : undefined}
    />
  );
}
