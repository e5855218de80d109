/**
 * The scalar an attribution explains: the target's logit z_t, or z_A − z_B for "A rather than B"
 * (for a mean-squared-error run too: the output unit's pre-activation). Batches of inputs run
 * through an AttributionEngine in chunks of its largest batch.
 */
import type { FloatArray } from '../model/initialize';
import type { AttributionEngine } from './attributionEngine';

/** Values of one 32x32 input. */
export const PLANE = 1024;

/** The target digit and, for "A rather than B", the digit B (else null). */
export interface LogitTarget {
  readonly target: number;
  readonly contrast: number | null;
}

/** dz of one image: e_t, or e_A − e_B. */
export function targetSeed(target: LogitTarget, classes: number): Float64Array {
  const seed = new Float64Array(classes);
  seed[target.target] = 1;
  if (target.contrast !== null) seed[target.contrast] = -1;
  return seed;
}

/** The explained value of each of the `count` images of the engine's last forward pass. */
export function targetScores(engine: AttributionEngine, count: number, target: LogitTarget): Float64Array {
  const last = engine.layers.length - 1;
  const classes = engine.layers[last].shape[0];
  const logits = engine.values(last, 'pre');
  return Float64Array.from({ length: count }, (_, b) => {
    const row = b * classes;
    return logits[row + target.target] - (target.contrast === null ? 0 : logits[row + target.contrast]);
  });
}

/** Writes input `i` of a batch at `offset` of `out`. */
export type InputWriter = (i: number, out: FloatArray, offset: number) => void;

/**
 * Runs `count` inputs written by `write` through the engine in batches of at most its `maxBatch`,
 * calling `each(start, n)` after each batch's forward pass.
 */
export function inBatches(
  engine: AttributionEngine,
  count: number,
  write: InputWriter,
  each: (start: number, n: number) => void,
): void {
  const size = Math.min(engine.maxBatch, count);
  const inputs = new Float64Array(size * PLANE);
  for (let start = 0; start < count; start += size) {
    const n = Math.min(size, count - start);
    for (let i = 0; i < n; i++) write(start + i, inputs, i * PLANE);
    engine.forward(n === size ? inputs : inputs.subarray(0, n * PLANE), n);
    each(start, n);
  }
}

/** The explained value of `count` inputs. */
export function scoresOf(
  engine: AttributionEngine,
  count: number,
  write: InputWriter,
  target: LogitTarget,
): Float64Array {
  const scores = new Float64Array(count);
  inBatches(engine, count, write, (start, n) => scores.set(targetScores(engine, n, target), start));
  return scores;
}

/** Σ over `count` inputs of ∂(explained value)/∂x, each input's gradient at itself (1,024 values). */
export function gradientSum(
  engine: AttributionEngine,
  count: number,
  write: InputWriter,
  target: LogitTarget,
): Float64Array {
  const classes = engine.layers[engine.layers.length - 1].shape[0];
  const one = targetSeed(target, classes);
  const sum = new Float64Array(PLANE);
  inBatches(engine, count, write, (_, n) => {
    const seed = new Float64Array(n * classes);
    for (let b = 0; b < n; b++) seed.set(one, b * classes);
    engine.backwardFromLogits(seed);
    const gradient = engine.gradient(0);
    for (let b = 0; b < n; b++) for (let i = 0; i < PLANE; i++) sum[i] += gradient[b * PLANE + i];
  });
  return sum;
}
