/**
 * The real module worker in Chromium: WebGL2 on an OffscreenCanvas, inference of every layer against
 * the reference, training with a flat texture count, and a simulated context loss mid-run after which the
 * run goes on, on the WebAssembly engine.
 */
import { mnistSubset } from '../../src/engine/data/mnistInput';
import { afterAll, describe, expect, it } from 'vitest';
import { frameFromPass, frameValues } from '../../src/engine/activationFrame';
import type { TrainingSettings } from '../../src/engine/batchPlan';
import { fetchMnist } from '../../src/engine/data/mnistFetch';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import { initialParameters } from '../../src/engine/model/initialize';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { EngineClient } from '../../src/worker/engineClient';
import type { EngineEvent } from '../../src/worker/protocol';

const worker = new Worker(new URL('../../src/worker/engine.worker.ts', import.meta.url), { type: 'module' });
const client = new EngineClient(worker);
const events: EngineEvent[] = [];
client.subscribe((e) => events.push(e));
afterAll(() => {
  client.dispose();
  worker.terminate();
});

const layers = lenet5Layers(DEFAULT_ARCHITECTURE);
const params = initialParameters(layers, 1) as Float32Array;

async function until(test: (e: EngineEvent) => boolean, ms = 240_000): Promise<EngineEvent> {
  const deadline = Date.now() + ms;
  for (;;) {
    const failure = events.find((e) => e.type === 'failed');
    if (failure?.type === 'failed') throw new Error(`the worker failed: ${failure.message}`);
    const index = events.findIndex(test);
    if (index >= 0) return events.splice(index, 1)[0]!;
    if (Date.now() > deadline) throw new Error(`timed out; events: ${events.map((e) => e.type).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The JS heap of the page's dedicated workers, in bytes (the page is cross-origin isolated in the
 * browser tests, and Chromium measures eagerly: see vitest.config.ts).
 */
async function workerHeapBytes(): Promise<number> {
  const measure = (
    performance as unknown as {
      measureUserAgentSpecificMemory(): Promise<{
        breakdown: { bytes: number; attribution: { scope: string }[] }[];
      }>;
    }
  ).measureUserAgentSpecificMemory;
  const result = await measure.call(performance);
  return result.breakdown
    .filter((b) => b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope'))
    .reduce((sum, b) => sum + b.bytes, 0);
}

describe('the engine worker', () => {
  it('starts on WebGL2 and infers every layer as the reference does (|gpu - ref| <= 1e-4 (1 + |ref|))', async () => {
    const started = await client.start('webgl2');
    expect(started.backend).toBe('webgl2');
    expect(started.reason).toBeNull();
    await client.loadWeights(DEFAULT_ARCHITECTURE, params);
    const input = Float32Array.from({ length: 1024 }, (_, i) => ((i * 37) % 101) / 100);
    const frame = await client.infer(input);
    const expected = frameFromPass(
      layers,
      new ReferenceNetwork(layers, 'softmax-cross-entropy', Float32Array.from(params)).forward(input, 1),
    );
    for (const { id, pre, argmax } of expected.layers) {
      const parts: ('out' | 'pre' | 'argmax')[] = [
        'out',
        ...(pre ? ['pre' as const] : []),
        ...(argmax ? ['argmax' as const] : []),
      ];
      for (const part of parts) {
        const gpu = frameValues(frame, id, part);
        const ref = frameValues(expected, id, part);
        gpu.forEach((v, i) =>
          expect(Math.abs(v - ref[i]), `${id}.${part}[${i}]`).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(ref[i]))),
        );
      }
    }
  });

  it('trains epochs with a flat number of live textures, then survives a lost context', async () => {
    const { train, test } = await fetchMnist('/data');
    const subset = 256;
    await client.setDataset(mnistSubset(train, subset, true), mnistSubset(test, 500, true));
    const settings: TrainingSettings = {
      seed: 3,
      batchSize: 64,
      learningRate: 0.05,
      schedule: 'constant',
      epochs: 8,
      momentum: 0.9,
      weightDecay: 0,
      augment: true,
    };
    client.setDrawing(new Float32Array(1024).fill(0.25));
    client.train(settings, 0, 5);
    const live: number[] = [];
    const heap: number[] = [];
    for (let epoch = 1; epoch <= 5; epoch++) {
      await until((e) => e.type === 'checkpointSaved' && e.epoch === epoch);
      live.push((await client.request({ type: 'counters' }, 'countersRead')).liveTextures);
      heap.push(await workerHeapBytes());
    }
    expect(new Set(live.slice(1)).size, `live textures per epoch: ${live}`).toBe(1);
    // The worker's JS heap after each epoch (measured after a garbage collection): flat once warm.
    console.log(`worker JS heap per epoch (bytes): ${heap.join(', ')}`);
    expect(Math.max(...heap.slice(2)) - heap[1], `worker JS heap per epoch: ${heap}`).toBeLessThan(256 * 1024);
    expect(await until((e) => e.type === 'activationsStreamed')).toBeTruthy();

    client.train(settings, 20, 8);
    await until((e) => e.type === 'checkpointSaved' && e.epoch === 6);
    client.send({ type: 'loseContext', restoreAfterMs: null });
    const changed = await until((e) => e.type === 'backendChanged');
    // The run moves to the WebAssembly engine (not the reference), and goes on there from the last checkpoint.
    expect(changed.type === 'backendChanged' && changed.backend).toBe('wasm');
    expect(changed.type === 'backendChanged' && changed.reason).toEqual({ code: 'contextLost' });
    const last = await until((e) => e.type === 'checkpointSaved' && e.epoch === 8);
    expect(last.type === 'checkpointSaved' && last.step).toBe(32);
    expect(last.type === 'checkpointSaved' && last.params.every(Number.isFinite)).toBe(true);
    const frame = await client.infer(new Float32Array(1024).fill(0.1));
    expect(frameValues(frame, 'output').reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
});
