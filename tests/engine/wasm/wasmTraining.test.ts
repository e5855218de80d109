/**
 * WebAssembly training on real MNIST against the reference trainer from the same seed: the same
 * batches and distortions (BatchPlanner), every weight within 1e-5 of the reference after each of
 * 20 steps at batch 32; the same evaluation; and the backend's bookkeeping (statistics, resume).
 */
import { describe, expect, it } from 'vitest';
import type { TrainingSettings } from '../../../src/engine/batchPlan';
import { DEFAULT_ELASTIC } from '../../../src/engine/data/elastic';
import { mnistSubset } from '../../../src/engine/data/mnistInput';
import { evaluateNetwork } from '../../../src/engine/evaluate';
import { DEFAULT_ARCHITECTURE } from '../../../src/engine/model/lenet5';
import { ReferenceTrainer } from '../../../src/engine/referenceTrainer';
import { evaluateWasm } from '../../../src/engine/wasm/wasmReadout';
import { WasmTrainer } from '../../../src/engine/wasm/wasmTrainer';
import { WasmBackend } from '../../../src/worker/wasmBackend';
import { loadMnistSplit } from '../../../scripts/mnistFiles';

const train = mnistSubset(loadMnistSplit('train'), 20 * 32);
const test = mnistSubset(loadMnistSplit('test'), 300);

function worstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe.each([
  { distortions: 'none', augment: false, elastic: null },
  { distortions: 'affine', augment: true, elastic: null },
  { distortions: 'elastic', augment: false, elastic: DEFAULT_ELASTIC },
  { distortions: 'affine and elastic', augment: true, elastic: DEFAULT_ELASTIC },
])('WebAssembly training on MNIST (distortions: $distortions)', ({ augment, elastic }) => {
  const settings: TrainingSettings = {
    seed: 1,
    batchSize: 32,
    learningRate: 0.05,
    schedule: 'cosine',
    epochs: 1,
    momentum: 0.9,
    weightDecay: 5e-4,
    augment,
    elastic,
  };

  it('follows the reference step by step from the same seed (every weight within 1e-5 for 20 steps)', () => {
    const trainer = WasmTrainer.fromSeed(DEFAULT_ARCHITECTURE, settings, train);
    const reference = new ReferenceTrainer(DEFAULT_ARCHITECTURE, settings, train);
    for (let s = 1; s <= 20; s++) {
      const got = trainer.trainBatch();
      const want = reference.trainBatch();
      expect(Math.abs(got.loss - want.loss), `loss at step ${s}`).toBeLessThanOrEqual(1e-5 * (1 + want.loss));
      expect(got.correct, `correct at step ${s}`).toBe(want.correct);
      expect(
        worstDifference(trainer.network.parameters(), reference.network.params),
        `weights at step ${s}`,
      ).toBeLessThanOrEqual(1e-5);
    }
    const got = evaluateWasm(trainer.network, test);
    const want = evaluateNetwork(reference.network, test);
    expect(got.correct).toBe(want.correct);
    expect(Math.abs(got.loss - want.loss)).toBeLessThanOrEqual(1e-4 * (1 + want.loss));
  });
});

describe('the wasm backend', () => {
  it('trains through the backend interface, reports statistics, and resumes a run where it left off', async () => {
    const settings: TrainingSettings = {
      seed: 4,
      batchSize: 16,
      learningRate: 0.05,
      schedule: 'constant',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 0,
      augment: true,
    };
    const hyper = { learningRate: 0.05, momentum: 0.9, weightDecay: 0 };
    const straight = WasmTrainer.fromSeed(DEFAULT_ARCHITECTURE, settings, train);
    const initial = straight.network.parameters();
    for (let s = 0; s < 6; s++) straight.trainBatch(0.05);

    const backend = new WasmBackend();
    backend.load(DEFAULT_ARCHITECTURE, initial, null);
    backend.beginTraining(train, settings, 0);
    for (let s = 0; s < 3; s++) backend.trainStep(hyper);
    const stats = await backend.readStatistics();
    expect(stats!.images).toBe(48);
    expect(await backend.readStatistics()).toBeNull();
    const { params, velocity } = await backend.snapshot();
    const resumed = new WasmBackend();
    resumed.load(DEFAULT_ARCHITECTURE, params, velocity);
    resumed.beginTraining(train, settings, 3);
    for (let s = 0; s < 3; s++) resumed.trainStep(hyper);
    expect(Array.from(resumed.parameters())).toEqual(Array.from(straight.network.parameters()));
    const evaluation = await resumed.evaluate(test, 100);
    expect(evaluation.images).toBe(100);
    expect(evaluation.accuracy).toBeGreaterThan(0.2);
  });
});
