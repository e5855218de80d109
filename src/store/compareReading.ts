/**
 * Compare mode: the same input read by the other shipped network (LeNet-5 as in 1998 beside the modern
 * one), at its last checkpoint, on the reference engine in the worker; the weights loaded for the view stay.
 */
import type { EngineClient } from '../worker/engineClient';
import { predictionOf } from './frameHolder';
import { checkpointParams, type RunRecord } from './runRecord';

/** The shipped runs' names, and what a person reads for each. */
export const SHIPPED_RUNS: Readonly<Record<string, string>> = {
  'lenet5-default': 'modern: ReLU + max pooling',
  'lenet5-classic': 'LeNet-5 as in 1998',
  'lenet5-learned': 'modern with learned C3 combinations',
};

/** The shipped runs the transform probe's sweeps read beside the selected checkpoint (the modern and the 1998 one). */
export const SWEPT_SHIPPED_RUNS: readonly string[] = ['lenet5-default', 'lenet5-classic'];

/**
 * The shipped run to compare `selected` with: the modern one for the 1998 and the learned-combinations runs (the
 * learned one differs from it by C3 alone), the 1998 one for the modern run and any run trained here.
 */
export function comparisonRun(runs: ReadonlyMap<string, RunRecord>, selected: string): RunRecord | null {
  const other = selected === 'lenet5-classic' || selected === 'lenet5-learned' ? 'lenet5-default' : 'lenet5-classic';
  return runs.get(other) ?? null;
}

/**
 * The other network's reading of `input`, or null when there is no other shipped run, or while its last
 * checkpoint is still on its way: that fetch is begun (drawings are read meanwhile) and `fetched` is called
 * once it has arrived, to read the input again.
 */
export async function readComparison(
  client: EngineClient,
  runs: ReadonlyMap<string, RunRecord>,
  selected: string,
  input: Float32Array,
  fetched: () => void = () => undefined,
): Promise<{ run: string; label: number; probabilities: number[] } | null> {
  const other = comparisonRun(runs, selected);
  if (!other) return null;
  const last = other.checkpoints.length - 1;
  const params = other.checkpoints[last].params;
  if (!params) {
    checkpointParams(other, last).then(fetched, () => undefined); // a failing fetch is named while retried
    return null;
  }
  const frame = await client.inferWith(other.architecture, params, input);
  return { run: other.name, ...predictionOf(frame) };
}
