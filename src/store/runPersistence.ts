/**
 * Saving runs trained in the page to IndexedDB as their checkpoints arrive. Saves never overlap and a save in
 * progress is followed by one of the newest record of each run only: a fast engine on a small subset makes
 * checkpoints many times a second, and rewriting a whole run for each would swamp the page.
 */
import { useAppStore } from './appStore';
import type { RunRecord } from './runRecord';
import { saveRun } from './runStorage';

/** A queue of runs to save; `persist` resolves when the run (or a newer record of it) is saved. */
export function createRunPersistence(): (record: RunRecord) => Promise<void> {
  let saving: Promise<void> | null = null;
  const unsaved = new Map<string, RunRecord>();
  return (record) => {
    unsaved.set(record.name, record);
    saving ??= (async () => {
      while (unsaved.size > 0) {
        const [name, next] = unsaved.entries().next().value!;
        unsaved.delete(name);
        const problem = await saveRun(next);
        if (problem) useAppStore.getState().set({ error: problem });
      }
    })().finally(() => {
      saving = null;
    });
    return saving;
  };
}
