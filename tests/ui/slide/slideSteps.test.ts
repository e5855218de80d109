/** The slide mode's steps: row-major over the map, each cell once; the keys clamp at the edges. */
import { describe, expect, it } from 'vitest';
import { builtCount, cellForKey, nextCell, stepInterval, type Cell } from '../../../src/ui/slide/slideSteps';

describe('the slide over a map', () => {
  it('visits every cell once, row by row, and stops after the last', () => {
    const [height, width] = [3, 4];
    const seen: Cell[] = [];
    let cell: Cell | null = { y: 0, x: 0 };
    while (cell) {
      seen.push(cell);
      expect(builtCount(width, cell)).toBe(seen.length);
      cell = nextCell(height, width, cell);
    }
    expect(seen).toHaveLength(12);
    expect(seen.map((c) => c.y * width + c.x)).toEqual([...Array(12).keys()]);
    expect(nextCell(28, 28, { y: 27, x: 27 })).toBeNull();
    expect(nextCell(28, 28, { y: 3, x: 27 })).toEqual({ y: 4, x: 0 });
  });

  it('moves the window by one cell per arrow key, clamped to the map; Home and End jump to the corners', () => {
    const at = { y: 0, x: 13 };
    expect(cellForKey(14, 14, at, 'ArrowRight')).toEqual({ y: 0, x: 13 });
    expect(cellForKey(14, 14, at, 'ArrowLeft')).toEqual({ y: 0, x: 12 });
    expect(cellForKey(14, 14, at, 'ArrowUp')).toEqual({ y: 0, x: 13 });
    expect(cellForKey(14, 14, at, 'ArrowDown')).toEqual({ y: 1, x: 13 });
    expect(cellForKey(14, 14, at, 'Home')).toEqual({ y: 0, x: 0 });
    expect(cellForKey(14, 14, at, 'End')).toEqual({ y: 13, x: 13 });
    expect(cellForKey(14, 14, at, 'Enter')).toBeNull();
  });

  it('steps at the speed chosen', () => {
    expect(stepInterval(10)).toBe(100);
    expect(stepInterval(1)).toBe(1000);
  });
});
