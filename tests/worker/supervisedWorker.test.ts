/** The page's watch on the engine worker: a closed or silent worker is noticed and replaced; the restart policy. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import { initialParameters } from '../../src/engine/model/initialize';
import { fallbackFrom, RestartPolicy, WINDOW_MS } from '../../src/store/restartPolicy';
import { EngineClient } from '../../src/worker/engineClient';
import { serveEngine } from '../../src/worker/engineHost';
import { HUNG_AFTER_MS, SupervisedWorker, type WorkerLike } from '../../src/worker/supervisedWorker';

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
});

/** A worker made of a MessageChannel with the engine host on the far port. */
function fakeWorker(): WorkerLike & { terminated: boolean } {
  const channel = new MessageChannel();
  const stop = serveEngine(channel.port2 as never);
  stops.push(() => {
    stop();
    channel.port1.close();
    channel.port2.close();
  });
  const port = channel.port1;
  return Object.assign(port as unknown as WorkerLike, {
    terminated: false,
    terminate() {
      this.terminated = true;
      stop();
      port.close();
    },
  });
}

async function waitFor(test: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SupervisedWorker', () => {
  it('notices a worker that closed itself or stopped answering, and serves on through a fresh one', async () => {
    const made: ReturnType<typeof fakeWorker>[] = [];
    const deaths: string[] = [];
    const supervised = new SupervisedWorker(
      () => {
        const w = fakeWorker();
        made.push(w);
        return w;
      },
      (reason) => deaths.push(reason),
    );
    stops.push(() => supervised.stop());
    const client = new EngineClient(supervised);
    await client.start('cpu');
    await client.loadWeights(DEFAULT_ARCHITECTURE, initialParameters(lenet5Layers(), 1) as Float32Array);
    const pending = client.infer(new Float32Array(1024));
    await pending;
    client.send({ type: 'simulateFault', fault: 'hang' });
    const lost = client.infer(new Float32Array(1024));
    await waitFor(() => deaths.length === 1, HUNG_AFTER_MS + 3000);
    expect(deaths[0]).toMatch(/did not answer for 8 s/);
    client.failPending('the engine stopped');
    await expect(lost).rejects.toThrow(/the engine stopped/);
    await expect(client.infer(new Float32Array(1024))).rejects.toThrow(/the engine is not running/); // asked while dead
    supervised.replace();
    expect(made[0].terminated).toBe(true);
    await client.start('cpu');
    await client.loadWeights(DEFAULT_ARCHITECTURE, initialParameters(lenet5Layers(), 1) as Float32Array);
    const frame = await client.infer(new Float32Array(1024));
    expect(frame.values.length).toBeGreaterThan(9000);
    client.send({ type: 'simulateFault', fault: 'close' }); // the port closes: nothing more ever comes back
    await waitFor(() => deaths.length === 2, HUNG_AFTER_MS + 3000);
    expect(made).toHaveLength(2);
  }, 30_000);
});

describe('RestartPolicy', () => {
  it('restarts the same engine first, then falls down the chain, and stays down after three deaths in a minute', () => {
    const policy = new RestartPolicy();
    expect(policy.record(0, 'webgl2')).toEqual({ action: 'restart', backend: 'webgl2' });
    expect(policy.record(10_000, 'webgl2')).toEqual({ action: 'restart', backend: 'wasm' });
    expect(policy.record(20_000, 'wasm')).toEqual({ action: 'down', deaths: 3 });
    policy.reset();
    expect(policy.record(30_000, 'cpu')).toEqual({ action: 'restart', backend: 'cpu' });
    // Deaths older than the window are forgotten.
    expect(policy.record(30_000 + WINDOW_MS, 'cpu')).toEqual({ action: 'restart', backend: 'cpu' });
    expect(fallbackFrom('cpu')).toBe('cpu');
    expect(fallbackFrom('wasm')).toBe('cpu');
  });
});
