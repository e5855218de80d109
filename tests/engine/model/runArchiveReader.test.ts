import { deflateSync, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_ARCHIVE_BYTES,
  MAX_ARCHIVE_ENTRIES,
  MAX_CHECKPOINT_BYTES,
  MAX_PREDICTIONS_BYTES,
  MAX_RUN_BYTES,
  readRunArchive,
} from '../../../src/engine/model/runArchiveReader';
import { MAX_CHECKPOINTS, MAX_MANIFEST_BYTES } from '../../../src/engine/model/runValidation';
import {
  centralRecords,
  declareSize,
  encoder,
  manifestOf,
  renameEntry,
  validRunFiles,
  withManifestText,
  zipFiles,
} from './runFixtures';

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

/** Rejects within `seconds`, with a plain Error whose message starts with the file name and matches `pattern`. */
async function refused(bytes: Uint8Array, fileName: string, pattern: RegExp, seconds = 2): Promise<string> {
  const start = performance.now();
  const error = await readRunArchive(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect((performance.now() - start) / 1000).toBeLessThan(seconds);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).constructor).toBe(Error);
  const message = (error as Error).message;
  expect(message.startsWith(fileName)).toBe(true);
  expect(message).toMatch(pattern);
  expect(message).not.toMatch(/internal error/);
  return message;
}

/** A raw DEFLATE stream of `n` zero bytes (~1 kB of it per MB), compressed once per size. */
const zeros = new Map<number, Uint8Array>();
function deflatedZeros(n: number): Uint8Array {
  if (!zeros.has(n)) zeros.set(n, deflateSync(new Uint8Array(n), { level: 1 }));
  return zeros.get(n)!;
}

/** A one-entry zip named `name` whose deflated data is `n` zero bytes but which declares `declared` bytes. */
function bombZip(name: string, n: number, declared: number): Uint8Array {
  // Zip an empty stand-in, then put the bomb's compressed data after its local header and patch method and sizes
  // (the CRC is left wrong: a refusal comes before it is checked).
  const data = deflatedZeros(n);
  const head = zipSync({ [name]: [new Uint8Array(0), { level: 0 }] });
  const local = head.subarray(0, 30 + name.length);
  const out = new Uint8Array(head.length + data.length);
  out.set(local, 0);
  out.set(data, local.length);
  out.set(head.subarray(local.length), local.length + data.length);
  const view = new DataView(out.buffer);
  const record = local.length + data.length;
  view.setUint16(8, 8, true);
  view.setUint32(18, data.length, true);
  view.setUint32(22, declared, true);
  view.setUint16(record + 10, 8, true);
  view.setUint32(record + 20, data.length, true);
  view.setUint32(record + 24, declared, true);
  view.setUint32(out.length - 22 + 16, record, true);
  return out;
}

describe('readRunArchive: valid runs', () => {
  it('loads a run with and without predictions, stored or deflated', async () => {
    for (const predictions of [false, true]) {
      const files = validRunFiles({ predictions });
      for (const level of [0, 6] as const) {
        const run = await readRunArchive(zipFiles(files, level), 'ok.zip');
        expect(run.checkpoints).toHaveLength(2);
        expect(new Uint8Array(run.checkpoints[1].buffer)).toEqual(files.get('epoch-01.bin'));
        expect(run.predictions.map((p) => p?.images ?? null)).toEqual(predictions ? [12, 12] : [null, null]);
      }
    }
  });

  it('derives its limits from the format', () => {
    expect(MAX_CHECKPOINTS).toBe(200);
    expect(MAX_MANIFEST_BYTES).toBe(1 << 20);
    // the subsampling variants have 44 more parameters than the default, learned combinations 96 (c3.alphaLogits)
    expect(MAX_CHECKPOINT_BYTES).toBe((61706 + 44 + 96) * 4);
    expect(MAX_PREDICTIONS_BYTES).toBe(90000);
    expect(MAX_ARCHIVE_ENTRIES).toBe(401);
    expect(MAX_RUN_BYTES).toBe((1 << 20) + 200 * (247384 + 90000));
    expect(MAX_ARCHIVE_BYTES).toBe(MAX_RUN_BYTES + (1 << 20));
  });
});

