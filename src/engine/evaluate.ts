import { INPUT_SIZE, mnistBatch, type MnistSet } from './data/mnistInput';
import type { ReferenceNetwork } from './reference/referenceNetwork';

/** Accuracy and mean loss of a network over a labelled set. */
export interface Evaluation {
  readonly accuracy: number;
  readonly loss: number;
  readonly correct: number;
  readonly count: number;
}

/** Index of the largest of `count` values starting at `offset`. */
export function argmaxAt(values: ArrayLike<number>, offset: number, count: number): number {
  let best = 0;
  for (let k = 1; k < count; k++) if (values[offset + k] > values[offset + best]) best = k;
  return best;
}

/** Runs the whole set through the network in batches and counts correct top-1 predictions. */
export function evaluateNetwork(
  network: ReferenceNetwork,
  set: MnistSet,
  batchSize = 500,
  limit = set.count,
): Evaluation {
  const inputs = new Float32Array(batchSize * INPUT_SIZE * INPUT_SIZE);
  const labels = new Uint8Array(batchSize);
  let correct = 0,
    lossSum = 0;
  for (let start = 0; start < limit; start += batchSize) {
    const n = Math.min(batchSize, limit - start);
    const indices = Array.from({ length: n }, (_, i) => start + i);
    mnistBatch(set, indices, inputs, labels);
    const pass = network.forward(inputs, n);
    const probs = pass.layers[pass.layers.length - 1].out;
    for (let b = 0; b < n; b++) if (argmaxAt(probs, b * 10, 10) === labels[b]) correct++;
    lossSum += network.lossOf(pass, labels) * n;
  }
  return { accuracy: correct / limit, loss: lossSum / limit, correct, count: limit };
}
