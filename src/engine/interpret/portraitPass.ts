/**
 * The per-checkpoint pass behind the neuron portraits: the first `limit` test images through an
 * engine in batches, twice (the histograms need each node's range first), yielding to the worker's
 * event loop whenever a time slice has passed, so that it keeps answering drawings and heartbeats
 * (a drawing waits for one slice at most); each turn is told the share of the work done.
 */
import { mnistToInput, type MnistSet } from '../data/mnistInput';
import type { AttributionEngine } from './attributionEngine';
import { PLANE } from './logitTarget';
import { PortraitAccumulator, type NeuronPortraits } from './neuronPortraits';

/** Milliseconds of work between two turns of the event loop. */
export const PORTRAIT_SLICE_MS = 20;

/**
 * Runs the pass; `waitTurn` is awaited after each batch that ends a slice of `sliceMs` (0: after every batch), with
 * the share of the pass done so far (0 to 1).
 */
export async function portraitPass(
  engine: AttributionEngine,
  test: MnistSet,
  limit: number,
  waitTurn: (done: number) => Promise<void>,
  sliceMs = PORTRAIT_SLICE_MS,
): Promise<NeuronPortraits> {
  if (!(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`the pass runs over a whole number of test images, at least 1, got ${limit}`);
  const images = Math.min(limit, test.count);
  const accumulator = new PortraitAccumulator(engine.layers);
  const batch = Math.min(engine.maxBatch, 64);
  const inputs = new Float32Array(batch * PLANE);
  let sliceStart = performance.now();
  for (const [p, phase] of (['observe', 'count'] as const).entries()) {
    for (let start = 0; start < images; start += batch) {
      const n = Math.min(batch, images - start);
      for (let b = 0; b < n; b++) mnistToInput(test.images, start + b, inputs, b * PLANE);
      engine.forward(inputs, n);
      const values = engine.layers.map((_, l) => engine.values(l, 'out'));
      if (phase === 'observe') accumulator.observe(values, start, n);
      else accumulator.count(values, n);
      if (performance.now() - sliceStart >= sliceMs) {
        await waitTurn((p * images + start + n) / (2 * images));
        sliceStart = performance.now();
      }
    }
  }
  return accumulator.result();
}
