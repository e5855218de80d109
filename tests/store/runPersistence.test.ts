/** Saving runs trained in the page: never overlapping, the newest record only, spaced while training, flushed on demand. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunRecord } from '../../src/store/runRecord';

const saved: { name: string; checkpoints: number; at: number }[] = [];
let clock = 0;
vi.mock('../../src/store/runStorage', () => ({
  saveRun: async (run: RunRecord) => {
    saved.push({ name: run.name, checkpoints: run.checkpoints.length, at: clock });
    await Promise.resolve();
    return null;
  },
}));

const { createRunPersistence, SAVE_INTERVAL_MS } = await import('../../src/store/runPersistence');

const run = (checkpoints: number, name = 'my-run') =>
  ({ name, checkpoints: Array.from({ length: checkpoints }, () => ({})) }) as unknown as RunRecord;

/** A fake clock: sleeping advances it. */
const sleep = async (ms: number) => {
  clock += ms;
};

describe('run persistence', () => {
  beforeEach(() => {
    saved.length = 0;
    clock = 0;
  });

  it('saves the first record at once, then only the newest, at least SAVE_INTERVAL_MS apart', async () => {
    const persistence = createRunPersistence(sleep, () => clock);
    const first = persistence.persist(run(1));
    void persistence.persist(run(2));
    void persistence.persist(run(3));
    await first;
    await persistence.persist(run(4));
    // 2 was replaced by 3 before its turn came; 4 came later.
    expect(saved.map((s) => s.checkpoints)).toEqual([1, 3, 4]);
    expect(saved[1].at - saved[0].at).toBeGreaterThanOrEqual(SAVE_INTERVAL_MS);
    expect(saved[2].at - saved[1].at).toBeGreaterThanOrEqual(SAVE_INTERVAL_MS);
  });

  it('keeps each run: two runs trained in turn are both saved', async () => {
    const persistence = createRunPersistence(sleep, () => clock);
    void persistence.persist(run(1, 'my-run'));
    await persistence.persist(run(5, 'my-run-2'));
    expect(saved.map((s) => s.name).sort()).toEqual(['my-run', 'my-run-2']);
  });

  it('flush saves what waits at once, without waiting out the interval', async () => {
    let wakes: (() => void)[] = [];
    const slow = (ms: number) =>
      new Promise<void>((resolve) => {
        wakes.push(resolve);
        void ms;
      });
    const persistence = createRunPersistence(slow, () => clock);
    await persistence.persist(run(1));
    const waiting = persistence.persist(run(2)); // would wait SAVE_INTERVAL_MS
    await Promise.resolve();
    expect(saved).toHaveLength(1);
    await persistence.flush();
    await waiting;
    expect(saved.map((s) => s.checkpoints)).toEqual([1, 2]);
    wakes.forEach((wake) => wake());
    wakes = [];
  });
});
