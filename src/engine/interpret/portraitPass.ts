/**
 * The per-checkpoint pass behind the neuron portraits: the first `limit` test images through an
 * engine in batches, twice (the histograms need each node's range first), yielding to the worker's
 * event loop between slices of work (testImagePass.ts); each turn is told the share of the work done.
 */
import type { MnistSet } from '../data/mnistInput';
import type { AttributionEngine } from './attributionEngine';
import { PortraitAccumulator, type NeuronPortraits } from './neuronPortraits';
import { passImages, PASS_SLICE_MS, testImagePass } from './testImagePass';

/**
 * Runs the pass; `waitTurn` is awaited after each batch that ends a slice of `sliceMs` (0: after every batch), with
 * the share of the pass done so far (0 to 1).
 */
export async function portraitPass(
  engine: AttributionEngine,
  test: MnistSet,
  limit: number,
  waitTurn: (done: number) => Promise<void>,
  sliceMs = PASS_SLICE_MS,
): Promise<NeuronPortraits> {
  const images = passImages(test, limit);
  const accumulator = new PortraitAccumulator(engine.layers);
  const visit = (round: number, first: number, n: number) => {
    const values = engine.layers.map((_, l) => engine.values(l, 'out'));
    if (round === 0) accumulator.observe(values, first, n);
    else accumulator.count(values, n);
  };
  await testImagePass(engine, test, images, 2, visit, waitTurn, sliceMs);
  return accumulator.result();
}
