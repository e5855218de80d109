/**
 * A worker that dies before it has started (its script refused, e.g. by a host that sends
 * Cross-Origin-Embedder-Policy with the page but not with the worker's scripts, or one that never answers)
 * makes the start fail with an EngineStartError at once, instead of leaving the page "starting" for ever.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineStartError, startEngineWorker } from '../../src/store/engineStart';
import { HUNG_AFTER_MS, type WorkerLike } from '../../src/worker/supervisedWorker';

afterEach(() => {
  vi.useRealTimers();
});

/** A worker that never answers; `fail` raises its error event, as a refused script does. */
function silentWorker(): WorkerLike & { fail(message: string): void; terminated: boolean; posted: unknown[] } {
  const listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  const worker = {
    posted: [] as unknown[],
    terminated: false,
    postMessage(message: unknown) {
      worker.posted.push(message);
    },
    terminate() {
      worker.terminated = true;
    },
    addEventListener(type: string, listener: (event: MessageEvent) => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener(type: string, listener: (event: MessageEvent) => void) {
      listeners.get(type)?.delete(listener);
    },
    fail(message: string) {
      const event = { type: 'error', message } as unknown as MessageEvent;
      listeners.get('error')?.forEach((listener) => listener(event));
    },
  };
  return worker as unknown as ReturnType<typeof silentWorker>;
}

describe('starting the engine worker', () => {
  it('rejects with an EngineStartError when the worker fails before answering, and does not restart it', async () => {
    const made: ReturnType<typeof silentWorker>[] = [];
    const start = startEngineWorker('auto', () => {
      const worker = silentWorker();
      made.push(worker);
      return worker;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(made[0].posted.some((m) => (m as { type?: string }).type === 'start')).toBe(true);
    made[0].fail('Failed to load the worker script');
    const error = await start.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineStartError);
    expect((error as EngineStartError).reason).toMatch(/it failed: Failed to load the worker script/);
    expect(made).toHaveLength(1);
    expect(made[0].terminated).toBe(true);
  });

  it('rejects when the worker never answers', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const start = startEngineWorker('auto', () => silentWorker());
    const outcome = start.then(
      () => null,
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(HUNG_AFTER_MS + 2000);
    const error = await outcome;
    expect(error).toBeInstanceOf(EngineStartError);
    expect((error as EngineStartError).reason).toMatch(/did not answer/);
  });
});
