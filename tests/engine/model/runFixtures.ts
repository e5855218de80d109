/** Small valid runs and hand-made zips for the run-reading tests (not a test file itself). */
import { zipSync } from 'fflate';
import { initialParameters } from '../../../src/engine/model/initialize';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { encodePredictions, predictionsFileName } from '../../../src/engine/model/predictions';
import { checkpointFileName, createManifest, encodeCheckpoint } from '../../../src/engine/model/runFormat';

export const encoder = new TextEncoder();

/** The files of a valid run: 2 checkpoints (epochs 0 and 1) of seeded weights, with 12-image predictions if asked. */
export function validRunFiles({ predictions = false, seed = 1 } = {}): Map<string, Uint8Array> {
  const layers = lenet5Layers(DEFAULT_ARCHITECTURE);
  const files = new Map<string, Uint8Array>();
  const checkpoints = [0, 1].map((epoch) => {
    const file = checkpointFileName(epoch);
    files.set(file, encodeCheckpoint(initialParameters(layers, seed + epoch) as Float32Array));
    const entry: Record<string, unknown> = {
      epoch,
      file,
      testAccuracy: 0.1 + 0.8 * epoch,
      trainLoss: epoch === 0 ? null : 0.3,
      testLoss: 2.3 - epoch,
      activationRanges: Object.fromEntries(
        layers.map((l) => [l.id, { out: [0, 1 + epoch], pre: l.id === 'input' ? null : [-1, 1] }]),
      ),
    };
    if (predictions) {
      const images = 12;
      const p = {
        images,
        predicted: Uint8Array.from({ length: images }, (_, i) => i % 10),
        confidence: new Float32Array(images).fill(0.75),
        trueProbability: Float32Array.from({ length: images }, (_, i) => (i % 3) / 4),
      };
      entry.predictions = { file: predictionsFileName(file), images };
      files.set(predictionsFileName(file), encodePredictions(p));
    }
    return entry;
  });
  const manifest = {
    ...createManifest(DEFAULT_ARCHITECTURE, { training: { engine: 'test', testImages: 10000 } }),
    checkpoints,
  };
  files.set('manifest.json', encoder.encode(JSON.stringify(manifest)));
  return files;
}

/** The parsed manifest of `files`. */
export function manifestOf(files: Map<string, Uint8Array>): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
}

/** A copy of `files` with `manifest.json` replaced by `text`. */
export function withManifestText(files: Map<string, Uint8Array>, text: string): Map<string, Uint8Array> {
  return new Map([...files, ['manifest.json', encoder.encode(text)]]);
}

/** Zip bytes of `files`, manifest first (Object.fromEntries keeps names like `__proto__` as plain entries). */
export function zipFiles(files: Map<string, Uint8Array> | [string, Uint8Array][], level: 0 | 6 = 6): Uint8Array {
  return zipSync(Object.fromEntries([...files].map(([name, bytes]) => [name, [bytes, { level }]])));
}

/** A run file reader over a map, as a folder would be read. */
export const mapReader = (files: Map<string, Uint8Array>) => async (name: string) => {
  const bytes = files.get(name);
  if (!bytes) throw new Error('not found');
  return bytes;
};

/** Offsets of every central directory record of `zip`, in order. */
export function centralRecords(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const records: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 8, true); i++) {
    records.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return records;
}

/**
 * Makes entry `index` of `zip` lie: its declared uncompressed size (central directory and local header)
 * becomes `declared`. Returns a new array.
 */
export function declareSize(zip: Uint8Array, index: number, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const record = centralRecords(out)[index];
  view.setUint32(record + 24, declared, true);
  view.setUint32(view.getUint32(record + 42, true) + 22, declared, true);
  return out;
}

/** Renames entry `index` of `zip` (same length name) in its central record and local header. */
export function renameEntry(zip: Uint8Array, index: number, name: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const record = centralRecords(out)[index];
  if (view.getUint16(record + 28, true) !== name.length) throw new Error('renameEntry keeps the name length');
  out.set(encoder.encode(name), record + 46);
  out.set(encoder.encode(name), view.getUint32(record + 42, true) + 30);
  return out;
}
