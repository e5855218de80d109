/** Fetches the compact MNIST files (see mnistBytes.ts) in a page or worker, with progress. */
import { MNIST_BYTES_FORMAT, type MnistBytesIndex } from './mnistBytes';
import type { MnistSet } from './mnistInput';

/** Bytes received of the bytes expected, across all files of a load. */
export type FetchProgress = (received: number, total: number) => void;

async function fetchBytes(url: string, expected: number, onChunk: (bytes: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const out = new Uint8Array(expected);
  const reader = response.body.getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > expected) throw new Error(`${url}: more than the ${expected} bytes expected`);
    out.set(value, offset);
    offset += value.length;
    onChunk(value.length);
  }
  if (offset !== expected) throw new Error(`${url}: ${offset} bytes, expected ${expected} (truncated)`);
  return out;
}

/** Loads the named splits from `baseUrl` (e.g. `/data`), checking the index and every file's size. */
async function fetchSplits<K extends 'train' | 'test'>(
  baseUrl: string,
  names: readonly K[],
  onProgress: FetchProgress,
): Promise<Record<K, MnistSet>> {
  const indexUrl = `${baseUrl}/mnist.json`;
  const response = await fetch(indexUrl);
  if (!response.ok) throw new Error(`${indexUrl}: HTTP ${response.status} (run \`npm run prepare-data\`)`);
  const index = (await response.json()) as MnistBytesIndex;
  if (index.format !== MNIST_BYTES_FORMAT || index.rows !== 28 || index.cols !== 28) {
    throw new Error(`${indexUrl}: not a ${MNIST_BYTES_FORMAT} index of 28x28 images`);
  }
  const total = names.reduce((sum, name) => sum + index[name].count * 785, 0);
  let received = 0;
  const tick = (bytes: number) => {
    received += bytes;
    onProgress(received, total);
  };
  const split = async (name: K): Promise<MnistSet> => {
    const { count, images, labels } = index[name];
    const [imageBytes, labelBytes] = await Promise.all([
      fetchBytes(`${baseUrl}/${images}`, count * 784, tick),
      fetchBytes(`${baseUrl}/${labels}`, count, tick),
    ]);
    const bad = labelBytes.findIndex((label) => label > 9);
    if (bad >= 0) throw new Error(`${baseUrl}/${labels}: label ${bad} is ${labelBytes[bad]}, not a digit`);
    return { count, images: imageBytes, labels: labelBytes };
  };
  const sets = await Promise.all(names.map(split));
  return Object.fromEntries(names.map((name, i) => [name, sets[i]])) as Record<K, MnistSet>;
}

/** Loads both splits from `baseUrl` (e.g. `/data`), checking the index and every file's size. */
export function fetchMnist(
  baseUrl: string,
  onProgress: FetchProgress = () => {},
): Promise<{ train: MnistSet; test: MnistSet }> {
  return fetchSplits(baseUrl, ['train', 'test'] as const, onProgress);
}

/** Loads the 10,000 test images only (the explorer's), checked like `fetchMnist`. */
export async function fetchMnistTest(baseUrl: string, onProgress: FetchProgress = () => {}): Promise<MnistSet> {
  return (await fetchSplits(baseUrl, ['test'] as const, onProgress)).test;
}
