/**
 * The α the panel draws: the selected checkpoint's (it follows the timeline and the run picker), and another learned
 * run's at the checkpoint nearest that epoch (fetched when a shipped run's is not held yet).
 */
import { useState } from 'react';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { checkpointParams, type RunRecord } from '../../store/runRecord';
import { alphaFromParams, learnedLayer, type AlphaMatrix } from './alphaMatrix';

/** α of one run at one checkpoint, or `pending` while its weights are on their way. */
export interface ShownAlpha {
  readonly run: string;
  readonly epoch: number;
  readonly alpha: AlphaMatrix | null;
  readonly pending: boolean;
}

/** Whether `run` has learned combinations. */
export function isLearnedRun(run: RunRecord | undefined): run is RunRecord {
  return run !== undefined && learnedLayer(run.architecture.layers) !== null;
}

/** The index of `run`'s checkpoint nearest `epoch` from below (its first when all are later). */
export function nearestCheckpoint(run: RunRecord, epoch: number): number {
  let best = 0;
  run.checkpoints.forEach((c, i) => {
    if (c.epoch <= epoch + 1e-9) best = i;
  });
  return best;
}

/** α of `run` at checkpoint `index`, fetching its weights when needed (`pending` until they arrive). */
function alphaAt(run: RunRecord, index: number, refresh: () => void): ShownAlpha {
  const checkpoint = run.checkpoints[index];
  const params = checkpoint?.params ?? null;
  if (checkpoint && !params) checkpointParams(run, index).then(refresh, () => undefined); // named while retried
  return {
    run: run.name,
    epoch: checkpoint?.epoch ?? 0,
    alpha: params ? alphaFromParams(run.architecture.layers, params) : null,
    pending: !params,
  };
}

/** The shown run's α (null when it has no learned combinations) and the compared run's (null when none is chosen). */
export function useShownAlpha(
  engine: EngineConnection,
  compareWith: string | null,
): { shown: ShownAlpha | null; compared: ShownAlpha | null; learnedRuns: string[] } {
  const run = useAppStore((s) => s.run);
  const index = useAppStore((s) => s.checkpointIndex);
  useAppStore((s) => s.checkpoints); // a run training here grows: the latest checkpoint is drawn
  useAppStore((s) => s.heldCheckpoints);
  const runNames = useAppStore((s) => s.runNames);
  const [, setFetched] = useState(0);
  const refresh = () => setFetched((n) => n + 1);
  const record = run === null ? undefined : engine.runs.get(run);
  const learnedRuns = runNames.filter((name) => name !== run && isLearnedRun(engine.runs.get(name)));
  if (!isLearnedRun(record)) return { shown: null, compared: null, learnedRuns };
  const shown = alphaAt(record, Math.min(index, record.checkpoints.length - 1), refresh);
  const other = compareWith === null ? undefined : engine.runs.get(compareWith);
  const compared =
    isLearnedRun(other) && other.name !== record.name
      ? alphaAt(other, nearestCheckpoint(other, shown.epoch), refresh)
      : null;
  return { shown, compared, learnedRuns };
}
