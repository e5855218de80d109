/** The charts' scales and read-outs: domains on linear and log axes, ticks, paths, the point nearest the cursor. */
import { describe, expect, it } from 'vitest';
import { axis, chartDomain, linePath, nearestIndex, pointAt, unionXs } from '../../../src/ui/charts/chartScale';

describe('chart scales', () => {
  it('span every drawable point; a log axis leaves out values ≤ 0 and spaces decades evenly', () => {
    const series = [
      {
        key: 'a',
        colour: '#fff',
        points: [
          [0, 1e-3],
          [5, 0],
          [10, 1],
        ] as const,
      },
      {
        key: 'b',
        colour: '#fff',
        points: [
          [2, 0.1],
          [12, NaN],
        ] as const,
      },
    ];
    expect(chartDomain(series, 'linear')).toEqual({ x: [0, 10], y: [0, 1] });
    expect(chartDomain(series, 'log')).toEqual({ x: [0, 10], y: [1e-3, 1] });
    const sy = axis([1e-3, 1], [100, 0], 'log');
    expect(sy(1e-3)).toBe(100);
    expect(sy(1)).toBe(0);
    expect(sy(1e-2)).toBeCloseTo(200 / 3, 9);
    expect(axis([3, 3], [0, 50])(3)).toBe(25);
    expect(chartDomain([{ key: 'c', colour: '#fff', points: [[1, -1]] }], 'log')).toBeNull();
    expect(
      linePath(
        [
          [0, 0],
          [1, 2],
        ],
        (x) => x * 10,
        (y) => y,
      ),
    ).toBe('M0.0,0.0 L10.0,2.0');
  });

  it('find the nearest x, and read a series at or before x, nothing outside its span', () => {
    expect(nearestIndex([0, 1, 4, 9], 3)).toBe(2);
    expect(nearestIndex([0, 1, 4, 9], 2.4)).toBe(1);
    expect(nearestIndex([0, 1, 4, 9], 100)).toBe(3);
    expect(nearestIndex([], 1)).toBe(-1);
    const points = [
      [1, 10],
      [2, 20],
      [4, 40],
    ] as const;
    expect(pointAt(points, 3.9)).toEqual([2, 20]);
    expect(pointAt(points, 4)).toEqual([4, 40]);
    expect(pointAt(points, 1)).toEqual([1, 10]);
    expect(pointAt(points, 0.5)).toBeNull();
    expect(pointAt(points, 4.5)).toBeNull();
    expect(pointAt(points, 4.5, 5)).toEqual([4, 40]);
    expect(
      unionXs([
        { key: 'a', colour: '', points },
        {
          key: 'b',
          colour: '',
          points: [
            [3, 0],
            [1, 0],
          ],
        },
      ]),
    ).toEqual([1, 2, 3, 4]);
  });
});
