/**
 * The momentum charts' figures (src/worker/layerStats.ts): against the SGD step's own formula, around a
 * real WebAssembly training step with learned combinations, weight decay and the entropy penalty (the
 * gradient including both), and from the training pump of the CPU and WebAssembly engines, at batch 64
 * and at batch 1 (online updates).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TrainingSettings } from '../../src/engine/batchPlan';
import { mnistSubset } from '../../src/engine/data/mnistInput';
import { initialParameters } from '../../src/engine/model/initialize';
import type { ArchitectureOptions } from '../../src/engine/model/layerSpec';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import { parameterLayout } from '../../src/engine/model/parameters';
import { SeededRandom } from '../../src/engine/model/random';
import { sgdMomentumStep } from '../../src/engine/reference/sgd';
import { WasmTrainer } from '../../src/engine/wasm/wasmTrainer';
import type { ComputeBackend } from '../../src/worker/computeBackend';
import { layerTrainingStats, measuredStep } from '../../src/worker/layerStats';
import type { EngineEvent, LayerTrainingStats } from '../../src/worker/protocol';
import { loadMnistSplit } from '../../scripts/mnistFiles';
import { inProcessEngine } from './inProcessEngine';

const LEARNED: ArchitectureOptions = { ...DEFAULT_ARCHITECTURE, c3Connectivity: 'learned' };
const [allTrain, allTest] = [loadMnistSplit('train'), loadMnistSplit('test')];
const train = mnistSubset(allTrain, 256, true);

/** Per layer of `options`, the L2 norm of `values` over that layer's tensors. */
function layerNorms(options: ArchitectureOptions, values: ArrayLike<number>): Map<string, number> {
  const norms = new Map<string, number>();
  for (const t of parameterLayout(lenet5Layers(options)).tensors) {
    const layer = t.name.split('.')[0];
    let sum = norms.get(layer) ?? 0;
    for (let i = t.offset; i < t.offset + t.size; i++) sum += values[i] * values[i];
    norms.set(layer, sum);
  }
  return new Map([...norms].map(([k, v]) => [k, Math.sqrt(v)]));
}

function expectClose(got: number, want: number, what: string, tolerance = 1e-4): void {
  expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(tolerance * Math.abs(want));
}

