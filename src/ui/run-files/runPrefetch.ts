/**
 * While the page is idle, the selected shipped run's other checkpoints are fetched quietly, one at a time, those
 * nearest the selected one first (the timeline steps to them next); it follows the run selected. Nothing is
 * prefetched on a connection that asks to save data; a failed prefetch is tried again later (or when needed).
 */
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';

/** Waits for an idle moment of the page (at most 2 s), where the browser says so. */
const idle = () =>
  new Promise<void>((resolve) =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => resolve(), { timeout: 2000 })
      : setTimeout(resolve, 200),
  );

/** Waits `ms`, or less when the browser comes back online. */
const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
  });

/** The checkpoint indices of a run of `count`, nearest `at` first (later before earlier at equal distance). */
export function prefetchOrder(count: number, at: number): number[] {
  return Array.from({ length: count }, (_, i) => i).sort((a, b) => Math.abs(a - at) - Math.abs(b - at) || b - a);
}

/** Starts prefetching for `connection`'s selected run, and again whenever another run is selected. */
export function prefetchWhenIdle(connection: EngineConnection): void {
  if ((navigator as { connection?: { saveData?: boolean } }).connection?.saveData) return;
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      for (;;) {
        await idle();
        const record = connection.selectedRun();
        const missing = prefetchOrder(record.checkpoints.length, connection.selectedIndex()).find(
          (i) => !record.checkpoints[i].params,
        );
        if (!record.files || missing === undefined) return;
        await record.files.checkpoint(missing, true).catch(() => pause(30_000));
      }
    } finally {
      busy = false;
    }
  };
  useAppStore.subscribe((s, before) => {
    if (s.run !== before.run) void run();
  });
  void run();
}
