/**
 * What the training buttons will do for the run shown: a shipped or imported run is never changed, so they start
 * a new run (named here before it exists); a run trained here is trained further. Progress and charts are shown
 * only for the run they belong to.
 */
import { isTrainedHere, nextRunName } from '../../store/trainedRuns';

/** The training buttons' meaning for the run shown. */
export type TrainingIntent =
  /** The run shown stays as it is: the buttons start the new run `name`. */
  | { readonly kind: 'newRun'; readonly name: string }
  /**
   * The run shown was trained here: the buttons train it further. `resumable`: its training was paused in this
   * tab (the toggle says Resume).
   */
  | { readonly kind: 'continue'; readonly resumable: boolean };

/** Where training stands: the run its progress belongs to, and whether it runs. */
export interface TrainingStanding {
  readonly run: string | null;
  readonly status: 'idle' | 'running' | 'paused';
}

/** The buttons' meaning when `shown` is the run shown, the page holds `runNames` and training stands at `training`. */
export function trainingIntent(
  shown: string | null,
  runNames: Iterable<string>,
  training: TrainingStanding,
): TrainingIntent {
  if (!isTrainedHere(shown)) return { kind: 'newRun', name: nextRunName(runNames) };
  return { kind: 'continue', resumable: training.run === shown && training.status === 'paused' };
}

/** Whether a run's progress (or its charts' history), belonging to `owner`, may be shown beside the run `shown`. */
export function belongsToShown(owner: string | null, shown: string | null): boolean {
  return owner !== null && owner === shown;
}