async function until(events: EngineEvent[], test: (e: EngineEvent) => boolean, ms = 60_000): Promise<EngineEvent> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = events.find(test);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out; events: ${events.map((e) => e.type).join(', ')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('layerTrainingStats', () => {
  it.each([
    ['the default architecture', DEFAULT_ARCHITECTURE],
    ['learned combinations (c3 with its logits)', LEARNED],
    ['trainable subsampling (s2, s4 own parameters)', { ...DEFAULT_ARCHITECTURE, pooling: 'subsample' } as const],
  ])('gives each parameter layer the norms of one SGD step: %s', (_, options) => {
    const size = parameterLayout(lenet5Layers(options)).size;
    const random = new SeededRandom(9);
    const params = Float64Array.from({ length: size }, () => random.normal());
    const velocity = Float64Array.from({ length: size }, () => random.normal() * 0.01);
    const gradient = Float64Array.from({ length: size }, () => random.normal() * 0.1);
    const [before, weightsBefore] = [velocity.slice(), params.slice()];
    const settings = { learningRate: 0.03, momentum: 0.9, weightDecay: 5e-4 };
    sgdMomentumStep(params, gradient, velocity, settings);
    const stats = layerTrainingStats(options, {
      velocityBefore: before,
      paramsAfter: params,
      velocityAfter: velocity,
      learningRate: settings.learningRate,
      momentum: settings.momentum,
    });
    const total = gradient.map((g, i) => g + settings.weightDecay * weightsBefore[i]);
    const [g, v, w] = [layerNorms(options, total), layerNorms(options, velocity), layerNorms(options, weightsBefore)];
    expect(stats.map((s) => s.layer)).toEqual([...g.keys()]);
    for (const s of stats) {
      expectClose(s.gradientNorm, g.get(s.layer)!, `${s.layer} gradient`, 1e-9);
      expectClose(s.velocityNorm, v.get(s.layer)!, `${s.layer} velocity`, 1e-12);
      expectClose(s.updateRatio, v.get(s.layer)! / w.get(s.layer)!, `${s.layer} update ratio`, 1e-9);
    }
  });
});

describe('measuredStep', () => {
  it('measures a WebAssembly step with learned combinations: the gradient with weight decay and the entropy penalty', async () => {
    const settings: TrainingSettings = {
      seed: 3,
      batchSize: 16,
      learningRate: 0.05,
      schedule: 'constant',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 5e-3,
      augment: false,
      alphaPenalty: 'entropy',
      alphaLambda: 0.5,
    };
    const trainer = WasmTrainer.fromSeed(LEARNED, settings, train);
    for (let s = 0; s < 3; s++) trainer.trainBatch(); // a velocity that is not zero, logits no longer equal
    const network = trainer.network;
    const backend = {
      snapshot: async () => ({ params: network.parameters(), velocity: network.velocity() }),
      trainStep: (h: { learningRate: number; momentum: number; weightDecay: number; alphaLambda?: number }) => {
        trainer.trainBatch(h.learningRate, h);
        return null as never;
      },
      settle: async () => {},
    } as unknown as ComputeBackend;
    const weightsBefore = network.parameters();
    const hyperparameters = { learningRate: 0.05, momentum: 0.9, weightDecay: 5e-3, alphaLambda: 0.5 };
    const { stats } = await measuredStep(backend, hyperparameters, LEARNED, async () => {});
    // The step's loss gradient and penalty are still in the network's gradient buffer; weight decay is added here.
    const total = Float64Array.from(network.gradients(), (g, i) => g + 5e-3 * weightsBefore[i]);
    const want = layerNorms(LEARNED, total);
    expect(stats.map((s) => s.layer)).toEqual(['c1', 'c3', 'c5', 'f6', 'output']);
    for (const s of stats) expectClose(s.gradientNorm, want.get(s.layer)!, `${s.layer} gradient`, 1e-3);
  });
});

describe('the training pump reports layerStats', () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it.each([
    ['cpu', 64],
    ['wasm', 64],
    ['cpu', 1],
    ['wasm', 1],
  ] as const)('on the %s engine at batch %i', async (backend, batchSize) => {
    const client = inProcessEngine(stops);
    const events: EngineEvent[] = [];
    client.subscribe((e) => events.push(e));
    await client.start(backend, 1);
    const params = initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), 1) as Float32Array;
    await client.loadWeights(DEFAULT_ARCHITECTURE, params);
    // Copies: the sets' arrays are transferred to the worker.
    await client.setDataset(mnistSubset(allTrain, 256, true), mnistSubset(allTest, 100, true));
    const settings: TrainingSettings = {
      seed: 2,
      batchSize,
      learningRate: 0.01,
      schedule: 'constant',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 0,
      augment: false,
    };
    client.train(settings, 0, 0); // opens the run without pumping it
    const stepped = await client.request({ type: 'step', batches: 2 }, 'stepped');
    const expectStats = (stats: readonly LayerTrainingStats[] | undefined) => {
      expect(stats?.map((s) => s.layer)).toEqual(['c1', 'c3', 'c5', 'f6', 'output']);
      for (const s of stats!) {
        expect(s.gradientNorm, `${s.layer} gradient`).toBeGreaterThan(0);
        expect(s.velocityNorm, `${s.layer} velocity`).toBeGreaterThan(0);
        expect(s.updateRatio, `${s.layer} update ratio`).toBeGreaterThan(0);
        expect(s.updateRatio, `${s.layer} update ratio`).toBeLessThan(1);
      }
    };
    expect(stepped.progress.step).toBe(2);
    expect(stepped.progress.imagesDone).toBe(2 * batchSize);
    expect(Number.isFinite(stepped.progress.loss)).toBe(true);
    expectStats(stepped.progress.layerStats);
    // A pumped run: its reports carry the figures of the step before each.
    client.train(settings, 0, 1);
    const done = await until(
      events,
      (e) => e.type === 'progressReported' && e.progress.status === 'paused' && e.progress.epoch >= 1,
    );
    if (done.type !== 'progressReported') throw new Error('unreachable');
    expect(done.progress.imagesDone).toBe(train.count);
    expectStats(done.progress.layerStats);
    if (backend === 'cpu' && batchSize === 1) {
      // Online updates are slow enough here for reports mid-run: each gives its measured step's own loss too.
      const stepLosses = events.flatMap((e) =>
        e.type === 'progressReported' && e.progress.stepLoss !== undefined ? [e.progress.stepLoss] : [],
      );
      expect(stepLosses.length).toBeGreaterThan(0);
      for (const loss of stepLosses) expect(loss).toBeGreaterThan(0);
    }
  });
});
