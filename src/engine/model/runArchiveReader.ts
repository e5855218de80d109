/**
 * Reads a run file: a zip holding exactly the files of a `lenet5-run/1` folder at its top level (manifest.json,
 * the checkpoints and the predictions files it lists). Pure and DOM-free, so it runs in the page or a worker.
 *
 * A hostile or damaged file is refused with a `RunFormatError` (its message the problem's English, starting with
 * the file's name), before anything large is allocated and in time proportional to what a valid run could hold:
 * - the entries are listed (fflate's `unzipSync` with a filter that inflates nothing) and checked against the
 *   limits below from the central directory alone: their number, plain names, declared sizes and their total;
 * - each entry is then inflated into a buffer of exactly its declared size, in small pieces, and refused as
 *   soon as it produces a byte more (fflate's own `unzipSync` would silently drop the extra bytes of an entry
 *   that under-declares its size, but still spend the time inflating all of them: ~1 s per 256 KiB of a bomb);
 * - every entry's CRC-32 is checked, then the run is validated like any run folder (`loadRun`);
 * - an entry the manifest does not list is refused: a run file is exactly the run folder, nothing else.
 */
import { Inflate, unzipSync } from 'fflate';
import { allArchitectures, lenet5Layers } from './lenet5';
import { parameterLayout } from './parameters';
import { MAX_PREDICTION_IMAGES, predictionsByteLength } from './predictions';
import { causeOf, describeValue, inFile, problemOf, refuser, runFormatError, type Refuse } from './runFormatError';
import { loadRun, type LoadedRun } from './runLoader';
import { runProblem } from './runProblems';
import { MAX_CHECKPOINTS, MAX_FILE_NAME_LENGTH, MAX_MANIFEST_BYTES } from './runValidation';

/** The largest checkpoint file: every parameter of the biggest architecture variant as float32 (~247 kB). */
export const MAX_CHECKPOINT_BYTES =
  4 * Math.max(...allArchitectures().map((o) => parameterLayout(lenet5Layers(o)).size));

/** The largest predictions file: 9 bytes for each of the 10,000 MNIST test images. */
export const MAX_PREDICTIONS_BYTES = predictionsByteLength(MAX_PREDICTION_IMAGES);

/** The most entries a run file holds: manifest.json, and a checkpoint and a predictions file per checkpoint. */
export const MAX_ARCHIVE_ENTRIES = 1 + 2 * MAX_CHECKPOINTS;

/** The most bytes a valid run inflates to (~65 MiB): the largest manifest, checkpoints and predictions files. */
export const MAX_RUN_BYTES = MAX_MANIFEST_BYTES + MAX_CHECKPOINTS * (MAX_CHECKPOINT_BYTES + MAX_PREDICTIONS_BYTES);

/** The largest run file accepted: a valid run stored uncompressed, plus 1 MiB for zip headers (~2.6 kB an entry). */
export const MAX_ARCHIVE_BYTES = MAX_RUN_BYTES + (1 << 20);

/** Refuses an entry's bytes; `readRunArchive` names the entry (through `loadRun`: `file: cannot be read (problem)`). */
const refuse: Refuse = refuser();

/** Compressed bytes pushed to the inflater at a time: bounds what one push can produce to ~17 MB. */
const INFLATE_PIECE = 16 * 1024;

/** One entry of the archive, from its central directory record. */
interface ArchiveEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly originalSize: number;
  readonly localOffset: number;
}

/** The most bytes an entry of this name may hold, or null for a name that is not part of a run. */
function entryLimit(name: string): number | null {
  if (name === 'manifest.json') return MAX_MANIFEST_BYTES;
  if (name.endsWith('.predictions.bin')) return MAX_PREDICTIONS_BYTES;
  if (name.endsWith('.bin')) return MAX_CHECKPOINT_BYTES;
  return null;
}

const u16 = (bytes: Uint8Array, at: number) => bytes[at] | (bytes[at + 1] << 8);
const u32 = (bytes: Uint8Array, at: number) =>
  (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;

/**
 * The central directory records, in order (the order fflate lists them in), without their names. Only what
 * fflate does not report is read here: flags, CRC and where each entry's local header is. Zip64 is refused.
 */
function centralDirectory(bytes: Uint8Array, fail: Refuse): Omit<ArchiveEntry, 'name'>[] {
  let end = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  while (end >= stop && u32(bytes, end) !== 0x06054b50) end--;
  if (end < stop) fail('notRunFile', { why: runProblem('noEndOfDirectory') });
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) fail('zip64');
  const count = u16(bytes, end + 8);
  if (count > MAX_ARCHIVE_ENTRIES) fail('tooManyEntries', { entries: count, most: MAX_ARCHIVE_ENTRIES });
  const records: Omit<ArchiveEntry, 'name'>[] = [];
  let at = u32(bytes, end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50)
      fail('notRunFile', { why: runProblem('directoryEntryDamaged', { index: i }) });
    records.push({
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      size: u32(bytes, at + 20),
      originalSize: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    });
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return records;
}

