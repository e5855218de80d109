/** The run shipped in public/models/lenet5-default: loads, has its history, and meets the error bound. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateNetwork } from '../src/engine/evaluate';
import { lenet5Layers } from '../src/engine/model/lenet5';
import { loadRun } from '../src/engine/model/runLoader';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';
import { loadMnistSplit } from '../scripts/mnistFiles';

const dir = join(import.meta.dirname, '..', 'public', 'models', 'lenet5-default');
const run = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);

describe('the shipped run', () => {
  it('is the default architecture trained with distortions, epochs 0 to at least 15', () => {
    const { architecture, training } = run.manifest as typeof run.manifest & { training: { augment: boolean } };
    expect(architecture).toMatchObject({ activation: 'relu', pooling: 'max', c3Connectivity: 'full', loss: 'softmax-cross-entropy' });
    expect(training.augment).toBe(true);
    const whole = run.manifest.checkpoints.map((c) => c.epoch).filter(Number.isInteger);
    expect(whole).toEqual(Array.from({ length: whole.length }, (_, i) => i));
    expect(whole.length).toBeGreaterThanOrEqual(16);
    expect(run.manifest.checkpoints.map((c) => c.epoch).filter((e) => !Number.isInteger(e))).toEqual([0.0625, 0.125, 0.25, 0.5]);
  });

  it('recomputes the final checkpoint\'s test accuracy exactly as the manifest states it, with error <= 0.80%', () => {
    const last = run.manifest.checkpoints.length - 1;
    const network = new ReferenceNetwork(lenet5Layers(run.manifest.architecture), run.manifest.architecture.loss, run.checkpoints[last]);
    const result = evaluateNetwork(network, loadMnistSplit('test'));
    expect(result.count).toBe(10000);
    expect(result.accuracy).toBe(run.manifest.checkpoints[last].testAccuracy);
    expect(1 - result.accuracy).toBeLessThanOrEqual(0.008);
  });

  it('starts at chance: epoch 0 is the untrained network', () => {
    expect(run.manifest.checkpoints[0].testAccuracy).toBeLessThan(0.2);
  });
});
