/**
 * The runs shipped in public/models: the modern one (ReLU, max pooling, trained with affine and elastic
 * distortions), the classic 1998 LeNet-5 (LeCun's tanh, trainable subsampling, the C3 table) and the modern one
 * with learned c3 combinations made sparse by the entropy penalty (α then as sparse as LeCun's table). Each loads,
 * has its history (every epoch, or every `saveEvery` as its manifest says), meets its error bound, and its
 * precomputed test-set predictions are the reference engine's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateNetwork } from '../src/engine/evaluate';
import { combinationWeights, inputsAbove } from '../src/engine/model/learnedCombination';
import { lenet5Layers } from '../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../src/engine/model/parameters';
import { computePredictions, predictionsAccuracy } from '../src/engine/model/predictions';
import { loadRun } from '../src/engine/model/runLoader';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';
import { confusionMatrix } from '../src/store/explorerData';
import { loadMnistSplit } from '../scripts/mnistFiles';

const test = loadMnistSplit('test');
const load = async (name: string) => {
  const dir = join(import.meta.dirname, '..', 'public', 'models', name);
  return loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
};

const RUNS = [
  {
    name: 'lenet5-default',
    options: { activation: 'relu', pooling: 'max', c3Connectivity: 'full', loss: 'softmax-cross-entropy' },
    maxError: 0.005,
    minWhole: 16,
    elastic: true,
  },
  {
    name: 'lenet5-classic',
    options: { activation: 'tanh', pooling: 'subsample', c3Connectivity: 'lenet5' },
    maxError: 0.01,
    minWhole: 12,
    elastic: false,
  },
  {
    name: 'lenet5-learned',
    options: { activation: 'relu', pooling: 'max', c3Connectivity: 'learned', loss: 'softmax-cross-entropy' },
    maxError: 0.01,
    minWhole: 16,
    elastic: true,
  },
] as const;

describe('the shipped run lenet5-learned', () => {
  it('learned sparse combinations with the entropy penalty: on average at most 4 inputs per c3 map with α ≥ 0.05', async () => {
    const run = await load('lenet5-learned');
    const training = (run.manifest as typeof run.manifest & { training: { alphaPenalty: string; alphaLambda: number } })
      .training;
    expect(training.alphaPenalty).toBe('entropy');
    expect(training.alphaLambda).toBeGreaterThan(0);
    const logits = tensorSpec(parameterLayout(lenet5Layers(run.manifest.architecture)), 'c3.alphaLogits');
    const inputs = (params: Float32Array) =>
      inputsAbove(combinationWeights(params.subarray(logits.offset, logits.offset + logits.size), 16, 6), 16, 6);
    const mean = (counts: number[]) => counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean(inputs(run.checkpoints[0]))).toBe(6); // epoch 0: α uniform, 1/6 each
    const last = inputs(run.checkpoints[run.checkpoints.length - 1]);
    expect(Math.min(...last)).toBeGreaterThanOrEqual(1);
    expect(mean(last)).toBeLessThanOrEqual(4);
  });
});

describe.each(RUNS)('the shipped run $name', ({ name, options, maxError, minWhole, elastic }) => {
  const loaded = load(name);

  it('has the architecture it claims, trained with distortions, checkpoints from epoch 0 (at least 16)', async () => {
    const run = await loaded;
    const { architecture, training } = run.manifest as typeof run.manifest & {
      training: { augment: boolean; elastic?: unknown; epochs: number; saveEvery?: number; command?: string };
    };
    expect(architecture).toMatchObject(options);
    expect(training.augment).toBe(true);
    expect(Boolean(training.elastic)).toBe(elastic);
    if (elastic) expect(training.command).toMatch(/^npm run train -- .*--elastic/);
    const epochs = run.manifest.checkpoints.map((c) => c.epoch);
    expect(epochs.length).toBeGreaterThanOrEqual(16);
    // Every epoch, or (with --save-every N) epoch 1, every N-th and the last.
    const every = training.saveEvery ?? 1;
    const saved = Array.from({ length: training.epochs }, (_, i) => i + 1).filter(
      (e) => e === 1 || e % every === 0 || e === training.epochs,
    );
    const whole = epochs.filter(Number.isInteger);
    expect(whole).toEqual([0, ...saved]);
    expect(whole.length).toBeGreaterThanOrEqual(minWhole);
    expect(epochs.filter((e) => !Number.isInteger(e))).toEqual([0.0625, 0.125, 0.25, 0.5]);
    expect(run.manifest.checkpoints[0].testAccuracy).toBeLessThan(0.2); // epoch 0 is the untrained network
  });

  it("recomputes the final checkpoint's test accuracy exactly as the manifest states it, within its error bound", async () => {
    const run = await loaded;
    const last = run.manifest.checkpoints.length - 1;
    const network = new ReferenceNetwork(
      lenet5Layers(run.manifest.architecture),
      run.manifest.architecture.loss,
      run.checkpoints[last],
    );
    // One pass over the 10,000 test images: the reference engine's predictions give the accuracy (evaluateNetwork's argmax rule).
    const recomputed = computePredictions(network, test);
    expect(recomputed.images).toBe(10000);
    const accuracy = predictionsAccuracy(recomputed, test.labels);
    expect(accuracy).toBe(run.manifest.checkpoints[last].testAccuracy);
    expect(1 - accuracy).toBeLessThanOrEqual(maxError);
    expect(evaluateNetwork(network, { count: 500, images: test.images, labels: test.labels }, 500, 500).accuracy).toBe(
      predictionsAccuracy({ ...recomputed, images: 500 }, test.labels),
    );
    // The shipped predictions are the reference engine's: the same digits, the same confusion matrix.
    const shipped = run.predictions[last]!;
    expect(Array.from(shipped.predicted)).toEqual(Array.from(recomputed.predicted));
    expect(confusionMatrix(shipped, test.labels)).toEqual(confusionMatrix(recomputed, test.labels));
  });

  it("ships every checkpoint's predictions on all 10,000 test images, agreeing with its stated accuracy", async () => {
    const run = await loaded;
    run.manifest.checkpoints.forEach((checkpoint, i) => {
      const predictions = run.predictions[i];
      expect(predictions?.images, `${checkpoint.file}`).toBe(10000);
      expect(predictionsAccuracy(predictions!, test.labels), `${checkpoint.file}`).toBe(checkpoint.testAccuracy);
    });
  });
});
