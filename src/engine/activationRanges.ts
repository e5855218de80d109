/**
 * Per-layer colour ranges for the view: robust bounds of each layer's activations (and
 * pre-activations) over a sample of real digits, so colours mean the same across drawings and checkpoints.
 */
import { INPUT_SIZE, mnistBatch, type MnistSet } from './data/mnistInput';
import type { ReferenceNetwork } from './reference/referenceNetwork';

/** `[low, high]` of one layer part. */
export type ValueRange = readonly [number, number];

/** The ranges of one layer. */
export interface LayerRanges {
  readonly out: ValueRange;
  readonly pre: ValueRange | null;
}

/** Ranges by layer id. */
export type ActivationRanges = Readonly<Record<string, LayerRanges>>;

function robustRange(values: ArrayLike<number>): ValueRange {
  const sorted = Float32Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const low = Math.min(0, at(0.005));
  const high = Math.max(at(0.995), low + 1e-6);
  const round = (v: number) => Number(v.toPrecision(4));
  return [round(low), round(high)];
}

/** Ranges from the first `count` images of `set` (0.5th and 99.5th percentiles, widened to include 0). */
export function activationRanges(network: ReferenceNetwork, set: MnistSet, count = 500): ActivationRanges {
  const inputs = new Float32Array(count * INPUT_SIZE * INPUT_SIZE);
  const labels = new Uint8Array(count);
  mnistBatch(
    set,
    Array.from({ length: count }, (_, i) => i),
    inputs,
    labels,
  );
  const pass = network.forward(inputs, count);
  const ranges: Record<string, LayerRanges> = {};
  pass.layers.forEach((layer) => {
    ranges[layer.id] = { out: robustRange(layer.out), pre: layer.pre ? robustRange(layer.pre) : null };
  });
  return ranges;
}
