/**
 * Runs trained in the page, kept in IndexedDB so a reload finds them. A full quota is reported and
 * the run stays in memory.
 */
import { createStore, del, get, keys, set } from 'idb-keyval';
import type { RunRecord } from './runRecord';

const store = () => createStore('lenet5-visualizer', 'runs');

/** Saves a run under its name; resolves to an error message when the browser refuses (e.g. the quota). */
export async function saveRun(run: RunRecord): Promise<string | null> {
  try {
    await set(run.name, run, store());
    return null;
  } catch (error) {
    const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
    return quota
      ? `The browser's storage for this page is full: run "${run.name}" is kept in this tab but will not survive a reload.`
      : `Run "${run.name}" could not be saved (${error instanceof Error ? error.message : String(error)}); it is kept in this tab.`;
  }
}

/** Every saved run (an unreadable store gives none, never an error at start-up). */
export async function loadSavedRuns(): Promise<RunRecord[]> {
  try {
    const names = await keys(store());
    const runs = await Promise.all(names.map((name) => get<RunRecord>(name, store())));
    return runs.filter((run): run is RunRecord => run !== undefined && Array.isArray(run.checkpoints) && run.checkpoints.length > 0);
  } catch {
    return [];
  }
}

/** Forgets a saved run. */
export async function deleteSavedRun(name: string): Promise<void> {
  await del(name, store()).catch(() => undefined);
}
