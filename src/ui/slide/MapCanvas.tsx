import { useEffect, useRef } from 'react';
import type { Shade } from '../closeup/mapShades';

/** A square of cells drawn over a map: `size` cells from row `y`, column `x`. */
export interface MapBox {
  readonly y: number;
  readonly x: number;
  readonly size: number;
}

/**
 * One map (height x width values, row-major) drawn cell by cell on a canvas, `cell` CSS pixels a cell; `box`
 * outlines a window, `mark` one cell; cells from `built` on are left blank (the slide mode's map being built);
 * `dim` (one per cell, 1: shown as is) veils the cells it marks 0.
 */
export function MapCanvas({
  values,
  height,
  width,
  shade,
  cell,
  label,
  box,
  mark,
  built,
  dim,
  testId,
}: {
  values: ArrayLike<number>;
  height: number;
  width: number;
  shade: Shade;
  cell: number;
  label: string;
  box?: MapBox | null;
  mark?: MapBox | null;
  built?: number | null;
  dim?: ArrayLike<number> | null;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const blank = built !== null && built !== undefined && i >= built;
      const [r, g, b] = blank ? [0.1, 0.12, 0.16] : shade(values[i]);
      const veil = dim && !dim[i] ? 0.35 : 1;
      image.data.set([r * 255 * veil, g * 255 * veil, b * 255 * veil, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [values, height, width, shade, built, dim]);
  const outline = (b: MapBox, className: string) => (
    <span
      className={className}
      style={{
        left: `${(100 * b.x) / width}%`,
        top: `${(100 * b.y) / height}%`,
        width: `${(100 * b.size) / width}%`,
        height: `${(100 * b.size) / height}%`,
      }}
    />
  );
  return (
    <span className="map-canvas" style={{ width: width * cell, height: height * cell }}>
      <canvas ref={canvas} width={width} height={height} role="img" aria-label={label} data-testid={testId} />
      {box && outline(box, 'map-box')}
      {mark && outline(mark, 'map-mark')}
    </span>
  );
}
