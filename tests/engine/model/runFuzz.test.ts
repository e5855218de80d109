/**
 * Property-based tests of run reading: a valid small run (2 checkpoints, with and without predictions files) is
 * mutated at random (manifest values and keys, checkpoint and predictions bytes, zip bytes), and every result
 * must be either a fully valid run or a refusal: a plain Error whose message starts with the file name. Never
 * an error from deep inside (a TypeError or RangeError surfaces as "internal error"), never a hang, and
 * Object.prototype never changes.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { parameterLayout } from '../../../src/engine/model/parameters';
import { readRunArchive } from '../../../src/engine/model/runArchiveReader';
import { loadRun, type LoadedRun } from '../../../src/engine/model/runLoader';
import { encoder, manifestOf, mapReader, renameEntry, validRunFiles, zipFiles } from './runFixtures';

const PROTOTYPE_KEYS = Reflect.ownKeys(Object.prototype).length;
const bases = [validRunFiles({ predictions: false }), validRunFiles({ predictions: true, seed: 7 })];
const baseManifests = bases.map(manifestOf);
const deflatedZips = bases.map((files) => zipFiles(files, 6));
const counts = { loaded: 0, refused: 0 };

/** Fails unless `outcome` is a fully valid run or a clean refusal naming `source`; checks Object.prototype. */
async function settle(outcome: Promise<LoadedRun>, source: string): Promise<void> {
  let run: LoadedRun | undefined;
  let error: unknown;
  try {
    run = await outcome;
  } catch (e) {
    error = e ?? new Error('rejected with nothing');
  }
  if (
    ({} as Record<string, unknown>).polluted !== undefined ||
    Reflect.ownKeys(Object.prototype).length !== PROTOTYPE_KEYS
  ) {
    throw new Error('Object.prototype changed');
  }
  if (error !== undefined) {
    if (!(error instanceof Error) || error.constructor !== Error)
      throw new Error(`refused with a ${Object.prototype.toString.call(error)}: ${String(error)}`);
    if (!error.message.startsWith(source)) throw new Error(`message does not start with ${source}: ${error.message}`);
    if (error.message.includes('(internal error: ')) throw new Error(`an unforeseen failure: ${error.message}`);
    counts.refused++;
    return;
  }
  const size = parameterLayout(lenet5Layers(run!.manifest.architecture)).size;
  expect(run!.checkpoints).toHaveLength(run!.manifest.checkpoints.length);
  expect(run!.predictions).toHaveLength(run!.manifest.checkpoints.length);
  for (const params of run!.checkpoints) {
    expect(params).toBeInstanceOf(Float32Array);
    expect(params.length).toBe(size);
    for (let i = 0; i < params.length; i++)
      if (!Number.isFinite(params[i])) throw new Error(`parameter ${i} is ${params[i]}`);
  }
  for (const p of run!.predictions) {
    if (p === null) continue;
    expect(p.predicted.length).toBe(p.images);
    expect(p.predicted.every((d) => d <= 9)).toBe(true);
    expect(p.confidence.every((c) => c >= 0 && c <= 1)).toBe(true);
  }
  counts.loaded++;
}

// ---- manifest mutations ------------------------------------------------------------------------------------

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const manifestPaths = baseManifests.map((m) => paths(m));

type ManifestEdit =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'checkpoints'; count: number; epochStep: number; file: string };

const odd = fc.constantFrom<unknown>(
  -1,
  -4,
  0,
  0.5,
  1,
  12,
  600,
  246824,
  1e21,
  1e308,
  -1e308,
  2 ** 53 + 2,
  'NaN',
  'Infinity',
  '-Infinity',
  '__proto__',
  'constructor',
  '',
  '../x.bin',
  'a/b.bin',
  'epoch-00.bin',
  'manifest.json',
  null,
  true,
  [],
  {},
  [0, 1],
  [6, 1, 5, 5],
  { polluted: true },
  { out: [0, 1], pre: null },
);

const manifestEdit: fc.Arbitrary<ManifestEdit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.oneof(odd, fc.jsonValue({ maxDepth: 3 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('checkpoints' as const),
    count: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 190, max: 260 })),
    epochStep: fc.constantFrom(1, 0, -1, 0.0625),
    file: fc.constantFrom('epoch-00.bin', 'epoch-01.bin', 'epoch-02.bin', '__proto__.bin', 'constructor.bin'),
  }),
);

