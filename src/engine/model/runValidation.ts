/**
 * Checks that a manifest and its checkpoint files describe exactly a network this engine builds.
 * Every failure throws a `RunFormatError` naming the problem (runProblems.ts); nothing half-validated is returned.
 *
 * File data is only ever read, never merged into other objects: keys such as `__proto__` in a manifest are
 * own properties of the parsed JSON (JSON.parse defines them), and anything not in the format is refused or
 * kept untouched as an extra field.
 */
import type { ArchitectureOptions, C3Connectivity } from './layerSpec';
import { ALPHA_PENALTIES } from './learnedCombination';
import { ARCHITECTURE_CHOICES, lenet5Layers, LENET5_C3_TABLE } from './lenet5';
import { parameterLayout } from './parameters';
import { MAX_PREDICTION_IMAGES, validatePredictionsEntry } from './predictions';
import { INPUT_CONVENTION, RUN_FORMAT, type RunManifest } from './runFormat';
import { describeValue, inCheckpoint, inFile, refuser, type Refuse } from './runFormatError';
import type { RunProblem, RunProblemCode } from './runProblems';

export { describeValue };

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

/** Why a manifest's `c3Table` is refused, by connectivity (only LeNet-5's table carries one). */
const C3_TABLE_PROBLEM = {
  lenet5: 'c3TableNotLenet5',
  full: 'c3TableGiven',
  learned: 'c3TableLearned',
} as const satisfies Record<C3Connectivity, RunProblemCode>;

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
function validateActivationRanges(ranges: unknown, layerIds: ReadonlySet<string>, fail: Refuse): void {
  if (ranges === undefined) return;
  if (!isRecord(ranges)) fail('rangesNotObject', { value: describeValue(ranges) });
  for (const [id, layer] of Object.entries(ranges as Record<string, unknown>)) {
    if (!layerIds.has(id)) fail('rangesUnknownLayer', { layer: describeValue(id) });
    if (!isRecord(layer) || !validRange(layer.out) || !(layer.pre === null || validRange(layer.pre))) {
      fail('rangeIs', { layer: id, value: describeValue(layer) });
    }
  }
}

/**
 * Validates the fields of a manifest's optional `training` record that the page reads: `testImages`, `command`,
 * and the penalty on learned combinations (`alphaPenalty`, `alphaLambda`; absent in runs older than them).
 */
function validateTraining(training: unknown, fail: Refuse): void {
  if (!isRecord(training)) return;
  const n = training.testImages;
  if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_PREDICTION_IMAGES)) {
    fail('testImagesIs', { value: describeValue(n), most: MAX_PREDICTION_IMAGES });
  }
  const command = training.command;
  if (command !== undefined && (typeof command !== 'string' || command.length > MAX_COMMAND_LENGTH)) {
    fail('commandIs', { value: describeValue(command), most: MAX_COMMAND_LENGTH });
  }
  const penalty = training.alphaPenalty;
  if (penalty !== undefined && !(ALPHA_PENALTIES as readonly unknown[]).includes(penalty)) {
    fail('alphaPenaltyIs', { value: describeValue(penalty), allowed: ALPHA_PENALTIES.join(', ') });
  }
  const lambda = training.alphaLambda;
  if (lambda !== undefined && !(typeof lambda === 'number' && Number.isFinite(lambda) && lambda >= 0)) {
    fail('alphaLambdaIs', { value: describeValue(lambda) });
  }
}

