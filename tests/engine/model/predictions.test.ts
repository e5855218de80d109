import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mnistBatch, mnistSubset, INPUT_SIZE } from '../../../src/engine/data/mnistInput';
import { evaluateNetwork } from '../../../src/engine/evaluate';
import { initialParameters } from '../../../src/engine/model/initialize';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import {
  computePredictions,
  decodePredictions,
  encodePredictions,
  predictionsAccuracy,
  predictionsFileName,
  type CheckpointPredictions,
} from '../../../src/engine/model/predictions';
import { createManifest, encodeCheckpoint } from '../../../src/engine/model/runFormat';
import { loadRun } from '../../../src/engine/model/runLoader';
import { validateManifest } from '../../../src/engine/model/runValidation';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { loadMnistSplit } from '../../../scripts/mnistFiles';

const shippedDir = join(import.meta.dirname, '..', '..', '..', 'public', 'models', 'lenet5-default');
const shipped = await loadRun(async (file) => new Uint8Array(readFileSync(join(shippedDir, file))), shippedDir);
const test = loadMnistSplit('test');
const layers = lenet5Layers(shipped.manifest.architecture);
const shippedNetwork = (i: number) =>
  new ReferenceNetwork(layers, shipped.manifest.architecture.loss, shipped.checkpoints[i]);

/** Seven images: an odd count, so the float32 blocks start at an unaligned byte offset. */
function sample(): CheckpointPredictions {
  return {
    images: 7,
    predicted: Uint8Array.from([0, 9, 3, 3, 7, 1, 5]),
    confidence: Float32Array.from([1, 0.5, 0.25, 0.999, 0.1, 0.75, 0.3]),
    trueProbability: Float32Array.from([1, 0.125, 0, 0.001, 0.1, 0.75, 0.2999999]),
  };
}

/** The sample's bytes with one value changed: `block` 0 = digits, 1 = confidence, 2 = true probability. */
function corrupt(block: 0 | 1 | 2, index: number, value: number): Uint8Array {
  const bytes = encodePredictions(sample());
  if (block === 0) bytes[index] = value;
  else new DataView(bytes.buffer).setFloat32((block === 1 ? 7 : 35) + index * 4, value, true);
  return bytes;
}

