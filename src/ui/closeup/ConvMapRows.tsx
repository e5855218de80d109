import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConvolutionDetail } from '../../viz/closeup/convolutionDetail';
import { cssColour, type ConvolutionShades, type Shade } from './mapShades';

/** The sum sign before each map's sum: the same in every language. */
const SUM = 'Σ';

/** CSS pixels a cell of a row's grids, with 1 px between cells (closeup.css: --shade-cell). */
const CELL = 7;

/**
 * A grid of shades without numbers (a map's row; the selected map's numbers are written below the rows), drawn on a
 * canvas before the browser paints: six maps' 450 cells as elements made a focus change to c3 slower.
 */
function ShadeGrid({ values, columns, shade }: { values: readonly number[]; columns: number; shade: Shade }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rows = values.length / columns;
  const scale = Math.max(1, Math.round(globalThis.devicePixelRatio || 1));
  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, columns * (CELL + 1), rows * (CELL + 1));
    values.forEach((value, i) => {
      ctx.fillStyle = cssColour(shade(value));
      ctx.fillRect((i % columns) * (CELL + 1), Math.floor(i / columns) * (CELL + 1), CELL, CELL);
    });
  });
  const [width, height] = [columns * (CELL + 1) - 1, rows * (CELL + 1) - 1];
  return (
    <canvas
      ref={canvas}
      className="shade-grid"
      width={width * scale}
      height={height * scale}
      style={{ width, height }}
      aria-hidden="true"
    />
  );
}

/**
 * Every connected input map of a conv node at once, one row each: its window × the kernel = the 25 products as
 * small shaded grids (each kind on one scale over all the maps), and the sum of the products. Each row is a button
 * (`aria-pressed`) that picks the map whose numbers the grids below write out.
 */
export function ConvMapRows({
  detail,
  below,
  columns,
  shades,
  selected,
  onSelect,
  number,
}: {
  detail: ConvolutionDetail;
  below: string;
  columns: number;
  shades: ConvolutionShades;
  selected: number;
  onSelect: (k: number) => void;
  number: (v: number) => string;
}) {
  const { t } = useTranslation('closeup');
  return (
    <div className="conv-rows">
      <p className="muted closeup-note">{t('conv.rowsNote', { layer: below })}</p>
      <div className="conv-row conv-row-head" aria-hidden="true">
        <span>{t('conv.column.map')}</span>
        <span>{t('conv.column.window')}</span>
        <span />
        <span>{t('conv.column.kernel')}</span>
        <span />
        <span>{t('conv.column.products')}</span>
        <span className="conv-row-sum">{t('conv.column.sum')}</span>
      </div>
      <div className="conv-row-list" role="group" aria-label={t('conv.maps')}>
        {detail.maps.map((map, k) => (
          <button
            key={map}
            type="button"
            className="conv-row"
            aria-pressed={k === selected}
            aria-label={t('conv.mapButton', { map, sum: number(detail.sums[k]) })}
            onClick={() => onSelect(k)}
          >
            <span className="conv-row-map">{t('conv.rowMap', { map })}</span>
            <ShadeGrid values={detail.windows[k]} columns={columns} shade={shades.window} />
            <span className="op">×</span>
            <ShadeGrid values={detail.kernels[k]} columns={columns} shade={shades.kernel} />
            <span className="op">=</span>
            <ShadeGrid values={detail.products[k]} columns={columns} shade={shades.products} />
            <span className="conv-row-sum">{[SUM, number(detail.sums[k])].join(' ')}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
