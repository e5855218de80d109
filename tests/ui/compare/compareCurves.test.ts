/** The run comparison's curves: where each run's loss and accuracy come from, which runs it overlays, their colours. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { appendBounded } from '../../../src/store/boundedSeries';
import { emptyHistory, withProgress } from '../../../src/store/runHistories';
import type { RunRecord } from '../../../src/store/runRecord';
import {
  defaultCompareRuns,
  hasCurves,
  runColour,
  runCurves,
  DEFAULT_OVERLAID,
} from '../../../src/ui/compare/compareCurves';

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
