import { describe, expect, it } from 'vitest';
import { mnistSubset } from '../../src/engine/data/mnistInput';
import { evaluateNetwork } from '../../src/engine/evaluate';
import { combinationWeights, type AlphaPenalty } from '../../src/engine/model/learnedCombination';
import { DEFAULT_ARCHITECTURE } from '../../src/engine/model/lenet5';
import { tensorSpec } from '../../src/engine/model/parameters';
import { ReferenceTrainer } from '../../src/engine/referenceTrainer';
import { loadMnistSplit } from '../../scripts/mnistFiles';

describe('a short training run on real MNIST', () => {
  it('lowers the loss and passes 90% on held-back test images', () => {
    const train = loadMnistSplit('train');
    const test = loadMnistSplit('test');
    const slice = mnistSubset(train, 8000);
    const trainer = new ReferenceTrainer(
      DEFAULT_ARCHITECTURE,
      {
        seed: 1,
        batchSize: 32,
        learningRate: 0.05,
        schedule: 'constant',
        epochs: 1,
        momentum: 0.9,
        weightDecay: 0,
        augment: false,
      },
      slice,
    );
    const heldBack = mnistSubset(test, 1000);
    const before = evaluateNetwork(trainer.network, heldBack);
    const losses: number[] = [];
    trainer.trainEpoch((p) => losses.push(p.meanLoss)); // 250 steps of 32
    expect(losses).toHaveLength(250);
    const after = evaluateNetwork(trainer.network, heldBack);
    expect(after.loss).toBeLessThan(before.loss / 5);
    expect(before.accuracy).toBeLessThan(0.2);
    expect(after.accuracy).toBeGreaterThan(0.9);
  });

  it('is deterministic: the same seed gives the same weights', () => {
    const train = loadMnistSplit('train');
    const slice = mnistSubset(train, 256);
    const settings = {
      seed: 4,
      batchSize: 64,
      learningRate: 0.05,
      schedule: 'cosine',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 1e-4,
      augment: true,
    } as const;
    const run = () => {
      const trainer = new ReferenceTrainer(DEFAULT_ARCHITECTURE, settings, slice);
      trainer.trainEpoch();
      return trainer.network.params;
    };
    expect(run()).toEqual(run());
  });

  it('trains learned combinations with a penalty on the logits: l1 changes nothing, entropy sharpens α; the loss reported is the data loss', () => {
    const slice = mnistSubset(loadMnistSplit('train'), 192);
    const options = { ...DEFAULT_ARCHITECTURE, c3Connectivity: 'learned' } as const;
    const settings = {
      seed: 5,
      batchSize: 32,
      learningRate: 0.05,
      schedule: 'constant',
      epochs: 1,
      momentum: 0.9,
      weightDecay: 0,
      augment: false,
    } as const;
    const logits = (trainer: ReferenceTrainer) => {
      const spec = tensorSpec(trainer.network.layout, 'c3.alphaLogits');
      return trainer.network.params.subarray(spec.offset, spec.offset + spec.size);
    };
    const run = (alphaPenalty: AlphaPenalty, alphaLambda: number, liveLambda?: number) => {
      const trainer = new ReferenceTrainer(options, { ...settings, alphaPenalty, alphaLambda }, slice);
      const losses: number[] = [];
      for (let step = 0; step < 6; step++)
        losses.push(trainer.trainBatch(0.05, liveLambda === undefined ? {} : { alphaLambda: liveLambda }).loss);
      const alpha = combinationWeights(logits(trainer), 16, 6);
      let entropy = 0;
      for (const a of alpha) entropy -= a * Math.log(a);
      return { trainer, losses, entropy: entropy / 16 };
    };
    const none = run('none', 0);
    const l1 = run('l1', 1);
    const entropy = run('entropy', 0.5);
    const switchedOff = run('entropy', 0.5, 0);
    const worst = (a: ArrayLike<number>, b: ArrayLike<number>) =>
      Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));
    expect(Math.max(...Array.from(logits(none.trainer), Math.abs))).toBeGreaterThan(1e-5); // the data moves the logits
    expect(worst(logits(l1.trainer), logits(none.trainer))).toBeLessThan(1e-6);
    expect(worst(logits(switchedOff.trainer), logits(none.trainer))).toBe(0); // a live λ of 0 switches it off
    // H is highest at the uniform α the logits start from, where its gradient is 0: it acts once the data has
    // moved α, so over 6 steps its effect is small, but present.
    expect(worst(logits(entropy.trainer), logits(none.trainer))).toBeGreaterThan(1e-4);
    expect(entropy.entropy, `${entropy.entropy} vs ${none.entropy}`).toBeLessThan(none.entropy);
    expect(entropy.losses[0]).toBe(none.losses[0]); // same weights at the first step: the same (data) loss, no λ P
    expect(entropy.losses.every(Number.isFinite)).toBe(true);
  });
});
