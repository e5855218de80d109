/**
 * A pass over the first test images through an engine in batches, as the neuron portraits and a node's
 * ranking of the test images make it: yielding to the worker's event loop whenever a time slice has
 * passed, so that it keeps answering drawings and heartbeats (a drawing waits for one slice at most).
 */
import { mnistToInput, type MnistSet } from '../data/mnistInput';
import type { AttributionEngine } from './attributionEngine';
import { PLANE } from './logitTarget';

/** Milliseconds of work between two turns of the event loop. */
export const PASS_SLICE_MS = 20;

/** The images a pass over the first `limit` test images reads; a RangeError unless `limit` is a whole number ≥ 1. */
export function passImages(test: MnistSet, limit: number): number {
  if (!(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`the pass runs over a whole number of test images, at least 1, got ${limit}`);
  return Math.min(limit, test.count);
}

/**
 * Runs test images 0..images−1 through `engine` in batches, `rounds` times over; after each batch's forward pass,
 * `visit(round, first, n)` reads the engine's values. `waitTurn` is awaited after each batch that ends a slice of
 * `sliceMs` (0: after every batch), with the share of the work done so far (0 to 1).
 */
export async function testImagePass(
  engine: AttributionEngine,
  test: MnistSet,
  images: number,
  rounds: number,
  visit: (round: number, first: number, n: number) => void,
  waitTurn: (done: number) => Promise<void>,
  sliceMs = PASS_SLICE_MS,
): Promise<void> {
  const batch = Math.min(engine.maxBatch, 64);
  const inputs = new Float32Array(batch * PLANE);
  let sliceStart = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (let start = 0; start < images; start += batch) {
      const n = Math.min(batch, images - start);
      for (let b = 0; b < n; b++) mnistToInput(test.images, start + b, inputs, b * PLANE);
      engine.forward(inputs, n);
      visit(round, start, n);
      if (performance.now() - sliceStart >= sliceMs) {
        await waitTurn((round * images + start + n) / (rounds * images));
        sliceStart = performance.now();
      }
    }
  }
}
