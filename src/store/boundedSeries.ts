/**
 * A series of points that never grows past a cap: when full it keeps every second point and from then on
 * takes every second point offered (every fourth after the next halving, and so on), so it always spans the
 * whole run at an even density. The newest point offered is kept beside it, so a chart's end is always live.
 */

/** The points kept, the stride they were taken at, how many were offered, and the newest one offered. */
export interface BoundedSeries<T> {
  readonly points: readonly T[];
  /** Every `stride`-th point offered is kept. */
  readonly stride: number;
  readonly offered: number;
  readonly latest: T | null;
}

/** An empty series. */
export function emptySeries<T>(): BoundedSeries<T> {
  return { points: [], stride: 1, offered: 0, latest: null };
}

/** `series` with `point` offered to it, holding at most `cap` points (cap ≥ 2). */
export function appendBounded<T>(series: BoundedSeries<T>, point: T, cap: number): BoundedSeries<T> {
  const offered = series.offered + 1;
  if (series.offered % series.stride !== 0) return { ...series, offered, latest: point };
  const points = [...series.points, point];
  if (points.length <= cap) return { points, stride: series.stride, offered, latest: point };
  return {
    points: points.filter((_, i) => i % 2 === 0),
    stride: series.stride * 2,
    offered,
    latest: point,
  };
}

/** The points to draw: those kept, and the newest one offered if it was not kept. */
export function seriesPoints<T>(series: BoundedSeries<T>): readonly T[] {
  const { points, latest } = series;
  return latest === null || points[points.length - 1] === latest ? points : [...points, latest];
}