/** Text edits of the serialised manifest: keys JSON.parse makes own properties, and numbers it reads as Infinity. */
type TextEdit =
  | { kind: 'key'; at: number; key: string; value: string }
  | { kind: 'number'; at: number; literal: string }
  | { kind: 'cut'; at: number };

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('key' as const),
    at: fc.nat(),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted'),
    value: fc.constantFrom(
      '{"polluted":true}',
      '{"prototype":{"polluted":true}}',
      '{"format":"lenet5-run/1","polluted":true}',
      'null',
      '[1]',
      '"x"',
    ),
  }),
  fc.record({
    kind: fc.constant('number' as const),
    at: fc.nat(),
    literal: fc.constantFrom('1e999', '-1e999', '-0', '1e-400', '123456789012345678901234567890', 'NaN'),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

function applyManifestEdit(m: unknown, all: Path[], edit: ManifestEdit): unknown {
  if (edit.kind === 'checkpoints') {
    if (typeof m !== 'object' || m === null || !Array.isArray((m as Record<string, unknown>).checkpoints)) return m;
    const list = (m as { checkpoints: Record<string, unknown>[] }).checkpoints;
    const template = list[0] ?? {};
    (m as Record<string, unknown>).checkpoints = [
      ...list,
      ...Array.from({ length: edit.count }, (_, i) => ({
        ...template,
        epoch: (list.length + i) * edit.epochStep,
        file: i === 0 ? edit.file : `epoch-x${i}.bin`,
      })),
    ];
    return m;
  }
  const path = all[edit.at % all.length];
  if (path.length === 0) return edit.kind === 'set' ? edit.value : undefined;
  let parent: unknown = m;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return m;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return m;
  const key = path[path.length - 1];
  if (edit.kind === 'set')
    Object.defineProperty(parent, key, { value: edit.value, enumerable: true, writable: true, configurable: true });
  else if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete (parent as Record<string | number, unknown>)[key];
  return m;
}

function applyTextEdit(text: string, edit: TextEdit): string {
  if (edit.kind === 'cut') return text.slice(0, edit.at % (text.length + 1));
  if (edit.kind === 'key') {
    const braces = [...text.matchAll(/\{/g)].map((match) => match.index!);
    if (braces.length === 0) return text;
    const at = braces[edit.at % braces.length] + 1;
    return `${text.slice(0, at)}"${edit.key}":${edit.value}${text[at] === '}' ? '' : ','}${text.slice(at)}`;
  }
  const numbers = [...text.matchAll(/(?<=[:,[])-?\d[\d.eE+-]*/g)];
  if (numbers.length === 0) return text;
  const match = numbers[edit.at % numbers.length];
  return `${text.slice(0, match.index!)}${edit.literal}${text.slice(match.index! + match[0].length)}`;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// ---- file mutations ----------------------------------------------------------------------------------------

type FileEdit =
  | { kind: 'truncate' | 'flip' | 'float' | 'delete'; file: number; at: number; byte: number; value: number }
  | { kind: 'extend'; file: number; bytes: Uint8Array }
  | { kind: 'add'; name: string };

const fileEdit: fc.Arbitrary<FileEdit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('truncate' as const, 'flip' as const, 'float' as const, 'delete' as const),
    file: fc.nat(),
    at: fc.nat(),
    byte: fc.integer({ min: 1, max: 255 }),
    value: fc.constantFrom(NaN, Infinity, -Infinity, 1e39, -0, 2, -1, 0.5, 3.4e38),
  }),
  fc.record({
    kind: fc.constant('extend' as const),
    file: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({
    kind: fc.constant('add' as const),
    name: fc.constantFrom(
      'extra.bin',
      'notes.txt',
      'constructor',
      'prototype',
      '__proto__',
      'a/b.bin',
      '../x.bin',
      'epoch-09.bin',
    ),
  }),
);

function applyFileEdit(files: Map<string, Uint8Array>, edit: FileEdit): void {
  if (edit.kind === 'add') {
    files.set(edit.name, new Uint8Array(8));
    return;
  }
  const names = [...files.keys()].filter((name) => name.endsWith('.bin'));
  if (names.length === 0) return;
  const name = names[edit.file % names.length];
  const bytes = files.get(name)!;
  if (edit.kind === 'delete') files.delete(name);
  else if (edit.kind === 'extend') files.set(name, concat(bytes, edit.bytes));
  else if (edit.kind === 'truncate') files.set(name, bytes.slice(0, edit.at % bytes.length));
  else if (edit.kind === 'flip') {
    const copy = bytes.slice();
    copy[edit.at % copy.length] ^= edit.byte;
    files.set(name, copy);
  } else {
    const copy = bytes.slice();
    // Checkpoints are float32 throughout; in a predictions file the floats start at byte `images` (12 here).
    const floats = name.endsWith('.predictions.bin') ? 12 : 0;
    const slots = Math.floor((copy.length - floats) / 4);
    if (slots > 0) new DataView(copy.buffer).setFloat32(floats + 4 * (edit.at % slots), edit.value, true);
    files.set(name, copy);
  }
}

/** Zip bytes of `files`; `__proto__` (which fflate's zipSync cannot write) is written as a placeholder and renamed. */
function zipOf(files: Map<string, Uint8Array>): Uint8Array {
  const entries = [...files].map(([name, bytes]): [string, Uint8Array] => [
    name === '__proto__' ? 'zzzzzzzzz' : name,
    bytes,
  ]);
  const zip = zipFiles(entries, 0);
  const index = [...files.keys()].indexOf('__proto__');
  return index < 0 ? zip : renameEntry(zip, index, '__proto__');
}

// ---- zip mutations -----------------------------------------------------------------------------------------

type ZipEdit = { kind: 'flip' | 'word' | 'truncate' | 'append'; at: number; fromEnd: boolean; value: number };

const zipEdit: fc.Arbitrary<ZipEdit> = fc.record({
  kind: fc.constantFrom('flip' as const, 'word' as const, 'truncate' as const, 'append' as const),
  at: fc.nat(),
  fromEnd: fc.boolean(),
  value: fc.oneof(
    fc.integer({ min: 1, max: 255 }),
    fc.constantFrom(0xffffffff, 0x7fffffff, 0, 1, 401, 65535),
    fc.nat(),
  ),
});

function applyZipEdit(zip: Uint8Array, edit: ZipEdit): Uint8Array {
  // Half the edits hit the last 600 bytes: the central directory and its end record, where the structure is.
  const at = edit.fromEnd ? Math.max(0, zip.length - 1 - (edit.at % Math.min(600, zip.length))) : edit.at % zip.length;
  if (edit.kind === 'truncate') return zip.slice(0, at);
  if (edit.kind === 'append') return concat(zip, encoder.encode('PK\x05\x06garbage'.repeat(1 + (edit.value % 3))));
  const copy = zip.slice();
  if (edit.kind === 'flip') copy[at] ^= edit.value & 0xff || 1;
  else if (at + 4 <= copy.length) new DataView(copy.buffer).setUint32(at, edit.value >>> 0, true);
  return copy;
}

// ---- the properties ------------------------------------------------------------------------------------------

interface Case {
  base: number;
  edits: ManifestEdit[];
  text: TextEdit | null;
  files: FileEdit[];
}

const caseArbitrary = (withText: boolean, withFiles: boolean): fc.Arbitrary<Case> =>
  fc.record({
    base: fc.integer({ min: 0, max: 1 }),
    edits: fc.array(manifestEdit, { minLength: withFiles ? 0 : 1, maxLength: 3 }),
    text: withText ? fc.option(textEdit, { freq: 2 }) : fc.constant(null),
    files: withFiles ? fc.array(fileEdit, { minLength: 1, maxLength: 3 }) : fc.constant([]),
  });

function build(c: Case): Map<string, Uint8Array> {
  const files = new Map(bases[c.base]);
  let manifest: unknown = structuredClone(baseManifests[c.base]);
  for (const edit of c.edits) manifest = applyManifestEdit(manifest, manifestPaths[c.base], edit);
  let text = JSON.stringify(manifest) ?? '';
  if (c.text) text = applyTextEdit(text, c.text);
  files.set('manifest.json', encoder.encode(text));
  for (const edit of c.files) applyFileEdit(files, edit);
  return files;
}

const options = { timeout: 5000, interruptAfterTimeLimit: 25_000 } as const;

describe('fuzzing run reading: every outcome is a valid run or a clean refusal naming the file', () => {
  afterAll(() => {
    // Both outcomes must actually occur, or the mutations are not exercising anything.
    console.log(`run fuzz: ${counts.loaded} loaded, ${counts.refused} refused`);
    expect(counts.loaded).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('loadRun on a folder: mutated manifests (values, keys, __proto__, Infinity, extra checkpoints)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(true, false), async (c) =>
        settle(loadRun(mapReader(build(c)), 'fuzz-run'), 'fuzz-run/'),
      ),
      { ...options, numRuns: 1200 },
    );
  });

  it('loadRun on a folder: mutated checkpoint and predictions bytes', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(false, true), async (c) =>
        settle(loadRun(mapReader(build(c)), 'fuzz-run'), 'fuzz-run/'),
      ),
      { ...options, numRuns: 600 },
    );
  });

  it('readRunArchive: mutated manifests and files, zipped', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(true, true), async (c) =>
        settle(readRunArchive(zipOf(build(c)), 'fuzz.zip'), 'fuzz.zip'),
      ),
      { ...options, numRuns: 700 },
    );
  });

  it('readRunArchive: flipped, overwritten, truncated and extended zip bytes (stored and deflated)', async () => {
    const stored = bases.map((files) => zipFiles(files, 0));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.array(zipEdit, { minLength: 1, maxLength: 4 }),
        async (which, edits) => {
          let zip = (which < 2 ? stored : deflatedZips)[which % 2];
          for (const edit of edits) zip = applyZipEdit(zip, edit);
          await settle(readRunArchive(zip, 'fuzz.zip'), 'fuzz.zip');
        },
      ),
      { ...options, numRuns: 1000 },
    );
  });
});
