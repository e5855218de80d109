/**
 * The momentum charts' figures from the training pump on the WebGL2 engine (from its asynchronous snapshots,
 * once per report): the same as the WebAssembly engine's for the same steps (within 1e-3 relative), for the
 * default architecture (no synchronous readback) and learned combinations, at batch 64 and batch 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingSettings } from '../../src/engine/batchPlan';
import { fetchMnist } from '../../src/engine/data/mnistFetch';
import { mnistSubset, type MnistSet } from '../../src/engine/data/mnistInput';
import { initialParameters } from '../../src/engine/model/initialize';
import type { ArchitectureOptions } from '../../src/engine/model/layerSpec';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import { EngineClient } from '../../src/worker/engineClient';
import { serveEngine } from '../../src/worker/engineHost';
import type { LayerTrainingStats } from '../../src/worker/protocol';

let train: MnistSet;
let test: MnistSet;
beforeAll(async () => ({ train, test } = await fetchMnist('/data')));
const stops: (() => void)[] = [];
afterAll(() => stops.forEach((stop) => stop()));

/** Two steps of `settings` from the seeded weights on `backend`, through the pump's `step` command. */
async function steppedStats(
  backend: 'webgl2' | 'wasm',
  options: ArchitectureOptions,
  settings: TrainingSettings,
): Promise<{ stats: readonly LayerTrainingStats[]; syncReadbacks: number }> {
  const channel = new MessageChannel();
  stops.push(serveEngine(channel.port2));
  const client = new EngineClient(channel.port1);
  stops.push(() => client.dispose());
  expect((await client.start(backend, 1)).backend).toBe(backend);
  await client.loadWeights(options, initialParameters(lenet5Layers(options), 4) as Float32Array);
  await client.setDataset(mnistSubset(train, 512, true), mnistSubset(test, 100, true));
  const before = (await client.request({ type: 'counters' }, 'countersRead')).syncReadbacks;
  client.train(settings, 0, 0); // opens the run without pumping it
  const stepped = await client.request({ type: 'step', batches: 3 }, 'stepped');
  const syncReadbacks = (await client.request({ type: 'counters' }, 'countersRead')).syncReadbacks - before;
  expect(stepped.progress.step).toBe(3);
  return { stats: stepped.progress.layerStats!, syncReadbacks };
}

describe.each([
  { name: 'the default architecture', options: DEFAULT_ARCHITECTURE, batchSize: 64 },
  { name: 'the default architecture, online (batch 1)', options: DEFAULT_ARCHITECTURE, batchSize: 1 },
  {
    name: 'learned combinations',
    options: { ...DEFAULT_ARCHITECTURE, c3Connectivity: 'learned' } as const,
    batchSize: 64,
  },
])('layerStats on the WebGL2 engine: $name', ({ options, batchSize }) => {
  it('equal the WebAssembly engine’s for the same steps', async () => {
    const settings: TrainingSettings = {
      seed: 6,
      batchSize,
      learningRate: 0.02,
      schedule: 'constant',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 5e-4,
      augment: false,
      ...(options.c3Connectivity === 'learned' ? { alphaPenalty: 'entropy' as const, alphaLambda: 0.05 } : {}),
    };
    const gpu = await steppedStats('webgl2', options, settings);
    const wasm = await steppedStats('wasm', options, settings);
    // Learned combinations read c3's gradient back once per step; otherwise the figures cost no synchronous readback.
    expect(gpu.syncReadbacks).toBe(options.c3Connectivity === 'learned' ? 3 : 0);
    expect(gpu.stats.map((s) => s.layer)).toEqual(['c1', 'c3', 'c5', 'f6', 'output']);
    gpu.stats.forEach((s, i) => {
      const want = wasm.stats[i];
      for (const key of ['gradientNorm', 'velocityNorm', 'updateRatio'] as const) {
        expect(want[key], `${s.layer} ${key}`).toBeGreaterThan(0);
        expect(Math.abs(s[key] - want[key]), `${s.layer} ${key}: ${s[key]} vs ${want[key]}`).toBeLessThanOrEqual(
          1e-3 * want[key],
        );
      }
    });
  });
});