describe('readRunArchive: what is refused before anything is inflated', () => {
  it('refuses bytes that are not a zip, an empty file and a cut zip', async () => {
    await refused(
      encoder.encode('hello'),
      'notes.txt',
      /^notes\.txt: not a run file \(a zip of a lenet5-run\/1 folder\)/,
    );
    await refused(new Uint8Array(0), 'empty.zip', /not a run file/);
    const zip = zipFiles(validRunFiles());
    await refused(zip.subarray(0, zip.length - 30), 'cut.zip', /not a run file/);
    await refused(zip.subarray(0, 1000), 'cut.zip', /not a run file/);
  });

  it('refuses a file larger than any run file without reading it', async () => {
    const huge = new Uint8Array(MAX_ARCHIVE_BYTES + 1);
    await refused(huge, 'big.zip', /big\.zip: \d+ bytes, more than any run file/);
  });

  it(`refuses more than ${MAX_ARCHIVE_ENTRIES} entries`, async () => {
    const files = Object.fromEntries(
      Array.from({ length: MAX_ARCHIVE_ENTRIES + 1 }, (_, i) => [`e${i}.bin`, new Uint8Array(1)]),
    );
    await refused(zipSync(files), 'many.zip', /many\.zip: has 402 entries, a run file has at most 401/);
  });

  it('refuses entries that declare more than the format allows (manifest, checkpoint, predictions)', async () => {
    const zip = zipFiles(validRunFiles({ predictions: true }));
    const names = Object.keys(unzipSync(zip));
    for (const [name, limit] of [
      ['manifest.json', MAX_MANIFEST_BYTES],
      ['epoch-00.bin', MAX_CHECKPOINT_BYTES],
      ['epoch-00.predictions.bin', MAX_PREDICTIONS_BYTES],
    ] as const) {
      await refused(
        declareSize(zip, names.indexOf(name), limit + 1),
        'big.zip',
        new RegExp(`entry "${name}" declares ${limit + 1} bytes, at most ${limit}`),
      );
    }
    // An honest 1.5 MiB manifest (whitespace) is refused the same way, from its declared size.
    const files = validRunFiles();
    const padded = withManifestText(
      files,
      `${new TextDecoder().decode(files.get('manifest.json'))}${' '.repeat(1.5 * (1 << 20))}`,
    );
    await refused(zipFiles(padded), 'padded.zip', /entry "manifest.json" declares \d+ bytes, at most 1048576/);
  });

  it('refuses entries whose declared sizes add up to more than any run (each one within its limit)', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `epoch-${i}.bin`);
    let zip: Uint8Array = zipSync(Object.fromEntries(names.map((n) => [n, new Uint8Array(4)])));
    for (let i = 0; i < names.length; i++) zip = declareSize(zip, i, MAX_CHECKPOINT_BYTES);
    await refused(zip, 'sum.zip', new RegExp(`declare more than ${MAX_RUN_BYTES} bytes in all`));
  });

  it.each([
    ['../x.bin', /has a path/],
    ['a/b.bin', /has a path/],
    ['/abs.bin', /has a path/],
    ['a\\b.bin', /has a path/],
    ['C:x.bin', /has a path/],
    ['run/', /has a path/],
    ['.hidden.bin', /is not a file of a run/],
    ['notes.txt', /is not a file of a run/],
    ['__proto__', /is not a file of a run/],
    ['constructor', /is not a file of a run/],
    ['prototype', /is not a file of a run/],
    ['a b.bin', /is not a file of a run/],
    ['x'.repeat(300) + '.bin', /is not a file of a run/],
  ])('refuses an entry named %j', async (name, pattern) => {
    // fflate's zipSync cannot write an entry named __proto__ (it stores names as keys of a plain object), so every
    // name is written as a placeholder of the same length and renamed in place.
    const files = [...validRunFiles()];
    const placeholder = 'q'.repeat(name.length);
    const last = zipFiles([...files, [placeholder, new Uint8Array(4)]]);
    await refused(renameEntry(last, files.length, name), 'names.zip', pattern);
    await refused(renameEntry(zipFiles([[placeholder, new Uint8Array(4)], ...files]), 0, name), 'names.zip', pattern);
  });

  it('refuses a zip64 archive (no run is large enough to need one)', async () => {
    const zip = zipFiles(validRunFiles());
    const locator = new Uint8Array(20);
    new DataView(locator.buffer).setUint32(0, 0x07064b50, true);
    const zip64 = new Uint8Array(zip.length + 20);
    zip64.set(zip.subarray(0, zip.length - 22));
    zip64.set(locator, zip.length - 22);
    zip64.set(zip.subarray(zip.length - 22), zip.length - 2);
    await refused(zip64, 'z64.zip', /z64\.zip: is a zip64 archive/);
  });

  it('refuses two entries of the same name, an encrypted entry and an unknown compression method', async () => {
    const zip = zipFiles(validRunFiles());
    const names = Object.keys(unzipSync(zip));
    await refused(
      renameEntry(zip, names.indexOf('epoch-01.bin'), 'epoch-00.bin'),
      'twice.zip',
      /entry "epoch-00.bin" appears twice/,
    );
    const encrypted = zip.slice();
    const view = new DataView(encrypted.buffer);
    view.setUint16(centralRecords(encrypted)[0] + 8, 1, true);
    await refused(encrypted, 'secret.zip', /is encrypted/);
    const bzip = zip.slice();
    new DataView(bzip.buffer).setUint16(centralRecords(bzip)[0] + 10, 12, true);
    await refused(bzip, 'bzip.zip', /not a run file|compression method 12/);
  });
});

