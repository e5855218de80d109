/**
 * Checks a value read from this browser's run storage (IndexedDB) before the page uses it as a run, and
 * turns a raw stored value into JSON for export. Pure: no DOM, no IndexedDB.
 */
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { ARCHITECTURE_CHOICES, lenet5Layers } from '../engine/model/lenet5';
import { parameterLayout } from '../engine/model/parameters';
import type { RunRecord } from './runRecord';

/** The outcome of checking one stored value: the run, or what is wrong with it. */
export type StoredRunCheck =
  { readonly ok: true; readonly run: RunRecord } | { readonly ok: false; readonly problem: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deep equality of plain data (objects compared by their own keys, in any order). */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keysA = Object.keys(a);
  return keysA.length === Object.keys(b).length && keysA.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
}

/** A short description of a value for messages (never the whole of a large one). */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object'
    ? `a ${(value as object).constructor?.name ?? 'null-prototype'} object`
    : typeof value;
}

/**
 * Checks a stored value against what the page saves under `key`: a plain object whose `name` is the key, an
 * architecture this engine builds (valid options, layers equal to `lenet5Layers(options)`), `testImages` a
 * positive integer, a non-empty list of checkpoints (epochs finite, >= 0 and increasing; testAccuracy null or
 * in [0, 1]; step, when present, a non-negative integer; params a Float32Array of exactly the layout's size,
 * every value finite), and `ranges` null or an object. The problem names the first thing that is wrong.
 */
export function checkStoredRun(key: string, value: unknown): StoredRunCheck {
  const refuse = (problem: string): StoredRunCheck => ({ ok: false, problem });
  if (!isPlainObject(value)) return refuse(`it is ${describe(value)}, not a run object`);
  if (typeof value.name !== 'string') return refuse(`its name is ${describe(value.name)}, not a string`);
  if (value.name !== key) return refuse(`its name ${describe(value.name)} is not the key it is stored under`);
  const arch = value.architecture;
  if (!isPlainObject(arch)) return refuse(`its architecture is ${describe(arch)}, not an object`);
  for (const [option, allowed] of Object.entries(ARCHITECTURE_CHOICES)) {
    if (!(allowed as readonly unknown[]).includes(arch[option])) {
      return refuse(`architecture.${option} is ${describe(arch[option])}, expected one of ${allowed.join(', ')}`);
    }
  }
  const layers = lenet5Layers(arch as unknown as ArchitectureOptions);
  if (!sameData(arch.layers, layers))
    return refuse('architecture.layers do not match the LeNet-5 layers for its options');
  const { testImages } = value;
  if (typeof testImages !== 'number' || !Number.isInteger(testImages) || testImages <= 0) {
    return refuse(`testImages is ${describe(testImages)}, expected a positive integer`);
  }
  const { checkpoints } = value;
  if (!Array.isArray(checkpoints)) return refuse(`checkpoints is ${describe(checkpoints)}, expected an array`);
  if (checkpoints.length === 0) return refuse('it has no checkpoints');
  const size = parameterLayout(layers).size;
  let previous = -Infinity;
  for (const [i, cp] of (checkpoints as unknown[]).entries()) {
    const where = `checkpoint ${i}`;
    if (!isPlainObject(cp)) return refuse(`${where} is ${describe(cp)}, not an object`);
    const { epoch, testAccuracy, step, params } = cp;
    if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0) {
      return refuse(`${where} has epoch ${describe(epoch)}, expected a finite number >= 0`);
    }
    if (epoch <= previous) return refuse(`${where} has epoch ${epoch} after ${previous}: epochs must increase`);
    previous = epoch;
    if (testAccuracy !== null && (typeof testAccuracy !== 'number' || !(testAccuracy >= 0 && testAccuracy <= 1))) {
      return refuse(`${where} has testAccuracy ${describe(testAccuracy)}, expected null or a number from 0 to 1`);
    }
    if (step !== undefined && (typeof step !== 'number' || !Number.isInteger(step) || step < 0)) {
      return refuse(`${where} has step ${describe(step)}, expected a non-negative integer`);
    }
    if (!(params instanceof Float32Array))
      return refuse(`${where} has params ${describe(params)}, expected a Float32Array`);
    if (params.length !== size) return refuse(`${where} has ${params.length} parameters, expected ${size}`);
    const bad = params.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) return refuse(`${where} has parameter ${bad} = ${params[bad]}, expected finite values`);
  }
  const origin = value.origin;
  if (origin !== undefined) {
    const fromCheckpoint =
      isPlainObject(origin) &&
      origin.kind === 'checkpoint' &&
      typeof origin.run === 'string' &&
      origin.run.length <= 64 &&
      typeof origin.epoch === 'number' &&
      Number.isFinite(origin.epoch);
    if (!fromCheckpoint && !(isPlainObject(origin) && origin.kind === 'scratch'))
      return refuse(`its origin is ${describe(origin)}, expected { kind: 'scratch' } or a checkpoint it began from`);
  }
  if (value.ranges !== null && !isPlainObject(value.ranges))
    return refuse(`ranges is ${describe(value.ranges)}, expected null or an object`);
  return { ok: true, run: value as unknown as RunRecord };
}

/** The sentence the page shows for a damaged stored run. */
export function damagedRunMessage(key: string, problem: string): string {
  return `run '${key}' in this browser's storage is damaged: ${problem}`;
}

/**
 * A stored value as JSON text for export: typed arrays become `{ "type": "Float32Array", "values": [...] }`
 * (likewise ArrayBuffer, DataView, Map, Set, Date, bigint), and numbers JSON cannot hold (NaN, ±Infinity, -0 is
 * kept as 0) are written as the strings "NaN", "Infinity", "-Infinity", so nothing of a damaged record is lost.
 */
export function rawRecordJson(value: unknown): string {
  const seen = new WeakSet<object>();
  const number = (n: number) => (Number.isFinite(n) ? n : String(n));
  const convert = (v: unknown): unknown => {
    if (typeof v === 'number') return number(v);
    if (typeof v === 'bigint') return { type: 'BigInt', value: v.toString() };
    if (v === undefined) return { type: 'undefined' };
    if (typeof v !== 'object' || v === null) return v;
    if (seen.has(v)) return { type: 'Circular' };
    seen.add(v);
    try {
      if (v instanceof ArrayBuffer) return { type: 'ArrayBuffer', values: Array.from(new Uint8Array(v)) };
      if (v instanceof DataView)
        return { type: 'DataView', values: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
      if (ArrayBuffer.isView(v)) {
        const values = Array.from(v as unknown as ArrayLike<number | bigint>, (x) =>
          typeof x === 'bigint' ? x.toString() : number(x),
        );
        return { type: v.constructor.name, values };
      }
      if (v instanceof Date)
        return { type: 'Date', value: Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString() };
      if (v instanceof Map) return { type: 'Map', entries: [...v].map(([k, x]) => [convert(k), convert(x)]) };
      if (v instanceof Set) return { type: 'Set', values: [...v].map(convert) };
      if (Array.isArray(v)) return v.map(convert);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    } finally {
      seen.delete(v);
    }
  };
  return JSON.stringify(convert(value));
}
