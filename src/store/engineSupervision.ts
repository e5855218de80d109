/**
 * What the page does when the engine worker dies (supervisedWorker.ts notices): fail what was asked
 * of it, forget what lived only in it, start a fresh worker (the same engine, or the next one down the
 * chain when it fails again), reload the selected run and checkpoint, re-read the input, and say so.
 * After DEATHS_BEFORE_DOWN deaths within a minute the engine stays down until `retry`.
 */
import { errorText, message, type Message } from '../i18n/message';
import type { EngineClient } from '../worker/engineClient';
import type { Backend } from '../worker/protocol';
import type { SupervisedWorker } from '../worker/supervisedWorker';
import { useAppStore } from './appStore';
import { engineReasonMessage } from './engineReason';
import { RestartPolicy } from './restartPolicy';

/** What supervision needs from the rest of the connection. */
export interface SupervisionHooks {
  readonly supervised: SupervisedWorker;
  readonly client: EngineClient;
  currentBackend(): Backend;
  /** Forgets what lived only in the dead worker (a running training step, teaching, the explorer's test set). */
  forgetWorker(): Promise<void>;
  /** Loads the selected run and checkpoint into the new worker and re-reads the input; resolves with the checkpoint's epoch. */
  reload(): Promise<number>;
}

/** Restarts the engine when it dies; `retry` brings a downed engine back. */
export function superviseEngine(hooks: SupervisionHooks): {
  onDeath(reason: string): Promise<void>;
  retry(): Promise<void>;
} {
  const policy = new RestartPolicy();
  const set = (partial: Parameters<ReturnType<typeof useAppStore.getState>['set']>[0]) =>
    useAppStore.getState().set(partial);
  let restarting: Promise<void> | null = null;

  const bringUp = async (backend: Backend, why: string | Message) => {
    hooks.supervised.replace();
    const started = await hooks.client.start(backend);
    const epoch = await hooks.reload();
    const restarts = useAppStore.getState().engineRestarts + 1;
    const restarted = message('messages', 'engineRestarted', {
      why,
      engine: message('messages', `engineName.${started.backend}`),
      epoch: String(Number(epoch.toFixed(4))),
    });
    const reason = started.reason && engineReasonMessage(started.reason, started.backend);
    set({
      backend: started.backend,
      renderer: started.renderer,
      engineDown: null,
      engineRestarts: restarts,
      engineReason: reason,
      engineNote:
        started.backend !== backend && reason
          ? message('engineStatus', 'noteWithReason', { note: restarted, reason })
          : restarted,
    });
  };

  const onDeath = async (reason: string) => {
    if (restarting) return;
    const decision = policy.record(performance.now(), hooks.currentBackend());
    hooks.client.failPending(`the engine stopped: ${reason}`);
    restarting = (async () => {
      await hooks.forgetWorker();
      if (decision.action === 'down') {
        hooks.supervised.stop();
        set({
          engineDown: message('messages', 'engineDownTooOften', { deaths: decision.deaths, why: reason }),
          backend: null,
        });
        return;
      }
      try {
        await bringUp(decision.backend, reason);
      } catch (error) {
        hooks.supervised.stop();
        set({
          engineDown: message('messages', 'engineRestartFailed', { why: reason, detail: errorText(error) }),
          backend: null,
        });
      }
    })().finally(() => {
      restarting = null;
    });
    await restarting;
  };

  return {
    onDeath,
    async retry() {
      policy.reset();
      set({ engineDown: null });
      try {
        await bringUp(hooks.currentBackend(), message('messages', 'retryAsked'));
      } catch (error) {
        set({
          engineDown: message('messages', 'engineRetryFailed', { detail: errorText(error) }),
        });
      }
    },
  };
}
