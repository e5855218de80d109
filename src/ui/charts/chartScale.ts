/**
 * The arithmetic of the multi-line charts (ChartPlot.tsx): the domain of several series on a linear or a
 * logarithmic axis, pixel positions, SVG paths, and the point of a series nearest a position on the x axis; and
 * the colours their lines take.
 */

/** A point [x, y]. */
export type ChartPoint = readonly [number, number];

/** One line of a chart: its key, its colour and its points in increasing x. */
export interface ChartSeries {
  readonly key: string;
  readonly colour: string;
  readonly points: readonly ChartPoint[];
}

/** Line colours, one per series (a layer of the momentum charts, a run of the comparison), legible on a dark ground. */
export const SERIES_COLOURS = ['#ff9c38', '#4fc3f7', '#9ccc65', '#f06292', '#ffd54f', '#b39ddb', '#4db6ac', '#e57373'];

/** How the y axis maps values: evenly, or by their logarithm (values ≤ 0 are then left out). */
export type AxisScale = 'linear' | 'log';

/** The x and y ranges of a chart's data, [low, high] each. */
export interface ChartDomain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** The points a series can draw on `scale` (finite; positive on a log axis). */
export function drawable(points: readonly ChartPoint[], scale: AxisScale): ChartPoint[] {
  return points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (scale === 'linear' || y > 0));
}

/** The ranges of every drawable point of `series`, or null when there is none. */
export function chartDomain(series: readonly ChartSeries[], scale: AxisScale): ChartDomain | null {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const s of series)
    for (const [x, y] of drawable(s.points, scale)) {
      [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
    }
  return x0 === Infinity ? null : { x: [x0, x1], y: [y0, y1] };
}

/** A function from a value in `domain` to a pixel in `range` (a single-value domain maps to the middle). */
export function axis(
  domain: readonly [number, number],
  range: readonly [number, number],
  scale: AxisScale = 'linear',
): (value: number) => number {
  const f = scale === 'log' ? Math.log10 : (v: number) => v;
  const [d0, d1] = [f(domain[0]), f(domain[1])];
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((f(value) - d0) / (d1 - d0)) * (r1 - r0);
}

/** The SVG path through `points` placed by `sx` and `sy`. */
export function linePath(points: readonly ChartPoint[], sx: (x: number) => number, sy: (y: number) => number): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
}

/** Every x of every series, once each, in increasing order (the positions the arrow keys step through). */
export function unionXs(series: readonly ChartSeries[]): number[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
}

/** The index of the value of sorted `xs` nearest `x` (-1 for an empty list). */
export function nearestIndex(xs: readonly number[], x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0,
    hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi] - x) < Math.abs(xs[lo] - x) ? hi : lo;
}

/**
 * The point of `points` (increasing x) read at `x`: the last one at or before it (a checkpoint's accuracy holds
 * until the next), or null when `x` lies before the series or past `end` (by default its last point: a run that
 * stopped at epoch 2 has no value at epoch 5).
 */
export function pointAt(points: readonly ChartPoint[], x: number, end?: number): ChartPoint | null {
  if (points.length === 0 || x < points[0][0] || x > (end ?? points[points.length - 1][0])) return null;
  let lo = 0,
    hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid][0] <= x) lo = mid;
    else hi = mid - 1;
  }
  return points[lo];
}
