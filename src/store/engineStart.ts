/**
 * The engine worker started under supervision: its client, the engine it runs on (kept in step with its
 * events and the store), and what it reports about itself (a fallback's reason, a failure) in the store.
 */
import { message } from '../i18n/message';
import { EngineClient } from '../worker/engineClient';
import type { Backend } from '../worker/protocol';
import { SupervisedWorker, type WorkerLike } from '../worker/supervisedWorker';
import { useAppStore } from './appStore';
import { engineReasonMessage } from './engineReason';

/** A started engine worker. */
export interface StartedEngine {
  readonly supervised: SupervisedWorker;
  readonly client: EngineClient;
  /** The engine it runs on now. */
  backend(): Backend;
  /** After a restart: the engine the store says it runs on. */
  followStore(): void;
  /** Called when the worker dies (set once the supervision exists). */
  onDeath: (reason: string) => void;
}

/**
 * The worker died before it answered its start: its script could not run (for example a host that sends
 * Cross-Origin-Embedder-Policy with the page but not with the worker's scripts) or it hung. `reason` is the
 * supervisor's.
 */
export class EngineStartError extends Error {
  constructor(readonly reason: string) {
    super(`the engine worker did not start (${reason})`);
    this.name = 'EngineStartError';
  }
}

/** The app's engine worker. */
const engineWorker = () =>
  new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

/**
 * Starts the worker on the preferred engine and reports what it says into the store. Rejects with an
 * EngineStartError when the worker dies before it has started (it is not restarted: it would die again).
 */
export async function startEngineWorker(
  prefer: Backend | 'auto',
  create: () => WorkerLike = engineWorker,
): Promise<StartedEngine> {
  const set = useAppStore.getState().set;
  const started: { engine?: StartedEngine } = {};
  let diedBeforeStart: (error: EngineStartError) => void = () => {};
  const died = new Promise<never>((_, reject) => (diedBeforeStart = reject));
  died.catch(() => undefined); // only the start awaits it: a death after a failed start is no unhandled rejection
  const supervised = new SupervisedWorker(create, (reason) => {
    if (started.engine) {
      started.engine.onDeath(reason);
      return;
    }
    supervised.stop();
    diedBeforeStart(new EngineStartError(reason));
  });
  const client = new EngineClient(supervised);
  client.subscribe((event) => {
    if (event.type === 'backendChanged') {
      const reason = engineReasonMessage(event.reason, event.backend);
      set({ backend: event.backend, engineNote: reason, engineReason: reason });
      backendNow = event.backend;
    }
    if (event.type === 'failed') set({ error: message('messages', 'failed', { detail: event.message }) });
  });
  const reply = await Promise.race([client.start(prefer), died]);
  set({
    backend: reply.backend,
    renderer: reply.renderer,
    engineReason: reply.reason ? engineReasonMessage(reply.reason, reply.backend) : null,
  });
  let backendNow = reply.backend;
  started.engine = {
    supervised,
    client,
    backend: () => backendNow,
    followStore() {
      backendNow = useAppStore.getState().backend ?? backendNow;
    },
    onDeath(reason) {
      console.error(`the engine worker died before start: ${reason}`);
    },
  };
  return started.engine;
}