/** Lists and checks every entry before anything is inflated; refuses with `fail`. */
function listEntries(bytes: Uint8Array, fail: Refuse): Map<string, ArchiveEntry> {
  const records = centralDirectory(bytes, fail);
  const entries = new Map<string, ArchiveEntry>();
  let index = 0,
    total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        const record = records[index++];
        const name = describeValue(file.name);
        if (
          record === undefined ||
          record.size !== file.size ||
          record.originalSize !== file.originalSize ||
          record.method !== file.compression
        ) {
          fail('directoryDamaged');
        }
        if (/[/\\:]/.test(file.name)) fail('entryHasPath', { name });
        const limit = entryLimit(file.name);
        if (
          !/^[\w.-]+$/.test(file.name) ||
          file.name.startsWith('.') ||
          file.name.length > MAX_FILE_NAME_LENGTH ||
          limit === null
        ) {
          fail('entryNotOfRun', { name });
        }
        if (entries.has(file.name)) fail('entryTwice', { name });
        if (record.flags & 1) fail('entryEncrypted', { name });
        if (file.compression !== 0 && file.compression !== 8) fail('entryMethod', { name, method: file.compression });
        if (file.originalSize > limit!) fail('entryTooLarge', { name, bytes: file.originalSize, most: limit! });
        if (file.compression === 0 ? file.size !== file.originalSize : file.size > limit! + (limit! >> 3) + 1024) {
          fail('entryCompressedSize', { name, compressed: file.size, bytes: file.originalSize });
        }
        total += file.originalSize;
        if (total > MAX_RUN_BYTES) fail('entriesTooLarge', { most: MAX_RUN_BYTES });
        entries.set(file.name, { ...record, name: file.name });
        return false; // nothing is inflated here
      },
    });
  } catch (error) {
    if (problemOf(error) !== null) throw error; // refused by `fail` in the filter
    fail('notRunFile', { why: causeOf(error) });
  }
  if (index !== records.length) fail('directoryDamaged');
  return entries;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Inflates raw DEFLATE data that must produce exactly `expected` bytes; stops at the first byte over. */
function inflateExactly(data: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let length = 0;
  const overflow = runFormatError(runProblem('inflatesTooMuch', { bytes: expected }));
  const inflater = new Inflate((chunk) => {
    if (chunk.length > expected - length) throw overflow;
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    let at = 0;
    do {
      const next = Math.min(at + INFLATE_PIECE, data.length);
      inflater.push(data.subarray(at, next), next === data.length);
      at = next;
    } while (at < data.length);
  } catch (error) {
    if (error === overflow) throw error;
    refuse('compressedDataDamaged', { detail: causeOf(error) });
  }
  if (length !== expected) refuse('inflatesTooLittle', { actual: length, bytes: expected });
  return out;
}

/** The bytes of one listed entry, checked against its declared size and CRC-32. */
function extract(bytes: Uint8Array, entry: ArchiveEntry): Uint8Array {
  const header = entry.localOffset;
  if (header + 30 > bytes.length || u32(bytes, header) !== 0x04034b50) refuse('localHeaderMissing');
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  if (start + entry.size > bytes.length) refuse('endsInsideEntry');
  const data = bytes.subarray(start, start + entry.size);
  const out = entry.method === 0 ? data.slice() : inflateExactly(data, entry.originalSize);
  if (crc32(out) !== entry.crc) refuse('crcMismatch');
  return out;
}

/**
 * Reads and validates a run file (zip bytes). Resolves with a fully validated run, or rejects with a
 * `RunFormatError` whose message starts with `fileName` and names the problem; nothing partial is returned.
 */
export async function readRunArchive(bytes: Uint8Array, fileName: string): Promise<LoadedRun> {
  const fail: Refuse = refuser(inFile(fileName));
  try {
    if (bytes.byteLength > MAX_ARCHIVE_BYTES)
      fail('archiveTooLarge', { bytes: bytes.byteLength, most: MAX_ARCHIVE_BYTES });
    const entries = listEntries(bytes, fail);
    const read = new Set<string>();
    const run = await loadRun(async (name) => {
      const entry = entries.get(name);
      if (entry === undefined) refuse('missingFromFile');
      read.add(name);
      return extract(bytes, entry);
    }, fileName);
    for (const name of entries.keys()) {
      if (!read.has(name)) fail('unlistedEntry', { name: describeValue(name) });
    }
    return run;
  } catch (error) {
    if (problemOf(error) !== null && (error as Error).message.startsWith(fileName)) throw error;
    throw runFormatError(inFile(fileName)(runProblem('readInternalError', { detail: causeOf(error) })));
  }
}
