/**
 * A checkpoint's predictions on the MNIST test set: the optional `<checkpoint>.predictions.bin` file of the
 * `lenet5-run/1` format, listed in the checkpoint's manifest entry as
 * `"predictions": { "file": "epoch-15.predictions.bin", "images": 10000 }` (the first `images` test images).
 *
 * Byte layout, for N = `images` (1 <= N <= 10000), 9 * N bytes in all, no header and no padding:
 *
 *   bytes [0, N)        uint8   predicted digit of image i (argmax of the softmax output; ties go to the lowest digit)
 *   bytes [N, 5N)       float32 little-endian: the probability of the predicted digit (the max softmax output)
 *   bytes [5N, 9N)      float32 little-endian: the probability of image i's true digit
 *
 * The float32 blocks start at byte N, which need not be a multiple of 4, so they are read through a DataView.
 * Everything here is pure; reading and writing files is the caller's.
 */
import { INPUT_SIZE, mnistBatch, type MnistSet } from '../data/mnistInput';
import type { ReferenceNetwork } from '../reference/referenceNetwork';
import { describeValue, inFile, refuser, type Refuse } from './runFormatError';
import { runProblem, type RunProblem } from './runProblems';

/** The most test images a predictions file may cover (the size of the MNIST test set). */
export const MAX_PREDICTION_IMAGES = 10000;

/** Slack allowed for a true-digit probability above the predicted digit's (float rounding of other engines). */
const PROBABILITY_SLACK = 1e-6;

/** The `predictions` entry of a manifest checkpoint. */
export interface ManifestPredictions {
  readonly file: string;
  readonly images: number;
}

/** The predictions of one checkpoint on the first `images` test images, index i = test image i. */
export interface CheckpointPredictions {
  readonly images: number;
  /** The predicted digit (0..9). */
  readonly predicted: Uint8Array;
  /** The softmax probability of the predicted digit. */
  readonly confidence: Float32Array;
  /** The softmax probability of the image's true digit. */
  readonly trueProbability: Float32Array;
}

/** The predictions file name of a checkpoint file: `epoch-15.bin` -> `epoch-15.predictions.bin`. */
export function predictionsFileName(checkpointFile: string): string {
  if (!checkpointFile.endsWith('.bin')) refuser(inFile(checkpointFile))('notCheckpointName');
  return `${checkpointFile.slice(0, -'.bin'.length)}.predictions.bin`;
}

/** The size in bytes of a predictions file for `images` images. */
export function predictionsByteLength(images: number): number {
  return 9 * images;
}

/**
 * Runs the first `limit` images of `test` through the network in batches and records, per image, the
 * predicted digit, its probability and the true digit's probability.
 */
export function computePredictions(
  network: ReferenceNetwork,
  test: MnistSet,
  limit = test.count,
  batchSize = 500,
): CheckpointPredictions {
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= test.count)) {
    throw new RangeError(`cannot predict ${limit} of ${test.count} images`);
  }
  const classes = network.layers[network.layers.length - 1].shape[0];
  const inputs = new Float32Array(batchSize * INPUT_SIZE * INPUT_SIZE);
  const labels = new Uint8Array(batchSize);
  const predicted = new Uint8Array(limit);
  const confidence = new Float32Array(limit);
  const trueProbability = new Float32Array(limit);
  for (let start = 0; start < limit; start += batchSize) {
    const n = Math.min(batchSize, limit - start);
    mnistBatch(
      test,
      Array.from({ length: n }, (_, i) => start + i),
      inputs,
      labels,
    );
    const pass = network.forward(inputs, n);
    const probs = pass.layers[pass.layers.length - 1].out;
    for (let b = 0; b < n; b++) {
      const row = b * classes;
      let best = 0;
      for (let k = 1; k < classes; k++) if (probs[row + k] > probs[row + best]) best = k;
      predicted[start + b] = best;
      confidence[start + b] = probs[row + best];
      trueProbability[start + b] = probs[row + labels[b]];
    }
  }
  return { images: limit, predicted, confidence, trueProbability };
}

/** The fraction of the predictions whose digit matches `labels` (the test labels, in order). */
export function predictionsAccuracy(p: CheckpointPredictions, labels: ArrayLike<number>): number {
  let correct = 0;
  for (let i = 0; i < p.images; i++) if (p.predicted[i] === labels[i]) correct++;
  return correct / p.images;
}