describe('checkpoint predictions files', () => {
  it('name the file after the checkpoint', () => {
    expect(predictionsFileName('epoch-15.bin')).toBe('epoch-15.predictions.bin');
    expect(predictionsFileName('epoch-00.0625.bin')).toBe('epoch-00.0625.predictions.bin');
  });

  it('round-trip exactly through 9 bytes per image, with the float32 blocks unaligned', () => {
    const p = sample();
    const bytes = encodePredictions(p);
    expect(bytes.byteLength).toBe(63);
    expect(Array.from(bytes.subarray(0, 7))).toEqual([0, 9, 3, 3, 7, 1, 5]);
    expect(new DataView(bytes.buffer).getFloat32(7 + 4, true)).toBe(0.5);
    expect(new DataView(bytes.buffer).getFloat32(35 + 4, true)).toBe(0.125);
    // decoding from a view at an odd offset of a larger buffer
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expect(decodePredictions(shifted.subarray(3), 7, 'x.predictions.bin')).toEqual(p);
  });

  const refusals: [string, () => Uint8Array, RegExp][] = [
    [
      'a truncated file',
      () => encodePredictions(sample()).subarray(0, 62),
      /x\.predictions\.bin: 62 bytes, expected 63 .*truncated/,
    ],
    ['a file that is too long', () => new Uint8Array(64), /x\.predictions\.bin: 64 bytes, expected 63/],
    ['a predicted digit above 9', () => corrupt(0, 2, 10), /x\.predictions\.bin: image 2 has predicted digit 10/],
    ['a NaN probability', () => corrupt(1, 3, NaN), /image 3 has predicted-digit probability NaN/],
    ['an infinite probability', () => corrupt(2, 4, Infinity), /image 4 has true-digit probability Infinity/],
    ['a probability above 1', () => corrupt(1, 0, 1.5), /image 0 has predicted-digit probability 1.5/],
    ['a negative probability', () => corrupt(2, 2, -0.25), /image 2 has true-digit probability -0.25/],
    [
      "a true-digit probability above the predicted digit's",
      () => corrupt(2, 1, 0.6),
      /image 1 has true-digit probability 0.6.* above the predicted digit's 0.5/,
    ],
  ];

  it.each(refusals)('refuse %s, naming the file and the problem', (_, bytes, message) => {
    expect(() => decodePredictions(bytes(), 7, 'x.predictions.bin')).toThrow(message);
  });

  it("allow a true-digit probability above the predicted digit's by at most 1e-6", () => {
    expect(() => decodePredictions(corrupt(2, 1, 0.5 + 5e-7), 7, 'x')).not.toThrow();
    expect(() => decodePredictions(corrupt(2, 1, 0.5 + 3e-6), 7, 'x')).toThrow(/above the predicted digit's/);
  });

  it('refuse image counts outside 1 to 10000 when decoding and encoding', () => {
    expect(() => decodePredictions(new Uint8Array(0), 0, 'x')).toThrow(/x: images is 0/);
    expect(() => decodePredictions(new Uint8Array(90009), 10001, 'x')).toThrow(/images is 10001/);
    expect(() => encodePredictions({ ...sample(), images: 6 })).toThrow(/arrays of 7, 7 and 7 values for 6 images/);
  });

  it("are computed as argmax, max probability and the true digit's probability of ReferenceNetwork.forward", () => {
    for (const network of [
      shippedNetwork(shipped.checkpoints.length - 1),
      new ReferenceNetwork(layers, 'softmax-cross-entropy', initialParameters(layers, 3) as Float32Array),
    ]) {
      const p = computePredictions(network, test, 50, 16);
      expect(p.images).toBe(50);
      const input = new Float32Array(INPUT_SIZE * INPUT_SIZE);
      const label = new Uint8Array(1);
      for (let i = 0; i < 50; i++) {
        mnistBatch(test, [i], input, label);
        const probs = Array.from(network.forward(input, 1).layers.at(-1)!.out);
        const max = Math.max(...probs);
        expect(p.predicted[i]).toBe(probs.indexOf(max));
        expect(p.confidence[i]).toBe(max);
        expect(p.trueProbability[i]).toBe(probs[test.labels[i]]);
      }
      expect(decodePredictions(encodePredictions(p), 50, 'x')).toEqual(p);
    }
  });

  it('give the accuracy evaluateNetwork measures', () => {
    const network = shippedNetwork(1);
    const p = computePredictions(network, test, 300, 128);
    const evaluation = evaluateNetwork(network, test, 500, 300);
    expect(predictionsAccuracy(p, test.labels)).toBe(evaluation.accuracy);
    expect(evaluation.correct).toBeLessThan(300); // the early checkpoint makes mistakes to show
  });

  it('refuse a bad count or a subset larger than the set', () => {
    expect(() => computePredictions(shippedNetwork(0), mnistSubset(test, 20), 21)).toThrow(RangeError);
    expect(() => computePredictions(shippedNetwork(0), test, 0)).toThrow(RangeError);
  });
});

describe('predictions in a run folder', () => {
  const params = initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), 1) as Float32Array;
  const network = new ReferenceNetwork(lenet5Layers(DEFAULT_ARCHITECTURE), 'softmax-cross-entropy', params);
  const predictions = computePredictions(network, test, 100);
  const manifestWith = (entry: unknown) => ({
    ...createManifest(DEFAULT_ARCHITECTURE),
    checkpoints: [
      { epoch: 0, file: 'epoch-00.bin', testAccuracy: null, trainLoss: null },
      { epoch: 1, file: 'epoch-01.bin', testAccuracy: null, trainLoss: null, predictions: entry },
    ],
  });

  function writeRun(entry: unknown, predictionsBytes = encodePredictions(predictions)): string {
    const dir = mkdtempSync(join(tmpdir(), 'lenet-predictions-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestWith(entry)));
    writeFileSync(join(dir, 'epoch-00.bin'), encodeCheckpoint(params));
    writeFileSync(join(dir, 'epoch-01.bin'), encodeCheckpoint(params));
    writeFileSync(join(dir, 'epoch-01.predictions.bin'), predictionsBytes);
    return dir;
  }
  const load = (dir: string) => loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);

  it('load aligned with the checkpoints, null where none is listed', async () => {
    const run = await load(writeRun({ file: 'epoch-01.predictions.bin', images: 100 }));
    expect(run.predictions).toHaveLength(2);
    expect(run.predictions[0]).toBeNull();
    expect(run.predictions[1]).toEqual(predictions);
  });

  it('refuse a truncated or missing predictions file, naming it', async () => {
    const cut = writeRun(
      { file: 'epoch-01.predictions.bin', images: 100 },
      encodePredictions(predictions).subarray(0, 850),
    );
    await expect(load(cut)).rejects.toThrow(
      new RegExp(`${cut}/epoch-01\\.predictions\\.bin: 850 bytes, expected 900.*truncated`),
    );
    const wrongCount = writeRun({ file: 'epoch-01.predictions.bin', images: 99 });
    await expect(load(wrongCount)).rejects.toThrow(/epoch-01\.predictions\.bin: 900 bytes, expected 891/);
    const missing = writeRun({ file: 'epoch-01.predictions.bin', images: 100 });
    rmSync(join(missing, 'epoch-01.predictions.bin'));
    await expect(load(missing)).rejects.toThrow(new RegExp(`${missing}/epoch-01\\.predictions\\.bin: cannot be read`));
  });

  const entries: [string, unknown, RegExp][] = [
    ['null', null, /checkpoint 1: predictions is null, expected an object/],
    [
      'a string',
      'epoch-01.predictions.bin',
      /checkpoint 1: predictions is "epoch-01.predictions.bin", expected an object/,
    ],
    ['an array', [], /predictions is \[\], expected an object/],
    [
      'a file name with a path',
      { file: '../epoch-01.predictions.bin', images: 100 },
      /predictions file "..\/epoch-01.predictions.bin", expected a plain name/,
    ],
    [
      'a file name starting with a dot',
      { file: '.epoch-01.predictions.bin', images: 100 },
      /predictions file ".epoch-01.predictions.bin", expected a plain name/,
    ],
    [
      "another checkpoint's file",
      { file: 'epoch-00.predictions.bin', images: 100 },
      /checkpoint 1: predictions file "epoch-00.predictions.bin", expected "epoch-01.predictions.bin"/,
    ],
    [
      'the wrong suffix',
      { file: 'epoch-01.bin', images: 100 },
      /predictions file "epoch-01.bin", expected a plain name ending in .predictions.bin/,
    ],
    ['no file', { images: 100 }, /predictions file undefined/],
    [
      'zero images',
      { file: 'epoch-01.predictions.bin', images: 0 },
      /checkpoint 1: predictions: images is 0, expected an integer from 1 to 10000/,
    ],
    ['10001 images', { file: 'epoch-01.predictions.bin', images: 10001 }, /images is 10001/],
    ['a fractional count', { file: 'epoch-01.predictions.bin', images: 99.5 }, /images is 99.5/],
    ['a count as a string', { file: 'epoch-01.predictions.bin', images: '100' }, /images is "100"/],
  ];

  it.each(entries)('refuse a predictions entry that is %s', (_, entry, message) => {
    expect(() => validateManifest(manifestWith(entry), 'run/manifest.json')).toThrow(message);
    expect(() => validateManifest(manifestWith(entry), 'run/manifest.json')).toThrow(/^run\/manifest.json: /);
  });
});

describe("the shipped run's predictions", () => {
  it("are listed for every checkpoint and give exactly the manifest's test accuracy", () => {
    shipped.manifest.checkpoints.forEach((checkpoint, i) => {
      const p = shipped.predictions[i];
      expect(p, checkpoint.file).not.toBeNull();
      expect(p!.images).toBe(10000);
      expect(predictionsAccuracy(p!, test.labels)).toBe(checkpoint.testAccuracy);
    });
  });

  it('are what the reference engine computes from the checkpoint (first 200 images of the last checkpoint)', () => {
    const last = shipped.checkpoints.length - 1;
    const p = computePredictions(shippedNetwork(last), test, 200);
    const stored = shipped.predictions[last]!;
    expect(p.predicted).toEqual(stored.predicted.subarray(0, 200));
    expect(p.confidence).toEqual(stored.confidence.subarray(0, 200));
    expect(p.trueProbability).toEqual(stored.trueProbability.subarray(0, 200));
  });
});
