/**
 * The worker's training events turned into state: progress (for the run it belongs to), the drawing's
 * activations streamed under the live weights, each automatic checkpoint appended to the run's timeline and
 * saved, and a divergence (the run is paused back at its last checkpoint).
 */
import { message } from '../i18n/message';
import type { EngineClient } from '../worker/engineClient';
import { useAppStore } from './appStore';
import type { EpochClock } from './epochClock';
import { predictionOf, showFrame } from './frameHolder';
import { heldParams, type RunRecord } from './runRecord';
import { recordRunProgress } from './runHistoryEvents';

/** Where the run the worker trains stands, shared by the controller and the event handlers. */
export interface ActiveRun {
  run: RunRecord | null;
  latest: { params: Float32Array; velocity: Float32Array | null; step: number } | null;
  /** The training time of the current epoch, for the time-per-epoch chart. */
  readonly clock: EpochClock;
}

/** What the handlers need from the page. */
export interface TrainingEventHooks {
  isShowingLatestOf(name: string): boolean;
  onCheckpoint(run: RunRecord): void;
  persist(run: RunRecord): Promise<void>;
  /** Saves what waits to be saved now (a run that stopped by itself). */
  flush(): Promise<void>;
  /** Re-reads the current drawing with the weights the worker holds. */
  refresh(): Promise<void>;
}

/** Subscribes the handlers to `client`'s events. */
export function followTrainingEvents(client: EngineClient, active: ActiveRun, hooks: TrainingEventHooks): void {
  const set = useAppStore.getState().set;
  client.subscribe((event) => {
    if (event.type === 'progressReported') {
      if (event.progress.status === 'paused') void hooks.flush();
      if (event.progress.status !== 'running') active.clock.stop(performance.now());
      set({ training: { ...event.progress, status: event.progress.status, run: active.run?.name ?? null } });
      recordRunProgress(active.run?.name ?? null, event.progress);
      const { history } = useAppStore.getState();
      if (event.progress.loss !== null && history.losses.at(-1)?.[0] !== event.progress.step) {
        set({ history: { ...history, losses: [...history.losses, [event.progress.step, event.progress.loss]] } });
      }
    }
    // A frame from weights that are blowing up is not shown; the divergence event follows.
    const finite = event.type === 'activationsStreamed' && event.frame.values.every(Number.isFinite);
    if (event.type === 'activationsStreamed' && finite && active.run && hooks.isShowingLatestOf(active.run.name)) {
      showFrame(event.frame);
      set({ prediction: predictionOf(event.frame) });
    }
    if (event.type === 'checkpointSaved' && event.requestId === -1 && active.run) {
      active.latest = { params: event.params, velocity: event.velocity, step: event.step };
      const checkpoint = {
        epoch: event.epoch,
        step: event.step,
        testAccuracy: event.testAccuracy,
        params: event.params.slice(),
      };
      active.run = { ...active.run, checkpoints: [...active.run.checkpoints, checkpoint] };
      hooks.onCheckpoint(active.run);
      void hooks.persist(active.run);
      if (Number.isInteger(event.epoch)) recordEpoch(active, event.epoch, event.testAccuracy);
    }
    if (event.type === 'trainingDiverged') {
      set({
        error: message('messages', 'trainingDiverged', { epoch: event.epoch.toFixed(2), loss: String(event.loss) }),
      });
      const run = active.run;
      const last = run?.checkpoints[run.checkpoints.length - 1];
      if (run && last)
        active.latest = {
          params: heldParams(run, run.checkpoints.length - 1),
          velocity: null,
          step: last.step ?? active.latest?.step ?? 0,
        };
      active.clock.forget();
      void hooks.refresh();
    }
  });
}

/** Adds a whole epoch's test accuracy and training time to the charts' history (if it is the run's history). */
function recordEpoch(active: ActiveRun, epoch: number, testAccuracy: number | null): void {
  const seconds = active.clock.lap(performance.now());
  const { history, set } = useAppStore.getState();
  if (history.run !== active.run?.name) return;
  set({ history: { ...history, epochs: [...history.epochs, { epoch, testAccuracy, seconds }] } });
}
