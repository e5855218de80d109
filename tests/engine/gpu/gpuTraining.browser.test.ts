/**
 * GPU training on real MNIST against the reference engine from the same seed, and the properties
 * a long run needs: no synchronous readback per step, asynchronous statistics, flat texture count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distortInput, IDENTITY_DISTORTION, randomDistortion, type Distortion } from '../../../src/engine/data/distort';
import { DEFAULT_ELASTIC, ELASTIC_SEED_LIMIT } from '../../../src/engine/data/elastic';
import { fetchMnist } from '../../../src/engine/data/mnistFetch';
import { mnistBatch, mnistSubset, mnistToInput, type MnistSet } from '../../../src/engine/data/mnistInput';
import { BatchPlanner } from '../../../src/engine/batchPlan';
import { SeededRandom } from '../../../src/engine/model/random';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { evaluateNetwork } from '../../../src/engine/evaluate';
import { createComputeContext } from '../../../src/engine/gpu/glContext';
import { GpuNetwork } from '../../../src/engine/gpu/gpuNetwork';
import { distortionTexel, elasticTexel, elasticUniforms } from '../../../src/engine/gpu/kernels/dataKernels';
import { evaluateOnGpu, GpuTrainer, uploadDataset } from '../../../src/engine/gpu/gpuTrainer';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { initialParameters } from '../../../src/engine/model/initialize';
import { ReferenceTrainer, type TrainingSettings } from '../../../src/engine/referenceTrainer';

const LEARNED: ArchitectureOptions = { ...DEFAULT_ARCHITECTURE, c3Connectivity: 'learned' };
const waitTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let train: MnistSet;
let test: MnistSet;
const { gl } = createComputeContext();
beforeAll(async () => ({ train, test } = await fetchMnist('/data')));
afterAll(() => gl.getExtension('WEBGL_lose_context')?.loseContext());

describe('the batch gather kernel', () => {
  it('builds the same inputs as the reference: plain, affine, elastic and both (|gpu - ref| <= 1e-4)', () => {
    const network = new GpuNetwork(gl, DEFAULT_ARCHITECTURE);
    const data = mnistSubset(train, 500);
    const dataset = uploadDataset(network, data);
    const random = new SeededRandom(9);
    const indices = [0, 7, 499, 123];
    const buffers = network.buffers(indices.length);
    const modes = [
      { affine: false, elastic: false },
      { affine: true, elastic: false },
      { affine: false, elastic: true },
      { affine: true, elastic: true },
    ];
    for (const mode of modes) {
      const distortions = indices.map((): Distortion | null => {
        if (!mode.affine && !mode.elastic) return null;
        const affine = mode.affine ? randomDistortion(random) : IDENTITY_DISTORTION;
        const seed = random.int(ELASTIC_SEED_LIMIT);
        return mode.elastic ? { ...affine, elastic: { ...DEFAULT_ELASTIC, seed } } : affine;
      });
      const items = new Float32Array(indices.length * 4);
      const params = new Float32Array(indices.length * 2 * 4);
      indices.forEach((image, b) => {
        items.set([data.labels[image], image], b * 4);
        const d = distortions[b];
        if (d) params.set(distortionTexel(d), b * 4);
        if (d) params.set(elasticTexel(d), (indices.length + b) * 4);
      });
      network.pool.upload(buffers.labels, items);
      network.pool.upload(buffers.distortion, params);
      const planned = distortions.every((d) => d) ? (distortions as Distortion[]) : null;
      const elastic = elasticUniforms(planned);
      if (mode.elastic) {
        network.runner.run(network.programs.elasticRows, [buffers.distortion], [buffers.elasticRows], {
          radius: elastic.radius,
          sigma: elastic.sigma,
        });
      }
      network.runner.run(
        network.programs.gather,
        [dataset, buffers.labels, buffers.distortion, buffers.elasticRows],
        [buffers.layers[0].out],
        { augment: planned ? 1 : 0, ...elastic },
      );
      const expected = new Float32Array(indices.length * 1024);
      const plain = new Float32Array(indices.length * 1024);
      indices.forEach((image, b) => mnistToInput(data.images, image, plain, b * 1024));
      indices.forEach((_, b) => {
        const d = distortions[b];
        if (d) distortInput(plain, expected, b * 1024, d);
        else expected.set(plain.subarray(b * 1024, (b + 1) * 1024), b * 1024);
      });
      const gpu = network.readLayer(buffers, 0, 'out');
      let worst = 0,
        changed = 0;
      gpu.forEach((v, i) => {
        worst = Math.max(worst, Math.abs(v - expected[i]));
        changed = Math.max(changed, Math.abs(plain[i] - expected[i]));
      });
      expect(worst, JSON.stringify(mode)).toBeLessThanOrEqual(1e-4);
      // The distortion moved the ink (so the comparison above compares something).
      expect(changed, JSON.stringify(mode)).toBeGreaterThan(mode.affine || mode.elastic ? 0.2 : -1);
    }
    network.pool.release(dataset);
    network.dispose();
  });
});

describe('GPU training on MNIST', () => {
  const settings: TrainingSettings = {
    seed: 1,
    batchSize: 32,
    learningRate: 0.05,
    schedule: 'constant',
    epochs: 1,
    momentum: 0.9,
    weightDecay: 0,
    augment: false,
  };
  const steps = 200;

  it('follows the reference step by step from the same seed (every weight within 1e-5 for 20 steps)', () => {
    const data = mnistSubset(train, 20 * settings.batchSize);
    const network = new GpuNetwork(gl, DEFAULT_ARCHITECTURE);
    network.setParameters(initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), settings.seed) as Float32Array);
    const trainer = new GpuTrainer(network, data, settings);
    const reference = new ReferenceTrainer(DEFAULT_ARCHITECTURE, settings, data);
    for (let s = 1; s <= 20; s++) {
      trainer.step();
      reference.trainBatch();
      const gpu = network.readParameters(),
        ref = reference.network.params;
      let worst = 0;
      for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(gpu[i] - ref[i]));
      expect(worst, `step ${s}`).toBeLessThanOrEqual(1e-5);
    }
    trainer.dispose();
    network.dispose();
  });

  it.each([
    { name: 'learned combinations with the entropy penalty', options: LEARNED, batchSize: 32, alphaLambda: 0.05 },
    { name: 'online updates (batch 1)', options: DEFAULT_ARCHITECTURE, batchSize: 1, alphaLambda: undefined },
    { name: 'learned combinations, online', options: LEARNED, batchSize: 1, alphaLambda: 0.05 },
  ])(
    '$name: each of 20 steps from the reference weights as the reference takes it (every weight within 1e-5)',
    ({ options, batchSize, alphaLambda }) => {
      const run: TrainingSettings = {
        ...settings,
        batchSize,
        augment: true,
        weightDecay: 5e-4,
        ...(alphaLambda === undefined ? {} : { alphaPenalty: 'entropy' as const, alphaLambda }),
      };
      const data = mnistSubset(train, 20 * 32);
      const network = new GpuNetwork(gl, options);
      const trainer = new GpuTrainer(network, data, run);
      const reference = new ReferenceTrainer(options, run, data);
      for (let s = 1; s <= 20; s++) {
        network.setParameters(Float32Array.from(reference.network.params), reference.velocity);
        const readbacks = network.runner.counters.syncReadbacks;
        // From step 10 the live λ (Hyperparameters.alphaLambda) doubles on both.
        const overrides = alphaLambda !== undefined && s >= 10 ? { alphaLambda: 2 * alphaLambda } : {};
        expect(trainer.step(0.05, overrides).indices.length).toBe(batchSize);
        reference.trainBatch(0.05, overrides);
        // Learned combinations read c3's gradient back once per step; other architectures never.
        expect(network.runner.counters.syncReadbacks - readbacks).toBe(options === LEARNED ? 1 : 0);
        const gpu = network.readParameters(),
          ref = reference.network.params;
        let worst = 0;
        for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(gpu[i] - ref[i]));
        expect(worst, `step ${s}`).toBeLessThanOrEqual(1e-5);
      }
      trainer.dispose();
      network.dispose();
    },
  );

  it('trains on the same distorted images as the reference (affine and elastic, |gpu - ref| <= 1e-4 every step)', () => {
    // The GPU distorts in float32 (the reference in float64), so its inputs differ by up to ~1e-6 and a
    // near-tie in a later step may go the other way; what must hold is that every step sees the same images.
    const distorted = { ...settings, augment: true, elastic: DEFAULT_ELASTIC };
    const data = mnistSubset(train, 20 * settings.batchSize);
    const network = new GpuNetwork(gl, DEFAULT_ARCHITECTURE);
    network.setParameters(initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), settings.seed) as Float32Array);
    const trainer = new GpuTrainer(network, data, distorted);
    const planner = new BatchPlanner(data.count, distorted);
    const plain = new Float32Array(settings.batchSize * 1024);
    const expected = new Float32Array(settings.batchSize * 1024);
    for (let s = 1; s <= 20; s++) {
      const batch = trainer.step();
      const planned = planner.next();
      expect(Array.from(batch.indices)).toEqual(Array.from(planned.indices));
      mnistBatch(data, planned.indices, plain, new Uint8Array(settings.batchSize));
      planned.distortions!.forEach((d, b) => distortInput(plain, expected, b * 1024, d));
      const gpu = network.readLayer(network.buffers(settings.batchSize), 0, 'out');
      let worst = 0;
      gpu.forEach((v, i) => {
        worst = Math.max(worst, Math.abs(v - expected[i]));
      });
      expect(worst, `step ${s}`).toBeLessThanOrEqual(1e-4);
    }
    trainer.dispose();
    network.dispose();
  });

  it('lowers the loss as the reference does from the same seed, with no synchronous readback', async () => {
    const data = mnistSubset(train, steps * settings.batchSize);
    const network = new GpuNetwork(gl, DEFAULT_ARCHITECTURE);
    network.setParameters(initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), settings.seed) as Float32Array);
    const trainer = new GpuTrainer(network, data, settings);
    const gpuLosses: number[] = [];
    const started = performance.now();
    for (let s = 0; s < steps; s++) {
      const readbacks = network.runner.counters.syncReadbacks;
      const draws = network.runner.counters.draws;
      trainer.step();
      expect(network.runner.counters.syncReadbacks).toBe(readbacks);
      expect(network.runner.counters.draws - draws).toBeLessThanOrEqual(30);
      if (s % 50 === 49) gpuLosses.push((await trainer.statistics.read(waitTurn))!.loss);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`GPU: ${((steps * settings.batchSize) / seconds).toFixed(0)} images/s at batch ${settings.batchSize}`);

    const reference = new ReferenceTrainer(DEFAULT_ARCHITECTURE, settings, data);
    const refLosses: number[] = [];
    let sum = 0;
    for (let s = 0; s < steps; s++) {
      sum += reference.trainBatch().loss;
      if (s % 50 === 49) {
        refLosses.push(sum / 50);
        sum = 0;
      }
    }
    console.log(
      `loss per 50 steps, GPU ${gpuLosses.map((l) => l.toFixed(3))} reference ${refLosses.map((l) => l.toFixed(3))}`,
    );
    expect(gpuLosses[3]).toBeLessThan(gpuLosses[0] / 2.5);
    // Past the steps checked one by one above, float32 and float64 sums part at the first near-tie
    // (a max-pooling window or a ReLU at ~0 decided the other way) and the two runs then drift
    // apart like any two SGD runs. Measured on the reference itself: scaling its initial weights
    // by 1 + 1e-5 sin(7.1 i) moved its loss windows from 1.278 0.425 0.242 0.269 to 1.294 0.478
    // 0.282 0.300 and its held-back accuracy from 0.934 to 0.918. So: the first window close,
    // then the same learning, not the same trajectory.
    expect(Math.abs(gpuLosses[0] - refLosses[0]) / refLosses[0], 'window 0').toBeLessThan(0.02);
    expect(gpuLosses[3], 'last window').toBeLessThan(refLosses[3] * 1.5);

    const heldBack = mnistSubset(test, 1000);
    const dataset = uploadDataset(network, heldBack);
    const gpuEval = await evaluateOnGpu(network, dataset, heldBack, waitTurn);
    network.pool.release(dataset);
    const refEval = evaluateNetwork(reference.network, heldBack);
    console.log(`held-back accuracy: GPU ${gpuEval.accuracy}, reference ${refEval.accuracy}`);
    expect(gpuEval.accuracy).toBeGreaterThan(0.87);
    expect(Math.abs(gpuEval.accuracy - refEval.accuracy)).toBeLessThan(0.06);

    // The GPU evaluation agrees with the reference engine run on the GPU's own weights.
    const sameWeights = new ReferenceTrainer(DEFAULT_ARCHITECTURE, settings, data, network.readParameters());
    const sameEval = evaluateNetwork(sameWeights.network, heldBack);
    expect(gpuEval.accuracy).toBeCloseTo(sameEval.accuracy, 2);
    expect(gpuEval.loss).toBeCloseTo(sameEval.loss, 3);
    trainer.dispose();
    network.dispose();
  });
});
