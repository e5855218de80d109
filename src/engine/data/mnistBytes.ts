/**
 * The compact MNIST files the browser fetches from `data/`: `mnist.json` describes them, and each
 * split is two raw byte files (28x28 pixels per image, one label byte per image), no headers.
 */

/** The format tag of `mnist.json`. */
export const MNIST_BYTES_FORMAT = 'mnist-bytes/1';

/** One split's files and count. */
export interface MnistBytesSplit {
  readonly count: number;
  readonly images: string;
  readonly labels: string;
}

/** The contents of `data/mnist.json`. */
export interface MnistBytesIndex {
  readonly format: typeof MNIST_BYTES_FORMAT;
  readonly rows: 28;
  readonly cols: 28;
  readonly train: MnistBytesSplit;
  readonly test: MnistBytesSplit;
}

/** The index written by `scripts/prepareData.ts`. */
export const MNIST_BYTES_INDEX: MnistBytesIndex = {
  format: MNIST_BYTES_FORMAT,
  rows: 28,
  cols: 28,
  train: { count: 60000, images: 'mnist-train-images.u8', labels: 'mnist-train-labels.u8' },
  test: { count: 10000, images: 'mnist-test-images.u8', labels: 'mnist-test-labels.u8' },
};
