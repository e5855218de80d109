/**
 * Checks that a manifest and its checkpoint files describe exactly a network this engine builds.
 * Every failure throws an error naming the problem; nothing half-validated is returned.
 */
import type { ArchitectureOptions } from './layerSpec';
import { ARCHITECTURE_CHOICES, lenet5Layers, LENET5_C3_TABLE } from './lenet5';
import { parameterLayout } from './parameters';
import { validatePredictionsEntry } from './predictions';
import { INPUT_CONVENTION, RUN_FORMAT, type RunManifest } from './runFormat';


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Validates parsed `manifest.json` contents; `source` names the file in messages. */
export function validateManifest(json: unknown, source = 'manifest.json'): RunManifest {
  const fail = (problem: string): never => {
    throw new Error(`${source}: ${problem}`);
  };
  if (!isRecord(json)) return fail('is not a JSON object');
  if (json.format !== RUN_FORMAT) return fail(`format is ${JSON.stringify(json.format)}, expected "${RUN_FORMAT}"`);
  const arch = json.architecture;
  if (!isRecord(arch)) return fail('has no "architecture" object');
  for (const [key, allowed] of Object.entries(ARCHITECTURE_CHOICES)) {
    if (!(allowed as readonly unknown[]).includes(arch[key])) {
      fail(`architecture.${key} is ${JSON.stringify(arch[key])}, expected one of ${allowed.join(', ')}`);
    }
  }
  const options = arch as unknown as ArchitectureOptions;
  const layers = lenet5Layers(options);
  if (!same(arch.layers, layers)) fail('architecture.layers do not match the LeNet-5 layers for these options');
  if (!same(json.input, INPUT_CONVENTION)) fail(`input is ${JSON.stringify(json.input)}, expected ${JSON.stringify(INPUT_CONVENTION)}`);
  const expected = parameterLayout(layers).tensors;
  const tensors = json.tensors;
  if (!Array.isArray(tensors) || tensors.length !== expected.length) {
    fail(`tensors must list the ${expected.length} tensors ${expected.map((t) => t.name).join(', ')}`);
  }
  (tensors as unknown[]).forEach((tensor, i) => {
    const want = expected[i];
    if (!isRecord(tensor) || tensor.name !== want.name || !same(tensor.shape, want.shape) || tensor.offset !== want.offset * 4) {
      fail(`tensor ${i} is ${JSON.stringify(tensor)}, expected ${JSON.stringify({ name: want.name, shape: want.shape, offset: want.offset * 4 })}`);
    }
  });
  if (options.c3Connectivity === 'lenet5' ? !same(json.c3Table, LENET5_C3_TABLE) : json.c3Table !== undefined) {
    fail(options.c3Connectivity === 'lenet5' ? 'c3Table is not LeNet-5\'s connection table' : 'c3Table is given but c3 is fully connected');
  }
  const checkpoints = json.checkpoints;
  if (!Array.isArray(checkpoints) || checkpoints.length === 0) return fail('has no checkpoints');
  let previous = -Infinity;
  for (const [i, cp] of checkpoints.entries()) {
    if (!isRecord(cp)) return fail(`checkpoint ${i} is not an object`);
    const where = `checkpoint ${i}`;
    if (typeof cp.epoch !== 'number' || !Number.isFinite(cp.epoch) || cp.epoch < 0) fail(`${where} has epoch ${JSON.stringify(cp.epoch)}`);
    if ((cp.epoch as number) <= previous) fail(`${where}: epochs must increase (${String(cp.epoch)} after ${previous})`);
    previous = cp.epoch as number;
    if (typeof cp.file !== 'string' || !/^[\w.-]+\.bin$/.test(cp.file) || cp.file.startsWith('.')) {
      fail(`${where} has file ${JSON.stringify(cp.file)}, expected a plain name ending in .bin`);
    }
    const acc = cp.testAccuracy;
    if (acc !== null && (typeof acc !== 'number' || !(acc >= 0 && acc <= 1))) fail(`${where} has testAccuracy ${JSON.stringify(acc)}`);
    const loss = cp.trainLoss;
    if (loss !== null && (typeof loss !== 'number' || !Number.isFinite(loss))) fail(`${where} has trainLoss ${JSON.stringify(loss)}`);
    validatePredictionsEntry(cp.predictions, cp.file as string, `${source}: ${where}`);
  }
  return json as unknown as RunManifest;
}

/** Decodes a checkpoint file's bytes into float32 parameters; refuses wrong sizes and NaN or infinite values. */
export function decodeCheckpoint(manifest: RunManifest, bytes: Uint8Array, fileName: string): Float32Array {
  const size = parameterLayout(manifest.architecture.layers).size;
  if (bytes.byteLength !== size * 4) {
    throw new Error(`${fileName}: ${bytes.byteLength} bytes, expected ${size * 4} (${size} float32 parameters)` +
      (bytes.byteLength < size * 4 ? '; the file is truncated' : ''));
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
