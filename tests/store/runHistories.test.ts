/**
 * The runs' histories for the momentum charts and the run comparison: bounded series, progress reports added
 * once per step, and the worker's progress events (synthetic here) reaching the store through trainingEvents.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../src/store/appStore';
import { appendBounded, emptySeries, seriesPoints, type BoundedSeries } from '../../src/store/boundedSeries';
import { EpochClock } from '../../src/store/epochClock';
import { emptyHistory, HISTORY_POINTS, INITIAL_RUN_HISTORIES, withProgress } from '../../src/store/runHistories';
import { beginRunHistory } from '../../src/store/runHistoryEvents';
import { followTrainingEvents, type ActiveRun } from '../../src/store/trainingEvents';
import type { EngineClient } from '../../src/worker/engineClient';
import type { EngineEvent, LayerTrainingStats, TrainingProgress } from '../../src/worker/protocol';

const stats = (scale: number): LayerTrainingStats[] =>
  ['c1', 'c3', 'c5', 'f6', 'output'].map((layer, i) => ({
    layer,
    gradientNorm: scale * (i + 1),
    velocityNorm: 5 * scale * (i + 1),
    updateRatio: 1e-3 * scale,
  }));

function progress(step: number, extra: Partial<TrainingProgress> = {}): TrainingProgress {
  return {
    status: 'running',
    epoch: step / 8,
    step,
    imagesDone: step * 64,
    imagesInEpoch: 512,
    loss: 2 / (1 + step),
    accuracy: 0.5,
    imagesPerSecond: 1000,
    ...extra,
  };
}

describe('a bounded series', () => {
  it('never holds more than its cap, spans everything offered at an even stride, and keeps the newest', () => {
    let series: BoundedSeries<number> = emptySeries();
    for (let i = 0; i < 1000; i++) {
      series = appendBounded(series, i, 64);
      expect(series.points.length).toBeLessThanOrEqual(64);
      expect(series.points[0]).toBe(0);
      expect(series.latest).toBe(i);
      const gaps = new Set(series.points.slice(1).map((p, k) => p - series.points[k]));
      if (i > 0) expect([...gaps]).toEqual([series.stride]);
    }
    expect(series.stride).toBe(16);
    expect(series.points.length).toBeGreaterThan(32);
    expect(seriesPoints(series).at(-1)).toBe(999);
    expect(seriesPoints(series).at(-2)).toBe(series.points.at(-1));
  });

  it('draws the newest point only once when it was kept', () => {
    const series = appendBounded(appendBounded(emptySeries<number>(), 1, 8), 2, 8);
    expect(seriesPoints(series)).toEqual([1, 2]);
  });
});

describe('a run history', () => {
  const rates = { learningRate: 0.05, momentum: 0.9 };

  it('adds a report once per step, its loss by epoch and its layer statistics with the hyperparameters', () => {
    let history = emptyHistory('my-run', 1);
    history = withProgress(history, progress(1, { layerStats: stats(1) }), rates);
    history = withProgress(history, progress(1, { layerStats: stats(1) }), rates); // a report repeating step 1
    history = withProgress(history, progress(2, { layerStats: stats(2) }), { learningRate: 0.05, momentum: 0 });
    expect(history.losses.points).toEqual([
      [1 / 8, 1],
      [2 / 8, 2 / 3],
    ]);
    expect(history.layerStats.points.map((p) => [p.step, p.momentum, p.layers[0].gradientNorm])).toEqual([
      [1, 0.9, 1],
      [2, 0, 2],
    ]);
    expect(history.momenta).toEqual([0.9, 0]);
    expect(history.learningRates).toEqual([0.05]);
    expect(history.batchSize).toBe(1);
  });

  it('records the loss without statistics from an engine that sends none, and nothing without a loss', () => {
    let history = emptyHistory('my-run', 64);
    history = withProgress(history, progress(3), rates);
    expect(history.losses.points).toHaveLength(1);
    expect(history.layerStats.points).toHaveLength(0);
    const same = withProgress(history, progress(4, { loss: null }), rates);
    expect(same).toBe(history);
  });

  it("keeps a single step's loss beside each report's mean where the engine reports it, aligned with the means", () => {
    let history = emptyHistory('my-run', 1);
    history = withProgress(history, progress(1, { stepLoss: 0.01 }), rates);
    history = withProgress(history, progress(1, { stepLoss: 0.02 }), rates); // the same report again
    history = withProgress(history, progress(2), rates); // an engine without it
    history = withProgress(history, progress(3, { stepLoss: 4.5 }), rates);
    expect(history.stepLosses.points).toEqual([
      [1 / 8, 0.01],
      [3 / 8, 4.5],
    ]);
    expect(history.losses.points.map((p) => p[0])).toEqual([1 / 8, 2 / 8, 3 / 8]);
  });

  it('stays bounded over a long run', () => {
    let history = emptyHistory('my-run', 1);
    for (let step = 1; step <= 3 * HISTORY_POINTS; step++)
      history = withProgress(history, progress(step, { layerStats: stats(step) }), rates);
    expect(history.losses.points.length).toBeLessThanOrEqual(HISTORY_POINTS);
    expect(history.layerStats.points.length).toBeLessThanOrEqual(HISTORY_POINTS);
    expect(seriesPoints(history.layerStats).at(-1)!.step).toBe(3 * HISTORY_POINTS);
    expect(history.stepLosses.points).toHaveLength(0);
  });
});

describe("the worker's progress events", () => {
  let emit: (event: EngineEvent) => void = () => undefined;
  const client = {
    subscribe(listener: (event: EngineEvent) => void) {
      emit = listener;
      return () => undefined;
    },
  } as unknown as EngineClient;
  const hooks = {
    isShowingLatestOf: () => false,
    onCheckpoint: () => undefined,
    persist: async () => undefined,
    flush: async () => undefined,
    refresh: async () => undefined,
  };

  beforeEach(() => {
    useAppStore.getState().set({ ...INITIAL_RUN_HISTORIES, learningRate: 0.01, momentum: 0.9 });
  });

  it("reach the history of the run the worker trains, each run's apart", () => {
    const active: ActiveRun = { run: null, latest: null, clock: new EpochClock() };
    followTrainingEvents(client, active, hooks);
    const run = (name: string) => ({ name }) as ActiveRun['run'];
    beginRunHistory('my-run', 1);
    active.run = run('my-run');
    for (let step = 1; step <= 5; step++)
      emit({ type: 'progressReported', progress: progress(step, { layerStats: stats(step) }) });
    useAppStore.getState().set({ momentum: 0 });
    beginRunHistory('my-run-2', 64);
    active.run = run('my-run-2');
    emit({ type: 'progressReported', progress: progress(1, { layerStats: stats(7) }) });
    emit({ type: 'progressReported', progress: progress(2) });
    const { runHistories } = useAppStore.getState();
    expect(runHistories['my-run'].layerStats.points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(runHistories['my-run'].momenta).toEqual([0.9]);
    expect(runHistories['my-run-2'].layerStats.points.map((p) => p.layers[0].gradientNorm)).toEqual([7]);
    expect(runHistories['my-run-2'].losses.points).toHaveLength(2);
    expect(runHistories['my-run-2']).toMatchObject({ batchSize: 64, momenta: [0], learningRates: [0.01] });
  });

  it('keep a history a run continues, and start it anew when the run begins again', () => {
    beginRunHistory('my-run', 1);
    const before = useAppStore.getState().runHistories['my-run'];
    beginRunHistory('my-run', 8, true);
    expect(useAppStore.getState().runHistories['my-run']).toBe(before);
    beginRunHistory('my-run', 8);
    expect(useAppStore.getState().runHistories['my-run'].batchSize).toBe(8);
  });

  it("add a new run to the person's pick for the comparison (no pick: the default choice takes it)", () => {
    beginRunHistory('my-run', 1);
    expect(useAppStore.getState().compareRuns).toBeNull();
    useAppStore.getState().set({ compareRuns: ['lenet5-default'] });
    beginRunHistory('my-run-2', 1);
    beginRunHistory('my-run-2', 1, true);
    expect(useAppStore.getState().compareRuns).toEqual(['lenet5-default', 'my-run-2']);
  });
});
