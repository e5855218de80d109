/** How an MNIST image becomes the network's 32x32 input: pixels / 255 (ink = 1), padded by 2. */

/** The side of the network input. */
export const INPUT_SIZE = 32;
/** The side of an MNIST image. */
export const MNIST_SIZE = 28;
/** Zero border added on each side of the 28x28 image. */
export const MNIST_PAD = (INPUT_SIZE - MNIST_SIZE) / 2;

/** A labelled set of 28x28 MNIST images held as bytes. */
export interface MnistSet {
  readonly count: number;
  /** `count * 784` pixels, 0 = background, 255 = ink. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/**
 * The first `count` images of a set: views into it, or copies when `copy` is set (a copy's buffers can
 * be transferred to a worker without detaching the original).
 */
export function mnistSubset(set: MnistSet, count: number, copy = false): MnistSet {
  if (!(Number.isInteger(count) && count > 0 && count <= set.count))
    throw new RangeError(`cannot take ${count} of ${set.count} images`);
  const take = copy ? (a: Uint8Array, n: number) => a.slice(0, n) : (a: Uint8Array, n: number) => a.subarray(0, n);
  return { count, images: take(set.images, count * MNIST_SIZE * MNIST_SIZE), labels: take(set.labels, count) };
}

/** Writes image `index` of `images` as a 32x32 [0,1] input into `out` at `outOffset`. */
export function mnistToInput(images: Uint8Array, index: number, out: Float32Array | Float64Array, outOffset = 0): void {
  const plane = INPUT_SIZE * INPUT_SIZE;
  out.fill(0, outOffset, outOffset + plane);
  const src = index * MNIST_SIZE * MNIST_SIZE;
  for (let y = 0; y < MNIST_SIZE; y++) {
    const row = outOffset + (y + MNIST_PAD) * INPUT_SIZE + MNIST_PAD;
    for (let x = 0; x < MNIST_SIZE; x++) out[row + x] = images[src + y * MNIST_SIZE + x] / 255;
  }
}

/** Builds a batch of inputs and labels from the given image indices. */
export function mnistBatch(set: MnistSet, indices: ArrayLike<number>, inputs: Float32Array, labels: Uint8Array): void {
  const plane = INPUT_SIZE * INPUT_SIZE;
  for (let b = 0; b < indices.length; b++) {
    mnistToInput(set.images, indices[b], inputs, b * plane);
    labels[b] = set.labels[indices[b]];
  }
}
