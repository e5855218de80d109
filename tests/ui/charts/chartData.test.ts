/** The charts' data: scales and read-outs, the momentum charts' series and gain, the run comparison's curves. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { appendBounded } from '../../../src/store/boundedSeries';
import { emptyHistory, withProgress, type LayerStatsPoint } from '../../../src/store/runHistories';
import type { RunRecord } from '../../../src/store/runRecord';
import { axis, chartDomain, linePath, nearestIndex, pointAt, unionXs } from '../../../src/ui/charts/chartScale';
import {
  defaultCompareRuns,
  hasCurves,
  runColour,
  runCurves,
  DEFAULT_OVERLAID,
} from '../../../src/ui/charts/compareCurves';
import { quantitySeries, readingAt, statLayers } from '../../../src/ui/charts/momentumSeries';

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

describe('the run comparison', () => {
  const layers = lenet5Layers(DEFAULT_ARCHITECTURE);
  const record = (name: string, checkpoints: RunRecord['checkpoints']): RunRecord => ({
    name,
    architecture: { ...DEFAULT_ARCHITECTURE, layers },
    testImages: 1000,
    ranges: null,
    checkpoints,
  });
  const shipped = record('lenet5-default', [
    { epoch: 0, testAccuracy: 0.1, trainLoss: null, params: null },
    { epoch: 1, testAccuracy: 0.9, trainLoss: 0.5, params: null },
    { epoch: 2, testAccuracy: 0.95, trainLoss: 0.2, params: null },
  ]);
  const mine = record('my-run', [
    { epoch: 0, testAccuracy: 0.1, params: null },
    { epoch: 0.5, testAccuracy: 0.7, params: null },
  ]);
  let history = emptyHistory('my-run', 1);
  for (const [epoch, loss] of [
    [0.1, 2],
    [0.2, 1.5],
    [0.3, 1.2],
  ])
    history = withProgress(
      history,
      {
        status: 'running',
        epoch,
        step: epoch * 10,
        imagesDone: 0,
        imagesInEpoch: 0,
        loss,
        accuracy: null,
        imagesPerSecond: 0,
      },
      { learningRate: 0.01, momentum: 0 },
    );

  it("take a shipped run's loss from its checkpoints and a page run's from its reports; accuracy from checkpoints", () => {
    expect(runCurves(shipped, undefined)).toEqual({
      run: 'lenet5-default',
      loss: [
        [1, 0.5],
        [2, 0.2],
      ],
      accuracy: [
        [0, 0.1],
        [1, 0.9],
        [2, 0.95],
      ],
      lossFrom: 'checkpoints',
    });
    const curves = runCurves(mine, history)!;
    expect(curves.loss).toEqual([
      [0.1, 2],
      [0.2, 1.5],
      [0.3, 1.2],
    ]);
    expect(curves.lossFrom).toBe('reports');
    expect(curves.accuracy).toEqual([
      [0, 0.1],
      [0.5, 0.7],
    ]);
    expect(hasCurves(runCurves(record('x', [{ epoch: 0, testAccuracy: 0.1, params: null }]), undefined))).toBe(false);
    expect(runCurves(undefined, undefined)).toBeNull();
  });

  it('overlays by default the runs trained here (the latest few), else every run; colours stay with runs', () => {
    const candidates = ['lenet5-default', 'lenet5-classic', 'my-run', 'my-run-2'];
    const quiet = emptyHistory('my-run-2', 64);
    expect(defaultCompareRuns(candidates, { 'my-run': history, 'my-run-2': quiet })).toEqual(['my-run']);
    expect(defaultCompareRuns(candidates, {})).toEqual(candidates.slice(-DEFAULT_OVERLAID));
    const many = Array.from({ length: 6 }, (_, i) => `my-run-${i + 2}`);
    const histories = Object.fromEntries(
      many.map((run) => [run, { ...history, run, losses: appendBounded(history.losses, [1, 1] as const, 10) }]),
    );
    expect(defaultCompareRuns(many, histories)).toEqual(many.slice(-DEFAULT_OVERLAID));
    expect(runColour(candidates, 'my-run')).not.toBe(runColour(candidates, 'my-run-2'));
  });
});
