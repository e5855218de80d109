/**
 * WebAssembly training on real MNIST against the reference trainer from the same seed: the same
 * batches and distortions (BatchPlanner), each of 20 steps at batch 32 taken from the reference's
 * weights leaving every weight within 1e-5 of the reference's; the same evaluation; two threads as one;
 * and the backend's bookkeeping (statistics, resume).
 */
import { describe, expect, it } from 'vitest';
import type { TrainingSettings } from '../../../src/engine/batchPlan';
import { DEFAULT_ELASTIC } from '../../../src/engine/data/elastic';
import { mnistSubset } from '../../../src/engine/data/mnistInput';
import { evaluateNetwork } from '../../../src/engine/evaluate';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { DEFAULT_ARCHITECTURE } from '../../../src/engine/model/lenet5';
import { ReferenceTrainer } from '../../../src/engine/referenceTrainer';
import { evaluateWasm } from '../../../src/engine/wasm/wasmReadout';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { WasmTrainer } from '../../../src/engine/wasm/wasmTrainer';
import { startNodeHelper } from '../../../scripts/nodeWasmHelper';
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

  it('takes each of 20 steps as the reference does, from its weights (every weight within 1e-5)', () => {
    const trainer = WasmTrainer.fromSeed(DEFAULT_ARCHITECTURE, settings, train);
    const reference = new ReferenceTrainer(DEFAULT_ARCHITECTURE, settings, train);
    for (let s = 1; s <= 20; s++) {
      // Each step starts from the reference's weights and momentum, so one step's arithmetic is compared and
      // not a trajectory: along one, float32 and float64 part at the first near-tie (a ReLU or a max-pooling
      // window decided the other way), after which the runs drift like two SGD runs. Within one step such a
      // tie moves a weight by the learning rate times one window's share of its gradient (measured: 2.4e-6).
      trainer.network.load(DEFAULT_ARCHITECTURE, reference.network.params, reference.velocity);
      const got = trainer.trainBatch();
      const want = reference.trainBatch();
      expect(Math.abs(got.loss - want.loss), `loss at step ${s}`).toBeLessThanOrEqual(1e-6 * (1 + want.loss));
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

const LEARNED: ArchitectureOptions = { ...DEFAULT_ARCHITECTURE, c3Connectivity: 'learned' };

describe.each([
  { name: 'learned combinations with the entropy penalty', options: LEARNED, batchSize: 32, alphaLambda: 0.05 },
  { name: 'online updates (batch 1)', options: DEFAULT_ARCHITECTURE, batchSize: 1, alphaLambda: undefined },
  { name: 'learned combinations, online', options: LEARNED, batchSize: 1, alphaLambda: 0.05 },
])('WebAssembly training: $name', ({ options, batchSize, alphaLambda }) => {
  it('takes each of 20 steps as the reference trainer does, from its weights (every weight within 1e-5)', () => {
    const settings: TrainingSettings = {
      seed: 5,
      batchSize,
      learningRate: 0.05,
      schedule: 'cosine',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 5e-4,
      augment: true,
      ...(alphaLambda === undefined ? {} : { alphaPenalty: 'entropy' as const, alphaLambda }),
    };
    const trainer = WasmTrainer.fromSeed(options, settings, train);
    const reference = new ReferenceTrainer(options, settings, train);
    for (let s = 1; s <= 20; s++) {
      trainer.network.load(options, reference.network.params, reference.velocity);
      // From step 10 the live λ (Hyperparameters.alphaLambda) doubles on both.
      const overrides = alphaLambda !== undefined && s >= 10 ? { alphaLambda: 2 * alphaLambda } : {};
      const got = trainer.trainBatch(trainer.learningRate(), overrides);
      const want = reference.trainBatch(reference.learningRate(), overrides);
      expect(got.images).toBe(batchSize);
      expect(Math.abs(got.loss - want.loss), `loss at step ${s}`).toBeLessThanOrEqual(1e-6 * (1 + want.loss));
      expect(got.correct, `correct at step ${s}`).toBe(want.correct);
      expect(
        worstDifference(trainer.network.parameters(), reference.network.params),
        `weights at step ${s}`,
      ).toBeLessThanOrEqual(1e-5);
      expect(
        worstDifference(trainer.network.velocity(), reference.velocity),
        `velocity at step ${s}`,
      ).toBeLessThanOrEqual(1e-6);
    }
  });
});

describe.each([
  ['the default architecture', DEFAULT_ARCHITECTURE],
  ['learned combinations', LEARNED],
] as const)('WebAssembly training on two threads (%s)', (_, architecture) => {
  it('trains the second half of each batch on a helper thread, as one thread does (every weight within 1e-6, 10 steps)', async () => {
    const settings: TrainingSettings = {
      seed: 2,
      batchSize: 32,
      learningRate: 0.05,
      schedule: 'constant',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 5e-4,
      augment: true,
      elastic: DEFAULT_ELASTIC,
      ...(architecture === LEARNED ? { alphaPenalty: 'entropy' as const, alphaLambda: 0.05 } : {}),
    };
    const shared = WasmNetwork.create(startNodeHelper);
    for (let wait = 0; shared.threads < 2 && wait < 200; wait++) await new Promise((r) => setTimeout(r, 50));
    expect(shared.threads).toBe(2);
    const two = WasmTrainer.fromSeed(architecture, settings, train, shared);
    const one = WasmTrainer.fromSeed(architecture, settings, train);
    for (let s = 1; s <= 10; s++) {
      // From the same weights each step: the threads change only the order the gradients are summed in.
      shared.load(architecture, one.network.parameters(), one.network.velocity());
      const got = two.trainBatch();
      const want = one.trainBatch();
      expect(got.correct, `correct at step ${s}`).toBe(want.correct);
      expect(Math.abs(got.loss - want.loss), `loss at step ${s}`).toBeLessThanOrEqual(1e-6 * (1 + want.loss));
      expect(worstDifference(shared.parameters(), one.network.parameters()), `step ${s}`).toBeLessThanOrEqual(1e-6);
    }
    expect(shared.threads).toBe(2);
    shared.dispose();
    expect(shared.threads).toBe(1);
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
