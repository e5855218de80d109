/**
 * What each run trained in this page reported while it trained, kept in the page (not saved) for the charts: the
 * mean loss of each progress report by epoch (the run comparison), and each report's per-layer statistics of the
 * SGD step (the momentum charts), each series bounded (boundedSeries.ts). Progress arrives about four times a
 * second, so each report is one store update, as the loss chart's.
 */
import type { LayerTrainingStats, TrainingProgress } from '../worker/protocol';
import { appendBounded, emptySeries, type BoundedSeries } from './boundedSeries';

/** Points kept per series of a run. */
export const HISTORY_POINTS = 400;

/** One report's per-layer statistics, with the step it followed and the hyperparameters in force then. */
export interface LayerStatsPoint {
  readonly step: number;
  readonly epoch: number;
  readonly learningRate: number;
  readonly momentum: number;
  readonly layers: readonly LayerTrainingStats[];
}

/** One run's history. */
export interface RunHistory {
  readonly run: string;
  /** Images per SGD step (fixed when the run starts). */
  readonly batchSize: number;
  /** The learning rates and momenta in force at its reports, each once, in the order first seen. */
  readonly learningRates: readonly number[];
  readonly momenta: readonly number[];
  /** [epoch, mean loss of the batches since the previous report]. */
  readonly losses: BoundedSeries<readonly [number, number]>;
  /** [epoch, loss of the report's last step alone], where the engine reports it. */
  readonly stepLosses: BoundedSeries<readonly [number, number]>;
  readonly layerStats: BoundedSeries<LayerStatsPoint>;
}

/** The histories of the runs trained in this page, and which runs the run comparison overlays. */
export interface RunHistorySlice {
  /** By run name. */
  runHistories: Readonly<Record<string, RunHistory>>;
  /** The runs the comparison chart overlays, as the person picked them; null: its default choice. */
  compareRuns: readonly string[] | null;
}

/** The slice's state at load. */
export const INITIAL_RUN_HISTORIES: RunHistorySlice = { runHistories: {}, compareRuns: null };

/** A run's history before its first report. */
export function emptyHistory(run: string, batchSize: number): RunHistory {
  return {
    run,
    batchSize,
    learningRates: [],
    momenta: [],
    losses: emptySeries(),
    stepLosses: emptySeries(),
    layerStats: emptySeries(),
  };
}

const withValue = (values: readonly number[], value: number) => (values.includes(value) ? values : [...values, value]);

/**
 * `history` with a progress report added: its loss (once per step: a report repeating the last step adds
 * nothing), and its last step's loss and per-layer statistics if the engine sent them.
 */
export function withProgress(
  history: RunHistory,
  progress: TrainingProgress,
  hyperparameters: { readonly learningRate: number; readonly momentum: number },
): RunHistory {
  const lastLoss = history.losses.latest;
  const lastStats = history.layerStats.latest;
  const newStep = lastStats === null || lastStats.step !== progress.step;
  const losses =
    progress.loss !== null && Number.isFinite(progress.loss) && (lastLoss === null || lastLoss[0] !== progress.epoch)
      ? appendBounded(history.losses, [progress.epoch, progress.loss] as const, HISTORY_POINTS)
      : history.losses;
  const stepLoss = progress.stepLoss;
  const stepLosses =
    stepLoss !== undefined && Number.isFinite(stepLoss) && losses !== history.losses
      ? appendBounded(history.stepLosses, [progress.epoch, stepLoss] as const, HISTORY_POINTS)
      : history.stepLosses;
  const stats = progress.layerStats;
  const layerStats =
    stats && stats.length > 0 && newStep
      ? appendBounded(
          history.layerStats,
          { step: progress.step, epoch: progress.epoch, ...hyperparameters, layers: stats },
          HISTORY_POINTS,
        )
      : history.layerStats;
  if (losses === history.losses && layerStats === history.layerStats) return history;
  return {
    ...history,
    learningRates: withValue(history.learningRates, hyperparameters.learningRate),
    momenta: withValue(history.momenta, hyperparameters.momentum),
    losses,
    stepLosses,
    layerStats,
  };
}
