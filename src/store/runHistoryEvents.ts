/** The training controller's and events' entries into the runs' histories (runHistories.ts). */
import type { TrainingProgress } from '../worker/protocol';
import { useAppStore } from './appStore';
import { emptyHistory, withProgress } from './runHistories';

/**
 * Starts `run`'s history at `batchSize` images per step: anew (a new run, or one begun again), or, with
 * `keep`, only if the page has none for it yet (a run trained here earlier continues). The run joins the runs
 * the comparison overlays.
 */
export function beginRunHistory(run: string, batchSize: number, keep = false): void {
  const { runHistories, compareRuns, set } = useAppStore.getState();
  if (keep && runHistories[run]) return;
  set({
    runHistories: { ...runHistories, [run]: emptyHistory(run, batchSize) },
    // A run the person picked for the comparison stays picked; a new one joins their pick.
    compareRuns: compareRuns && !compareRuns.includes(run) ? [...compareRuns, run] : compareRuns,
  });
}

/** Adds a progress report of `run` (under the learning rate and momentum set now) to its history, if it has one. */
export function recordRunProgress(run: string | null, progress: TrainingProgress): void {
  const { runHistories, learningRate, momentum, set } = useAppStore.getState();
  const history = run === null ? undefined : runHistories[run];
  if (!history) return;
  const next = withProgress(history, progress, { learningRate, momentum });
  if (next !== history) set({ runHistories: { ...runHistories, [history.run]: next } });
}
