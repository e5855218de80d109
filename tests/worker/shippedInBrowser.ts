/** Shared set-up of browser tests that need the shipped runs and real MNIST digits: fetched from the test server (public/). */
import { fetchMnistTest } from '../../src/engine/data/mnistFetch';
import { mnistToInput, type MnistSet } from '../../src/engine/data/mnistInput';
import type { ArchitectureOptions } from '../../src/engine/model/layerSpec';
import { loadRun } from '../../src/engine/model/runLoader';

/** A shipped run's last checkpoint. */
export async function fetchShipped(
  name: 'lenet5-default' | 'lenet5-classic' | 'lenet5-learned',
): Promise<{ architecture: ArchitectureOptions; params: Float32Array }> {
  const base = `/models/${name}`;
  const run = await loadRun(async (file) => {
    const response = await fetch(`${base}/${file}`);
    if (!response.ok) throw new Error(`${base}/${file}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }, base);
  return { architecture: run.manifest.architecture, params: run.checkpoints[run.checkpoints.length - 1] };
}

let test: Promise<MnistSet> | null = null;

/** The MNIST test set (public/data, written by `npm run prepare-data`). */
export function fetchTestSet(): Promise<MnistSet> {
  test ??= fetchMnistTest('/data');
  return test;
}

/** Test image `index` as a float32 network input. */
export function digitOf(set: MnistSet, index: number): Float32Array {
  const input = new Float32Array(1024);
  mnistToInput(set.images, index, input);
  return input;
}
