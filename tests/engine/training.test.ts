import { describe, expect, it } from 'vitest';
import { mnistSubset } from '../../src/engine/data/mnistInput';
import { evaluateNetwork } from '../../src/engine/evaluate';
import { DEFAULT_ARCHITECTURE } from '../../src/engine/model/lenet5';
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
});
