/** What the probe tests and benchmark share: a shipped run's last checkpoint and MNIST test digits as network inputs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mnistToInput } from '../src/engine/data/mnistInput';
import type { ArchitectureOptions } from '../src/engine/model/layerSpec';
import { loadRun } from '../src/engine/model/runLoader';
import { loadMnistSplit } from './mnistFiles';

/** A network as the worker's commands take it. */
export interface ShippedNetwork {
  readonly architecture: ArchitectureOptions;
  readonly params: Float32Array;
}

/** The last checkpoint of a shipped run in public/models (`lenet5-default`, `lenet5-classic` or `lenet5-learned`). */
export async function shippedNetwork(name: string): Promise<ShippedNetwork> {
  const dir = join(import.meta.dirname, '..', 'public', 'models', name);
  const run = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
  const { activation, pooling, c3Connectivity, loss } = run.manifest.architecture;
  return { architecture: { activation, pooling, c3Connectivity, loss }, params: run.checkpoints.at(-1)! };
}

let test: ReturnType<typeof loadMnistSplit> | null = null;

/** MNIST test image `index` as the network's 32x32 input. */
export function testDigit(index: number): Float32Array {
  test ??= loadMnistSplit('test');
  const input = new Float32Array(1024);
  mnistToInput(test.images, index, input);
  return input;
}
