/**
 * The run comparison's data: for each run the page holds, its training loss and test accuracy against the
 * epoch. A run trained in this page has the mean loss of each progress report (store/runHistories.ts); a
 * shipped or imported run, the training loss its manifest records at each checkpoint. The accuracy is every
 * run's checkpoints' test accuracy.
 */
import { seriesPoints } from '../../store/boundedSeries';
import type { RunHistory } from '../../store/runHistories';
import type { RunRecord } from '../../store/runRecord';
import { SERIES_COLOURS, type ChartPoint } from '../charts/chartScale';

/** One run's curves. */
export interface RunCurves {
  readonly run: string;
  readonly loss: readonly ChartPoint[];
  readonly accuracy: readonly ChartPoint[];
  /** Where the loss comes from: this page's progress reports, or the run's checkpoints. */
  readonly lossFrom: 'reports' | 'checkpoints';
}

/** Most runs the default choice overlays. */
export const DEFAULT_OVERLAID = 4;

/** `run`'s curves from its record and, if it trained in this page, its history. */
export function runCurves(record: RunRecord | undefined, history: RunHistory | undefined): RunCurves | null {
  const run = record?.name ?? history?.run;
  if (run === undefined) return null;
  const checkpoints = record?.checkpoints ?? [];
  const accuracy = checkpoints.flatMap((c): ChartPoint[] =>
    c.testAccuracy === null ? [] : [[c.epoch, c.testAccuracy]],
  );
  const reported = history ? seriesPoints(history.losses) : [];
  const recorded = checkpoints.flatMap((c): ChartPoint[] =>
    c.trainLoss === undefined || c.trainLoss === null ? [] : [[c.epoch, c.trainLoss]],
  );
  const fromReports = reported.length > 0;
  return { run, loss: fromReports ? reported : recorded, accuracy, lossFrom: fromReports ? 'reports' : 'checkpoints' };
}

/** True when a run has a curve to draw (two points of either). */
export function hasCurves(curves: RunCurves | null): curves is RunCurves {
  return curves !== null && (curves.loss.length >= 2 || curves.accuracy.length >= 2);
}

/**
 * The runs overlaid when the person has not chosen: the runs trained in this page that have a history (the
 * latest DEFAULT_OVERLAID), else every run that can be drawn.
 */
export function defaultCompareRuns(
  candidates: readonly string[],
  histories: Readonly<Record<string, RunHistory>>,
): string[] {
  const trained = candidates.filter((run) => histories[run] && histories[run].losses.offered > 0);
  return (trained.length > 0 ? trained : candidates).slice(-DEFAULT_OVERLAID);
}

/** The colour of `run`: by its place among every run that can be compared, so it keeps it when others are picked. */
export function runColour(candidates: readonly string[], run: string): string {
  return SERIES_COLOURS[Math.max(0, candidates.indexOf(run)) % SERIES_COLOURS.length];
}