/** Validates parsed `manifest.json` contents; `source` names the file in messages. */
export function validateManifest(json: unknown, source = 'manifest.json'): RunManifest {
  const fail: Refuse = refuser(inFile(source));
  if (!isRecord(json)) return fail('notJsonObject');
  if (json.format !== RUN_FORMAT)
    return fail('formatIs', { value: describeValue(json.format), expected: `"${RUN_FORMAT}"` });
  const arch = json.architecture;
  if (!isRecord(arch)) return fail('noArchitecture');
  for (const [key, allowed] of Object.entries(ARCHITECTURE_CHOICES)) {
    if (!(allowed as readonly unknown[]).includes(arch[key])) {
      fail('optionIs', { option: key, value: describeValue(arch[key]), allowed: allowed.join(', ') });
    }
  }
  for (const key of Object.keys(arch)) {
    if (!ARCHITECTURE_KEYS.has(key)) fail('unknownOption', { option: describeValue(key) });
  }
  const options = arch as unknown as ArchitectureOptions;
  const layers = lenet5Layers(options);
  if (!same(arch.layers, layers)) fail('layersDiffer');
  if (!same(json.input, INPUT_CONVENTION))
    fail('inputIs', { value: describeValue(json.input), expected: JSON.stringify(INPUT_CONVENTION) });
  const expected = parameterLayout(layers).tensors;
  const tensors = json.tensors;
  if (!Array.isArray(tensors) || tensors.length !== expected.length) {
    fail('tensorsList', { tensors: expected.length, names: expected.map((t) => t.name).join(', ') });
  }
  (tensors as unknown[]).forEach((tensor, i) => {
    const want = expected[i];
    if (
      !isRecord(tensor) ||
      tensor.name !== want.name ||
      !same(tensor.shape, want.shape) ||
      tensor.offset !== want.offset * 4
    ) {
      fail('tensorIs', {
        index: i,
        value: describeValue(tensor, 200),
        expected: JSON.stringify({ name: want.name, shape: want.shape, offset: want.offset * 4 }),
      });
    }
  });
  if (options.c3Connectivity === 'lenet5' ? !same(json.c3Table, LENET5_C3_TABLE) : json.c3Table !== undefined) {
    fail(C3_TABLE_PROBLEM[options.c3Connectivity]);
  }
  validateTraining(json.training, fail);
  const checkpoints = json.checkpoints;
  if (!Array.isArray(checkpoints) || checkpoints.length === 0) return fail('noCheckpoints');
  if (checkpoints.length > MAX_CHECKPOINTS)
    return fail('tooManyCheckpoints', { checkpoints: checkpoints.length, most: MAX_CHECKPOINTS });
  const layerIds = new Set(layers.map((layer) => layer.id));
  const files = new Set<string>();
  let previous = -Infinity;
  for (const [i, cp] of checkpoints.entries()) {
    if (!isRecord(cp)) return fail('checkpointNotObject', { index: i });
    const place = (problem: RunProblem) => inFile(source)(inCheckpoint(i)(problem));
    const at: Refuse = refuser(place);
    if (typeof cp.epoch !== 'number' || !Number.isFinite(cp.epoch) || cp.epoch < 0)
      fail('checkpointEpoch', { index: i, value: describeValue(cp.epoch) });
    if ((cp.epoch as number) <= previous) at('epochsIncrease', { epoch: cp.epoch as number, previous });
    previous = cp.epoch as number;
    if (
      typeof cp.file !== 'string' ||
      !/^[\w.-]+\.bin$/.test(cp.file) ||
      cp.file.startsWith('.') ||
      cp.file.length > MAX_FILE_NAME_LENGTH
    ) {
      fail('checkpointFile', { index: i, value: describeValue(cp.file) });
    }
    const acc = cp.testAccuracy;
    if (acc !== null && (typeof acc !== 'number' || !(acc >= 0 && acc <= 1)))
      fail('checkpointAccuracy', { index: i, value: describeValue(acc) });
    const loss = cp.trainLoss;
    if (loss !== null && (typeof loss !== 'number' || !Number.isFinite(loss)))
      fail('checkpointTrainLoss', { index: i, value: describeValue(loss) });
    const testLoss = cp.testLoss;
    if (testLoss !== undefined && testLoss !== null && (typeof testLoss !== 'number' || !Number.isFinite(testLoss))) {
      fail('checkpointTestLoss', { index: i, value: describeValue(testLoss) });
    }
    validateActivationRanges(cp.activationRanges, layerIds, at);
    const predictions = validatePredictionsEntry(cp.predictions, cp.file as string, place);
    for (const file of predictions ? [cp.file as string, predictions.file] : [cp.file as string]) {
      if (files.has(file)) at('fileListedTwice', { name: describeValue(file) });
      files.add(file);
    }
  }
  return json as unknown as RunManifest;
}

/** Decodes a checkpoint file's bytes into float32 parameters; refuses wrong sizes and NaN or infinite values. */
export function decodeCheckpoint(manifest: RunManifest, bytes: Uint8Array, fileName: string): Float32Array {
  const size = parameterLayout(manifest.architecture.layers).size;
  const fail: Refuse = refuser(inFile(fileName));
  if (bytes.byteLength !== size * 4) {
    fail(bytes.byteLength < size * 4 ? 'checkpointTruncated' : 'checkpointSize', {
      bytes: bytes.byteLength,
      expected: size * 4,
      parameters: size,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const value = view.getFloat32(i * 4, true);
    if (!Number.isFinite(value)) {
      const tensor = manifest.tensors.findLast((t) => t.offset <= i * 4);
      fail('parameterNotFinite', { index: i, tensor: tensor?.name ?? '?', value });
    }
    params[i] = value;
  }
  return params;
}
