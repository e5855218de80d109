/**
 * Runs trained in the page, kept in IndexedDB (database 'lenet5-visualizer', object store 'runs', keyed by run
 * name) so a reload finds them. A full quota is reported and the run stays in memory. A stored record that is
 * not a run this page can use is reported as damaged and left exactly as it is, for export or deletion.
 */
import { message as i18nMessage, type Message } from '../i18n/message';
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { RunRecord } from './runRecord';
import { storedRunProblem, type StoredRunProblem } from './storedRunProblems';
import { inspectStoredRun } from './storedRunValidation';

/** A stored record that could not be used (key '*': the storage itself could not be read), and why, as data. */
export interface DamagedRun {
  readonly key: string;
  readonly problem: StoredRunProblem;
}

/** What a visit finds in storage. */
export interface SavedRuns {
  readonly runs: RunRecord[];
  readonly damaged: DamagedRun[];
}

/** The key under which a storage that cannot be opened or listed is reported. */
export const DAMAGED_STORAGE = '*';

let opened: UseStore | null = null;
/** One connection for the page (idb-keyval opens it lazily and reopens it after a failure or a close). */
const store = () => (opened ??= createStore('lenet5-visualizer', 'runs'));

const message = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Saves a run under its name; resolves to an error message when the browser refuses (e.g. the quota). */
export async function saveRun(run: RunRecord): Promise<Message | null> {
  try {
    await set(run.name, run, store());
    return null;
  } catch (error) {
    const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
    return quota
      ? i18nMessage('messages', 'storageFull', { run: run.name })
      : i18nMessage('messages', 'saveFailed', {
          run: run.name,
          detail: error instanceof Error ? error.message : String(error),
        });
  }
}

/**
 * Every saved run that passes `inspectStoredRun`, and every record that does not, with its problem; the damaged
 * ones are not touched. A storage that cannot be opened or listed gives one damaged entry under key '*'. Never
 * rejects (start-up goes on whatever storage holds).
 */
export async function loadSavedRuns(): Promise<SavedRuns> {
  let names: IDBValidKey[];
  try {
    names = await keys(store());
  } catch (error) {
    return {
      runs: [],
      damaged: [{ key: DAMAGED_STORAGE, problem: storedRunProblem('storageUnreadable', { detail: message(error) }) }],
    };
  }
  const runs: RunRecord[] = [];
  const damaged: DamagedRun[] = [];
  for (const name of names) {
    const key = typeof name === 'string' ? name : String(name);
    if (typeof name !== 'string') {
      const problem = storedRunProblem(typeof name === 'number' ? 'storedUnderNumberKey' : 'storedUnderOtherKey');
      damaged.push({ key, problem });
      continue;
    }
    try {
      const check = inspectStoredRun(name, await get<unknown>(name, store()));
      if (check.ok) runs.push(check.run);
      else damaged.push({ key, problem: check.problem });
    } catch (error) {
      damaged.push({ key, problem: storedRunProblem('recordUnreadable', { detail: message(error) }) });
    }
  }
  return { runs, damaged };
}

/** The value stored under `key` exactly as IndexedDB holds it (for exporting a damaged record); rejects when unreadable. */
export async function readRawRecord(key: string): Promise<unknown> {
  return get<unknown>(key, store());
}

/** Forgets a saved run (or a damaged record). */
export async function deleteSavedRun(name: string): Promise<void> {
  await del(name, store()).catch(() => undefined);
}
