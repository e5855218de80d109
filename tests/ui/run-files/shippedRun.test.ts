/**
 * A shipped run fetched piece by piece (src/ui/runs/shippedRun.ts, runFileFetch.ts) against the files of
 * public/models/lenet5-default served by a stubbed fetch: the manifest alone at first; each checkpoint and
 * predictions file once, when asked, equal to the run folder's; a failing fetch named in the store and retried
 * (at once when the browser comes back online); a quiet prefetch failing silently; a damaged file refused.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRun, type LoadedRun } from '../../../src/engine/model/runLoader';
import { useAppStore } from '../../../src/store/appStore';
import { checkpointParams } from '../../../src/store/runRecord';
import { openShippedRun } from '../../../src/ui/run-files/shippedRun';

const dir = join(import.meta.dirname, '..', '..', '..', 'public', 'models', 'lenet5-default');
const URL_BASE = '/models/lenet5-default';
const folder: Promise<LoadedRun> = loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);

let requests: string[];
/** Per URL: how many of its next fetches fail as a dropped network does. */
let failures: Map<string, number>;
/** Per URL: bytes served instead of the file's. */
let replaced: Map<string, Uint8Array<ArrayBuffer>>;

beforeEach(() => {
  requests = [];
  failures = new Map();
  replaced = new Map();
  useAppStore.getState().set({ heldCheckpoints: {}, fetchProblem: null });
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    const left = failures.get(url) ?? 0;
    if (left > 0) {
      failures.set(url, left - 1);
      throw new TypeError('Failed to fetch');
    }
    return new Response(replaced.get(url) ?? readFileSync(join(dir, basename(url))));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const checkpointUrl = (file: string) => `${URL_BASE}/${file}`;

/** Lets pending promises and I/O run (not timers) until `done` holds; fails if it never does. */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

describe('a shipped run fetched piece by piece', () => {
  it('opens with its manifest alone; a checkpoint is fetched once, when asked, equal to the folder', async () => {
    const loaded = await folder;
    const run = await openShippedRun('lenet5-default', URL_BASE);
    expect(requests).toEqual([`${URL_BASE}/manifest.json`]);
    expect(run.checkpoints.map((c) => c.epoch)).toEqual(loaded.manifest.checkpoints.map((c) => c.epoch));
    expect(run.checkpoints.every((c) => c.params === null)).toBe(true);
    expect(useAppStore.getState().heldCheckpoints['lenet5-default'].some(Boolean)).toBe(false);

    const [a, b] = await Promise.all([run.files!.checkpoint(3), run.files!.checkpoint(3)]);
    expect(a).toBe(b);
    expect(requests.filter((url) => url.endsWith('.bin'))).toEqual([
      checkpointUrl(loaded.manifest.checkpoints[3].file),
    ]);
    expect(a).toEqual(loaded.checkpoints[3]);
    expect(run.checkpoints[3].params).toBe(a);
    expect(useAppStore.getState().heldCheckpoints['lenet5-default'][3]).toBe(true);
    expect(await checkpointParams(run, 3)).toBe(a);
    expect(requests).toHaveLength(2);
    expect(run.files!.checkpointUrl(3)).toBe(checkpointUrl(loaded.manifest.checkpoints[3].file));
  });

  it('fetches a checkpoint’s predictions when asked, as shipped', async () => {
    const loaded = await folder;
    const run = await openShippedRun('lenet5-default', URL_BASE);
    const last = run.checkpoints.length - 1;
    expect(run.files!.hasPredictions(last)).toBe(true);
    expect(run.files!.heldPredictions(last)).toBeNull();
    const predictions = await run.files!.predictions(last);
    expect(predictions).toEqual(loaded.predictions[last]);
    expect(run.files!.heldPredictions(last)).toBe(predictions);
    expect(requests.filter((url) => url.endsWith('.predictions.bin'))).toHaveLength(1);
  });

  it('names a failing file in the store and retries it, at once when the browser comes back online', async () => {
    const loaded = await folder;
    const run = await openShippedRun('lenet5-default', URL_BASE);
    const url = checkpointUrl(loaded.manifest.checkpoints[5].file);
    const attempts = () => requests.filter((u) => u === url).length;
    const problem = () => useAppStore.getState().fetchProblem;
    // The waits between attempts run on fake timers: they end only when the test says so.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      failures.set(url, 2);
      const arriving = run.files!.checkpoint(5);
      await settle(() => problem() !== null);
      expect(problem()).toMatchObject({
        ns: 'runs',
        key: 'fetchRetrying',
        values: {
          file: `lenet5-default/${loaded.manifest.checkpoints[5].file}`,
          detail: 'Failed to fetch',
          seconds: 1,
        },
      });
      expect(attempts()).toBe(1);
      vi.advanceTimersByTime(1000); // the first wait (1 s) ends: a second attempt, which fails too
      await settle(() => problem()?.values?.seconds === 2);
      expect(attempts()).toBe(2);
      window.dispatchEvent(new Event('online')); // no time passes: coming back online retries at once
      expect(await arriving).toEqual(loaded.checkpoints[5]);
      expect(attempts()).toBe(3);
      expect(problem()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a quiet prefetch fails without a word; a request that needs the file then fetches it again', async () => {
    const loaded = await folder;
    const run = await openShippedRun('lenet5-default', URL_BASE);
    const url = checkpointUrl(loaded.manifest.checkpoints[7].file);
    failures.set(url, 1);
    const quiet = run.files!.checkpoint(7, true);
    const needed = run.files!.checkpoint(7); // joins the prefetch in flight
    await expect(quiet).rejects.toThrow('Failed to fetch');
    expect(await needed).toEqual(loaded.checkpoints[7]);
    expect(useAppStore.getState().fetchProblem).toBeNull();
    expect(requests.filter((u) => u === url)).toHaveLength(2);
  });

  it('refuses a damaged checkpoint naming the file, without retrying it', async () => {
    const loaded = await folder;
    const run = await openShippedRun('lenet5-default', URL_BASE);
    const file = loaded.manifest.checkpoints[2].file;
    replaced.set(checkpointUrl(file), new Uint8Array(1000));
    await expect(run.files!.checkpoint(2)).rejects.toThrow(`${URL_BASE}/${file}: 1000 bytes, expected`);
    expect(run.checkpoints[2].params).toBeNull();
    expect(requests.filter((u) => u.endsWith(file))).toHaveLength(1);
  });

  it('a manifest opened quietly (the classic run at start-up) rejects at once when it cannot be fetched', async () => {
    failures.set(`${URL_BASE}/manifest.json`, 1);
    await expect(openShippedRun('lenet5-default', URL_BASE, true)).rejects.toThrow(/manifest.json.*Failed to fetch/);
    expect(useAppStore.getState().fetchProblem).toBeNull();
  });
});
