/**
 * What the WebAssembly network answers with, built from its buffers: one image's activation frame,
 * one image's backward frame, accuracy and loss over a test set, and a checkpoint's predictions file.
 */
import { frameFromPass, type ActivationFrame } from '../activationFrame';
import { buildBackwardFrame, type BackwardFrame } from '../backwardFrame';
import type { MnistSet } from '../data/mnistInput';
import type { CheckpointPredictions } from '../model/predictions';
import type { WasmNetwork } from './wasmNetwork';

/** Accuracy and mean loss over a set. */
export interface WasmEvaluation {
  readonly loss: number;
  readonly accuracy: number;
  readonly correct: number;
  readonly count: number;
}

/** Every layer's activations for one 32x32 input. */
export function inferFrame(network: WasmNetwork, input: Float32Array): ActivationFrame {
  network.setInputs(input, [0], 1);
  network.forward(1);
  return frameFromPass(network.layers, network.pass(1));
}

/** The forward frame and the backward pass (every delta and dL/dw, no weight decay) of one input against `label`. */
export function backwardFrame(
  network: WasmNetwork,
  input: Float32Array,
  label: number,
): { frame: ActivationFrame; backward: BackwardFrame } {
  network.setInputs(input, [label], 1);
  network.forward(1);
  network.backward(1, true);
  const pass = network.pass(1);
  const output = pass.layers[pass.layers.length - 1];
  return {
    frame: frameFromPass(network.layers, pass),
    backward: buildBackwardFrame(
      network.layers,
      network.architecture.loss,
      network.deltas(1),
      network.gradients(),
      output.out,
      output.pre!,
      label,
    ),
  };
}

/** Runs images start.. of the held test set in batches of the buffers' capacity (at least 64), calling `each` per batch. */
function overTestSet(
  network: WasmNetwork,
  set: MnistSet,
  limit: number,
  each: (start: number, n: number, loss: number) => void,
): void {
  network.holdSet('test', set);
  const batchSize = Math.max(64, network.capacity);
  const indices = new Uint32Array(batchSize);
  for (let start = 0; start < limit; start += batchSize) {
    const n = Math.min(batchSize, limit - start);
    for (let i = 0; i < n; i++) indices[i] = start + i;
    network.gather('test', indices.subarray(0, n), null);
    each(start, n, network.forward(n));
  }
}

/** Accuracy (top-1, ties to the lowest digit) and mean loss on the first `limit` images of `set`. */
export function evaluateWasm(network: WasmNetwork, set: MnistSet, limit = set.count): WasmEvaluation {
  let correct = 0,
    lossSum = 0;
  overTestSet(network, set, limit, (_, n, loss) => {
    lossSum += loss * n;
    correct += network.lastCorrect();
  });
  return { loss: lossSum / limit, accuracy: correct / limit, correct, count: limit };
}

/**
 * Per image of the first `limit` of `test`: the predicted digit (ties to the lowest), its probability
 * and the true digit's probability, as src/engine/model/predictions.ts computes them on the reference.
 */
export function wasmPredictions(network: WasmNetwork, test: MnistSet, limit = test.count): CheckpointPredictions {
  const predicted = new Uint8Array(limit);
  const confidence = new Float32Array(limit);
  const trueProbability = new Float32Array(limit);
  overTestSet(network, test, limit, (start, n) => {
    const pass = network.pass(n);
    const probs = pass.layers[pass.layers.length - 1].out;
    for (let b = 0; b < n; b++) {
      const row = b * 10;
      let best = 0;
      for (let k = 1; k < 10; k++) if (probs[row + k] > probs[row + best]) best = k;
      predicted[start + b] = best;
      confidence[start + b] = probs[row + best];
      trueProbability[start + b] = probs[row + test.labels[start + b]];
    }
  });
  return { images: limit, predicted, confidence, trueProbability };
}
