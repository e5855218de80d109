/**
 * Checks that a manifest and its checkpoint files describe exactly a network this engine builds.
 * Every failure throws an error naming the problem; nothing half-validated is returned.
 *
 * File data is only ever read, never merged into other objects: keys such as `__proto__` in a manifest are
 * own properties of the parsed JSON (JSON.parse defines them), and anything not in the format is refused or
 * kept untouched as an extra field.
 */
import type { ArchitectureOptions } from './layerSpec';
import { ARCHITECTURE_CHOICES, lenet5Layers, LENET5_C3_TABLE } from './lenet5';
import { parameterLayout } from './parameters';
import { MAX_PREDICTION_IMAGES, validatePredictionsEntry } from './predictions';
import { INPUT_CONVENTION, RUN_FORMAT, type RunManifest } from './runFormat';

/** The most checkpoints a run may list: the trainer writes ~20; 200 keeps a run file under ~70 MB. */
export const MAX_CHECKPOINTS = 200;

/** The largest `manifest.json` accepted: 200 checkpoints with colour ranges and predictions take ~0.2 MB. */
export const MAX_MANIFEST_BYTES = 1 << 20;

/** The longest training command a manifest may record (`training.command`, shown as text only). */
export const MAX_COMMAND_LENGTH = 2000;

