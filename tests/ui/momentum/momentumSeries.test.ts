/** The momentum charts' data: a series per layer for each quantity, every layer's values and gain at the cursor. */
import { describe, expect, it } from 'vitest';
import type { LayerStatsPoint } from '../../../src/store/runHistories';
import { quantitySeries, readingAt, statLayers } from '../../../src/ui/momentum/momentumSeries';

const point = (step: number, momentum: number, layers: [string, number, number, number][]): LayerStatsPoint => ({
  step,
  epoch: step / 10,
  learningRate: 0.01,
  momentum,
  layers: layers.map(([layer, gradientNorm, velocityNorm, updateRatio]) => ({
    layer,
    gradientNorm,
    velocityNorm,
    updateRatio,
  })),
});

describe('the momentum charts', () => {
  const points = [
    point(1, 0.9, [
      ['c1', 2, 0.02, 1e-3],
      ['output', 4, 0.04, 2e-3],
    ]),
    point(2, 0.9, [
      ['c1', 2, 0.2, 1e-2],
      ['s2', 1, 0.005, 1e-4],
      ['output', 4, 0.08, 3e-3],
    ]),
  ];

  it('draw one line per layer (in the order reported) for each quantity, by step', () => {
    expect(statLayers(points)).toEqual(['c1', 'output', 's2']);
    const velocity = quantitySeries(points, 'velocityNorm');
    expect(velocity.map((s) => [s.key, s.points])).toEqual([
      [
        'c1',
        [
          [1, 0.02],
          [2, 0.2],
        ],
      ],
      [
        'output',
        [
          [1, 0.04],
          [2, 0.08],
        ],
      ],
      ['s2', [[2, 0.005]]],
    ]);
    expect(new Set(velocity.map((s) => s.colour)).size).toBe(3);
  });

  it("read each layer's values at the report nearest the cursor, with the gain ‖v‖/(η‖g‖) against 1/(1 − γ)", () => {
    const latest = readingAt(points, null)!;
    expect(latest.step).toBe(2);
    expect(latest.ceiling).toBeCloseTo(10, 12);
    // c1: a gradient that kept its direction: v = 0.2 = 10 η‖g‖ (the tutorial's peak at γ = 0.9).
    expect(latest.layers.find((l) => l.layer === 'c1')!.gain).toBeCloseTo(10, 12);
    expect(latest.layers.find((l) => l.layer === 'output')!.gain).toBeCloseTo(2, 12);
    const first = readingAt(points, 1.2)!;
    expect(first.step).toBe(1);
    expect(first.layers.map((l) => l.gain)).toEqual([1, 1].map((g) => expect.closeTo(g, 12)));
    expect(readingAt([point(3, 0, [['c1', 0, 0, 0]])], null)!.layers[0].gain).toBeNull();
    expect(readingAt([], null)).toBeNull();
  });
});
