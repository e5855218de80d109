import { describe, expect, it } from 'vitest';
import { completenessOf } from '../../../src/ui/attribution/completeness';

describe("integrated gradients' completeness check", () => {
  it('sets the sum of the map against z(x) − z(0) and gives the gap', () => {
    const map = new Float64Array(1024);
    map[5] = 2;
    map[600] = 1.5;
    map[1000] = -0.25;
    const check = completenessOf({ map, score: 4, baseline: 0.5 })!;
    expect(check.sum).toBeCloseTo(3.25, 12);
    expect(check.difference).toBe(3.5);
    expect(check.gap).toBeCloseTo(-0.25, 12);
    expect(check.relativeGap).toBeCloseTo(-0.25 / 3.5, 12);
    expect(completenessOf({ map, score: 4, baseline: null })).toBeNull();
    expect(completenessOf({ map: new Float64Array(1024), score: 1, baseline: 1 })!.relativeGap).toBe(0);
  });
});