/** The longest file name a manifest may list (the usual file-system limit). */
export const MAX_FILE_NAME_LENGTH = 255;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Equal as JSON; a value too deep to serialise (hostile nesting) is simply not equal. */
function same(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** A value from a file, for a message: JSON, cut short, never throwing (deeply nested values included). */
export function describeValue(value: unknown, limit = 80): string {
  let text: string;
  try {
    text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = '(a value nested too deeply to show)';
  }
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

const ARCHITECTURE_KEYS = new Set([...Object.keys(ARCHITECTURE_CHOICES), 'layers']);

/** Validates one layer's `{ out: [low, high], pre: [low, high] | null }` colour ranges. */
function validRange(range: unknown): boolean {
  return (
    Array.isArray(range) &&
    range.length === 2 &&
    range.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    (range[0] as number) <= (range[1] as number)
  );
}

/** Validates a checkpoint's optional `activationRanges`: known layer ids only, finite `[low, high]` pairs. */
function validateActivationRanges(
  ranges: unknown,
  layerIds: ReadonlySet<string>,
  fail: (problem: string) => never,
): void {
  if (ranges === undefined) return;
  if (!isRecord(ranges)) fail(`activationRanges is ${describeValue(ranges)}, expected an object by layer id`);
  for (const [id, layer] of Object.entries(ranges as Record<string, unknown>)) {
    if (!layerIds.has(id)) fail(`activationRanges has ${describeValue(id)}, which is not a layer of this network`);
    if (!isRecord(layer) || !validRange(layer.out) || !(layer.pre === null || validRange(layer.pre))) {
      fail(
        `activationRanges.${id} is ${describeValue(layer)}, expected { "out": [low, high], "pre": [low, high] or null } with finite low <= high`,
      );
    }
  }
}

/** Validates parsed `manifest.json` contents; `source` names the file in messages. */
export function validateManifest(json: unknown, source = 'manifest.json'): RunManifest {
  const fail = (problem: string): never => {
    throw new Error(`${source}: ${problem}`);
  };
  if (!isRecord(json)) return fail('is not a JSON object');
  if (json.format !== RUN_FORMAT) return fail(`format is ${describeValue(json.format)}, expected "${RUN_FORMAT}"`);
  const arch = json.architecture;
  if (!isRecord(arch)) return fail('has no "architecture" object');
  for (const [key, allowed] of Object.entries(ARCHITECTURE_CHOICES)) {
    if (!(allowed as readonly unknown[]).includes(arch[key])) {
      fail(`architecture.${key} is ${describeValue(arch[key])}, expected one of ${allowed.join(', ')}`);
    }
  }
  for (const key of Object.keys(arch)) {
    if (!ARCHITECTURE_KEYS.has(key)) fail(`architecture has the unknown option ${describeValue(key)}`);
  }
  const options = arch as unknown as ArchitectureOptions;
  const layers = lenet5Layers(options);
  if (!same(arch.layers, layers)) fail('architecture.layers do not match the LeNet-5 layers for these options');
  if (!same(json.input, INPUT_CONVENTION))
    fail(`input is ${describeValue(json.input)}, expected ${JSON.stringify(INPUT_CONVENTION)}`);
  const expected = parameterLayout(layers).tensors;
  const tensors = json.tensors;
  if (!Array.isArray(tensors) || tensors.length !== expected.length) {
    fail(`tensors must list the ${expected.length} tensors ${expected.map((t) => t.name).join(', ')}`);
  }
  (tensors as unknown[]).forEach((tensor, i) => {
    const want = expected[i];
    if (
      !isRecord(tensor) ||
      tensor.name !== want.name ||
      !same(tensor.shape, want.shape) ||
      tensor.offset !== want.offset * 4
    ) {
      fail(
        `tensor ${i} is ${describeValue(tensor, 200)}, expected ${JSON.stringify({ name: want.name, shape: want.shape, offset: want.offset * 4 })}`,
      );
    }
  });
  if (options.c3Connectivity === 'lenet5' ? !same(json.c3Table, LENET5_C3_TABLE) : json.c3Table !== undefined) {
    fail(
      options.c3Connectivity === 'lenet5'
        ? "c3Table is not LeNet-5's connection table"
        : 'c3Table is given but c3 is fully connected',
    );
  }
  const training = json.training;
  if (isRecord(training) && training.testImages !== undefined) {
    const n = training.testImages;
    if (!(typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_PREDICTION_IMAGES)) {
      fail(`training.testImages is ${describeValue(n)}, expected an integer from 1 to ${MAX_PREDICTION_IMAGES}`);
    }
  }
  if (isRecord(training) && training.command !== undefined) {
    const command = training.command;
    if (typeof command !== 'string' || command.length > MAX_COMMAND_LENGTH) {
      fail(
        `training.command is ${describeValue(command)}, expected the command line as text (at most ${MAX_COMMAND_LENGTH} characters)`,
      );
    }
  }
  const checkpoints = json.checkpoints;
  if (!Array.isArray(checkpoints) || checkpoints.length === 0) return fail('has no checkpoints');
  if (checkpoints.length > MAX_CHECKPOINTS)
    return fail(`lists ${checkpoints.length} checkpoints, at most ${MAX_CHECKPOINTS} are allowed`);
  const layerIds = new Set(layers.map((layer) => layer.id));
  const files = new Set<string>();
  let previous = -Infinity;
  for (const [i, cp] of checkpoints.entries()) {
    if (!isRecord(cp)) return fail(`checkpoint ${i} is not an object`);
    const where = `checkpoint ${i}`;
    if (typeof cp.epoch !== 'number' || !Number.isFinite(cp.epoch) || cp.epoch < 0)
      fail(`${where} has epoch ${describeValue(cp.epoch)}`);
    if ((cp.epoch as number) <= previous)
      fail(`${where}: epochs must increase (${String(cp.epoch)} after ${previous})`);
    previous = cp.epoch as number;
    if (
      typeof cp.file !== 'string' ||
      !/^[\w.-]+\.bin$/.test(cp.file) ||
      cp.file.startsWith('.') ||
      cp.file.length > MAX_FILE_NAME_LENGTH
    ) {
      fail(`${where} has file ${describeValue(cp.file)}, expected a plain name ending in .bin`);
    }
    const acc = cp.testAccuracy;
    if (acc !== null && (typeof acc !== 'number' || !(acc >= 0 && acc <= 1)))
      fail(`${where} has testAccuracy ${describeValue(acc)}`);
    const loss = cp.trainLoss;
    if (loss !== null && (typeof loss !== 'number' || !Number.isFinite(loss)))
      fail(`${where} has trainLoss ${describeValue(loss)}`);
    const testLoss = cp.testLoss;
    if (testLoss !== undefined && testLoss !== null && (typeof testLoss !== 'number' || !Number.isFinite(testLoss))) {
      fail(`${where} has testLoss ${describeValue(testLoss)}`);
    }
    validateActivationRanges(cp.activationRanges, layerIds, (problem) => fail(`${where}: ${problem}`));
    const predictions = validatePredictionsEntry(cp.predictions, cp.file as string, `${source}: ${where}`);
    for (const file of predictions ? [cp.file as string, predictions.file] : [cp.file as string]) {
      if (files.has(file)) fail(`${where}: file ${describeValue(file)} is listed twice`);
      files.add(file);
    }
  }
  return json as unknown as RunManifest;
}

/** Decodes a checkpoint file's bytes into float32 parameters; refuses wrong sizes and NaN or infinite values. */
export function decodeCheckpoint(manifest: RunManifest, bytes: Uint8Array, fileName: string): Float32Array {
  const size = parameterLayout(manifest.architecture.layers).size;
  if (bytes.byteLength !== size * 4) {
    throw new Error(
      `${fileName}: ${bytes.byteLength} bytes, expected ${size * 4} (${size} float32 parameters)` +
        (bytes.byteLength < size * 4 ? '; the file is truncated' : ''),
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const value = view.getFloat32(i * 4, true);
    if (!Number.isFinite(value)) {
      const tensor = manifest.tensors.findLast((t) => t.offset <= i * 4);
      throw new Error(`${fileName}: parameter ${i} (${tensor?.name ?? '?'}) is ${value}`);
    }
    params[i] = value;
  }
  return params;
}
