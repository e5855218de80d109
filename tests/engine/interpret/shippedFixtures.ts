/** Shared set-up of the interpretation tests in Node: the shipped runs' last checkpoints and real MNIST test digits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mnistToInput } from '../../../src/engine/data/mnistInput';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import type { NodeRef } from '../../../src/engine/model/nodeRef';
import { SeededRandom } from '../../../src/engine/model/random';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { loadRun } from '../../../src/engine/model/runLoader';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { loadMnistSplit } from '../../../scripts/mnistFiles';

/** The MNIST test set. */
export const mnistTest = loadMnistSplit('test');

/** Test image `index` as a float64 network input. */
export function testDigit(index: number): Float64Array {
  const input = new Float64Array(1024);
  mnistToInput(mnistTest.images, index, input);
  return input;
}

/**
 * Test image `index` with seeded noise of 1e-3 on every pixel: blank paper then gives no exact max-pooling
 * ties (where z is not differentiable), so finite differences can check the gradient almost everywhere.
 */
export function unevenDigit(index: number): Float64Array {
  const random = new SeededRandom(index + 1);
  return testDigit(index).map((v) => v + 1e-3 * random.uniform());
}

/** A shipped run's last checkpoint: its architecture, float32 weights and a float64 reference network. */
export async function shippedCheckpoint(
  name: 'lenet5-default' | 'lenet5-classic',
): Promise<{ architecture: ArchitectureOptions; params: Float32Array; reference: ReferenceNetwork }> {
  const dir = join(import.meta.dirname, '..', '..', '..', 'public', 'models', name);
  const run = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
  const params = run.checkpoints[run.checkpoints.length - 1];
  const { architecture } = run.manifest;
  const reference = new ReferenceNetwork(lenet5Layers(architecture), architecture.loss, Float64Array.from(params));
  return { architecture, params, reference };
}

/** One node of every layer (the input first), a max-pooling cell and an output (a probability) among them. */
export const NODE_PER_LAYER: readonly NodeRef[] = [
  { layer: 'input', c: 0, y: 12, x: 15 },
  { layer: 'c1', c: 2, y: 9, x: 14 },
  { layer: 's2', c: 4, y: 6, x: 7 },
  { layer: 'c3', c: 11, y: 4, x: 5 },
  { layer: 's4', c: 7, y: 2, x: 2 },
  { layer: 'c5', c: 33, y: 0, x: 0 },
  { layer: 'f6', c: 50, y: 0, x: 0 },
  { layer: 'output', c: 4, y: 0, x: 0 },
];
