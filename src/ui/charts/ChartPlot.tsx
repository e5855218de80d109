import type { KeyboardEvent, PointerEvent } from 'react';
import {
  axis,
  chartDomain,
  drawable,
  linePath,
  nearestIndex,
  pointAt,
  unionXs,
  type AxisScale,
  type ChartSeries,
} from './chartScale';

const WIDTH = 300;
const HEIGHT = 96;
/** The plot's box inside the SVG: room on the left for the y axis's values, below for the x axis's. */
const BOX = { left: 48, right: WIDTH - 6, top: 6, bottom: HEIGHT - 16 };

const NEXT: Record<string, (index: number, last: number) => number> = {
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowRight: (i, last) => Math.min(last, i + 1),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * Several lines on one plot, with a cursor at `cursor` (an x of the data; null: the last) that the pointer
 * moves and the arrow keys step (a slider over the x values, read out by `valueText`). The axes' ends are
 * labelled with `formatX` and `formatY`.
 */
export function ChartPlot({
  label,
  series,
  scale,
  cursor,
  onCursor,
  formatX,
  formatY,
  valueText,
  testId,
}: {
  label: string;
  series: readonly ChartSeries[];
  scale: AxisScale;
  cursor: number | null;
  onCursor: (x: number | null) => void;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  valueText: (x: number) => string;
  testId?: string;
}) {
  const domain = chartDomain(series, scale);
  const xs = unionXs(series);
  if (!domain || xs.length === 0) return null;
  const sx = axis(domain.x, [BOX.left, BOX.right]);
  const sy = axis(domain.y, [BOX.bottom, BOX.top], scale);
  const index = cursor === null ? xs.length - 1 : nearestIndex(xs, cursor);
  const at = xs[index];
  const pointer = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * WIDTH;
    const x = domain.x[0] + ((px - BOX.left) / (BOX.right - BOX.left || 1)) * (domain.x[1] - domain.x[0]);
    onCursor(xs[nearestIndex(xs, x)]);
  };
  const key = (e: KeyboardEvent<SVGSVGElement>) => {
    const next = NEXT[e.key];
    if (!next) return;
    e.preventDefault();
    onCursor(xs[next(index, xs.length - 1)]);
  };
  return (
    <svg
      className="chart-plot"
      data-testid={testId}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={xs.length - 1}
      aria-valuenow={index}
      aria-valuetext={valueText(at)}
      onPointerMove={pointer}
      onPointerDown={pointer}
      onPointerLeave={() => onCursor(null)}
      onKeyDown={key}
    >
      <rect x={BOX.left} y={BOX.top} width={BOX.right - BOX.left} height={BOX.bottom - BOX.top} className="plot-box" />
      <text x={BOX.left - 4} y={BOX.top + 8} textAnchor="end" className="axis-value">
        {formatY(domain.y[1])}
      </text>
      <text x={BOX.left - 4} y={BOX.bottom} textAnchor="end" className="axis-value">
        {formatY(domain.y[0])}
      </text>
      <text x={BOX.left} y={HEIGHT - 3} className="axis-value">
        {formatX(domain.x[0])}
      </text>
      <text x={BOX.right} y={HEIGHT - 3} textAnchor="end" className="axis-value">
        {formatX(domain.x[1])}
      </text>
      <line x1={sx(at)} x2={sx(at)} y1={BOX.top} y2={BOX.bottom} className="cursor-line" />
      {series.map((s) => {
        const points = drawable(s.points, scale);
        const here = pointAt(points, at);
        return (
          <g key={s.key} data-series={s.key}>
            {points.length > 1 && <path d={linePath(points, sx, sy)} fill="none" stroke={s.colour} strokeWidth={1.5} />}
            {points.length === 1 && <circle cx={sx(points[0][0])} cy={sy(points[0][1])} r={2.5} fill={s.colour} />}
            {here && <circle cx={sx(here[0])} cy={sy(here[1])} r={3.5} fill="none" stroke={s.colour} />}
          </g>
        );
      })}
    </svg>
  );
}