/** Refuses the first value the format does not allow with `fail`. */
function checkValues(p: CheckpointPredictions, fail: Refuse): void {
  for (let i = 0; i < p.images; i++) {
    const digit = p.predicted[i],
      conf = p.confidence[i],
      truth = p.trueProbability[i];
    if (digit > 9) fail('predictedDigit', { image: i, digit });
    if (!(Number.isFinite(conf) && conf >= 0 && conf <= 1)) fail('confidenceIs', { image: i, value: conf });
    if (!(Number.isFinite(truth) && truth >= 0 && truth <= 1)) fail('trueProbabilityIs', { image: i, value: truth });
    if (truth > conf + PROBABILITY_SLACK) fail('trueAbovePredicted', { image: i, value: truth, confidence: conf });
  }
}

/** Places a problem in a checkpoint's predictions: `predictions: problem`. */
const inPredictions = (problem: RunProblem): RunProblem => runProblem('inPredictions', { problem });

function checkImages(images: unknown, fail: Refuse): void {
  if (!(typeof images === 'number' && Number.isInteger(images) && images >= 1 && images <= MAX_PREDICTION_IMAGES)) {
    fail('imagesIs', { value: describeValue(images), most: MAX_PREDICTION_IMAGES });
  }
}

/** The bytes of a predictions file; refuses predictions the format does not allow. */
export function encodePredictions(p: CheckpointPredictions): Uint8Array {
  const n = p.images;
  const fail: Refuse = refuser(inPredictions);
  checkImages(n, fail);
  if (p.predicted.length !== n || p.confidence.length !== n || p.trueProbability.length !== n) {
    fail('predictionArrays', {
      predicted: p.predicted.length,
      confidence: p.confidence.length,
      trueProbability: p.trueProbability.length,
      images: n,
    });
  }
  checkValues(p, fail);
  const bytes = new Uint8Array(predictionsByteLength(n));
  bytes.set(p.predicted, 0);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < n; i++) {
    view.setFloat32(n + i * 4, p.confidence[i], true);
    view.setFloat32(5 * n + i * 4, p.trueProbability[i], true);
  }
  return bytes;
}

/**
 * Decodes a predictions file of `images` images; refuses a wrong size, a digit above 9, a probability that is
 * not a number in [0, 1], and a true-digit probability above the predicted digit's. Errors start with `fileName`.
 */
export function decodePredictions(bytes: Uint8Array, images: number, fileName: string): CheckpointPredictions {
  const fail: Refuse = refuser(inFile(fileName));
  checkImages(images, fail);
  const size = predictionsByteLength(images);
  if (bytes.byteLength !== size) {
    fail(bytes.byteLength < size ? 'predictionsTruncated' : 'predictionsSize', {
      bytes: bytes.byteLength,
      expected: size,
      images,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const predicted = bytes.slice(0, images);
  const confidence = new Float32Array(images);
  const trueProbability = new Float32Array(images);
  for (let i = 0; i < images; i++) {
    confidence[i] = view.getFloat32(images + i * 4, true);
    trueProbability[i] = view.getFloat32(5 * images + i * 4, true);
  }
  const p = { images, predicted, confidence, trueProbability };
  checkValues(p, fail);
  return p;
}

/**
 * Validates the optional `predictions` entry of the manifest checkpoint whose file is `checkpointFile`;
 * `place` says where the checkpoint is in problems. Returns null when the entry is absent.
 */
export function validatePredictionsEntry(
  entry: unknown,
  checkpointFile: string,
  place: (problem: RunProblem) => RunProblem,
): ManifestPredictions | null {
  if (entry === undefined) return null;
  const fail: Refuse = refuser(place);
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    fail('predictionsEntryIs', { value: describeValue(entry) });
  }
  const { file, images } = entry as Record<string, unknown>;
  if (typeof file !== 'string' || !/^[\w.-]+\.predictions\.bin$/.test(file) || file.startsWith('.')) {
    fail('predictionsFileIs', { value: describeValue(file) });
  }
  const expected = checkpointFile.endsWith('.bin') ? predictionsFileName(checkpointFile) : null;
  if (file !== expected) fail('predictionsFileNot', { value: describeValue(file), expected: describeValue(expected) });
  checkImages(
    images,
    refuser((problem) => place(inPredictions(problem))),
  );
  return { file, images: images as number };
}