describe('readRunArchive: entries that lie about their size', () => {
  it("fflate's own unzipSync trusts the declared size: it truncates silently, after inflating everything", () => {
    const zip = bombZip('manifest.json', 64 << 20, 1000);
    const files = unzipSync(zip);
    expect(files['manifest.json']).toHaveLength(1000); // 64 MiB inflated, all but 1000 bytes dropped, no error
  });

  it('refuses an entry that inflates past its declared size as soon as it does, without inflating the rest', async () => {
    // ~64 kB of compressed zeros that inflate to 64 MiB, declared as 1000 bytes.
    const message = await refused(
      bombZip('manifest.json', 64 << 20, 1000),
      'bomb.zip',
      /inflates to more than the 1000 bytes its zip entry declares/,
      1.5,
    );
    expect(message).toMatch(/^bomb\.zip\/manifest\.json: /);
  });

  it('refuses an honest bomb from its declared size alone', async () => {
    await refused(
      bombZip('manifest.json', 64 << 20, 64 << 20),
      'bomb.zip',
      /declares 67108864 bytes, at most 1048576/,
      0.2,
    );
  });

  it('refuses an entry that inflates to fewer bytes than it declares', async () => {
    const zip = zipFiles(validRunFiles());
    const names = Object.keys(unzipSync(zip));
    await refused(
      declareSize(zip, names.indexOf('epoch-00.bin'), MAX_CHECKPOINT_BYTES),
      'short.zip',
      /short\.zip\/epoch-00\.bin: cannot be read \(inflates to 246824 bytes, not the 247384 its zip entry declares/,
    );
  });

  it('refuses a stored entry whose sizes disagree, and damaged data by its CRC-32', async () => {
    const stored = zipFiles(validRunFiles(), 0);
    const names = Object.keys(unzipSync(stored));
    await refused(declareSize(stored, names.indexOf('epoch-00.bin'), 1000), 'stored.zip', /compressed bytes for 1000/);
    const flipped = stored.slice();
    const data =
      new DataView(flipped.buffer).getUint32(centralRecords(flipped)[names.indexOf('epoch-01.bin')] + 42, true) +
      30 +
      12 +
      100;
    flipped[data] ^= 0x10;
    await refused(
      flipped,
      'flipped.zip',
      /flipped\.zip\/epoch-01\.bin: cannot be read \(damaged \(its CRC-32 does not match\)\)/,
    );
  });
});

describe('readRunArchive: what the manifest must account for', () => {
  it('refuses an entry the manifest does not list, and a listed file that is missing', async () => {
    const files = validRunFiles();
    await refused(
      zipFiles([...files, ['epoch-07.bin', files.get('epoch-00.bin')!]]),
      'extra.zip',
      /extra\.zip: contains "epoch-07.bin", which manifest.json does not list/,
    );
    await refused(zipFiles([...files, ['__proto__.bin', new Uint8Array(4)]]), 'extra.zip', /contains "__proto__.bin"/);
    const missing = new Map(files);
    missing.delete('epoch-01.bin');
    await refused(
      zipFiles(missing),
      'missing.zip',
      /missing\.zip\/epoch-01\.bin: cannot be read \(missing from the file\)/,
    );
    missing.delete('manifest.json');
    await refused(zipFiles(missing), 'missing.zip', /missing\.zip\/manifest\.json: missing from the file/);
  });

  it('refuses a manifest that is not JSON, and one whose checkpoint is truncated, naming the file', async () => {
    await refused(
      zipFiles(withManifestText(validRunFiles(), '{ "format": ')),
      'bad.zip',
      /^bad\.zip\/manifest\.json: /,
    );
    const files = validRunFiles();
    files.set('epoch-01.bin', files.get('epoch-01.bin')!.subarray(0, 1000));
    await refused(zipFiles(files), 'cut.zip', /cut\.zip\/epoch-01\.bin: 1000 bytes, expected 246824 .*truncated/);
  });

  it('keeps __proto__ keys of a manifest as plain data: no prototype is touched', async () => {
    const files = validRunFiles({ predictions: true });
    const text = new TextDecoder().decode(files.get('manifest.json'));
    const poison = '"__proto__":{"polluted":true}';
    // Where the format allows extra keys the run loads (and keeps the key as an own property); elsewhere it is refused.
    const loads = await readRunArchive(zipFiles(withManifestText(files, text.replace('{', `{${poison},`))), 'p.zip');
    expect(Object.hasOwn(loads.manifest, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(loads.manifest)).toBe(Object.prototype);
    await readRunArchive(
      zipFiles(withManifestText(files, text.replace('"training":{', `"training":{${poison},`))),
      'p.zip',
    );
    await readRunArchive(
      zipFiles(withManifestText(files, text.replace('"checkpoints":[{', `"checkpoints":[{${poison},`))),
      'p.zip',
    );
    await refused(
      zipFiles(withManifestText(files, text.replace('"architecture":{', `"architecture":{${poison},`))),
      'p.zip',
      /unknown option "__proto__"/,
    );
    await refused(
      zipFiles(withManifestText(files, text.replace('"activationRanges":{', `"activationRanges":{${poison},`))),
      'p.zip',
      /"__proto__", which is not a layer/,
    );
    await refused(
      zipFiles(
        withManifestText(
          files,
          text.replace('"predictions":{', `"predictions":{${poison},`).replace(/"images":12/, '"images":"12"'),
        ),
      ),
      'p.zip',
      /images is "12"/,
    );
    await refused(
      zipFiles(withManifestText(files, `{"__proto__":{"format":"lenet5-run/1","polluted":true}}`)),
      'p.zip',
      /format is undefined/,
    );
    expect(manifestOf(files).format).toBe('lenet5-run/1');
  });
});
