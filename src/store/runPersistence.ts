/**
 * Saving runs trained in the page to IndexedDB as their checkpoints arrive. Saves never overlap; a save in
 * progress is followed by one of the newest record of each run only, and saves while a run trains are at least
 * SAVE_INTERVAL_MS apart: a fast engine on a small subset makes checkpoints many times a second, and writing a
 * whole run (its structured clone on the page's thread grows with every checkpoint) for each would freeze the
 * page. `flush` writes what waits at once (a pause, a run begun): nothing the person saw is lost on a reload.
 */
import { useAppStore } from './appStore';
import type { RunRecord } from './runRecord';
import { saveRun } from './runStorage';

/** The shortest time between two saves while checkpoints keep coming (ms). */
export const SAVE_INTERVAL_MS = 2000;

/** The saving of the page's runs. */
export interface RunPersistence {
  /** Saves `record` soon (at once when nothing was saved for SAVE_INTERVAL_MS); resolves once it (or newer) is saved. */
  persist(record: RunRecord): Promise<void>;
  /** Saves every record waiting now; resolves once all are saved. */
  flush(): Promise<void>;
}

/** A queue of runs to save, spaced while training (`sleep` and `now` replaceable for tests). */
export function createRunPersistence(
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => number = () => performance.now(),
): RunPersistence {
  let saving: Promise<void> | null = null;
  let lastStart = -Infinity;
  let hurry: (() => void) | null = null;
  const unsaved = new Map<string, RunRecord>();
  const drain = async () => {
    while (unsaved.size > 0) {
      const wait = lastStart + SAVE_INTERVAL_MS - now();
      if (wait > 0) await Promise.race([sleep(wait), new Promise<void>((resolve) => (hurry = resolve))]);
      hurry = null;
      const [name, next] = unsaved.entries().next().value!;
      unsaved.delete(name);
      lastStart = now();
      const problem = await saveRun(next);
      if (problem) useAppStore.getState().set({ error: problem });
    }
  };
  const start = () =>
    (saving ??= drain().finally(() => {
      saving = null;
    }));
  return {
    persist(record) {
      unsaved.set(record.name, record);
      return start();
    },
    flush() {
      lastStart = -Infinity;
      hurry?.();
      return unsaved.size > 0 || saving ? start() : Promise.resolve();
    },
  };
}
