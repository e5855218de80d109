/**
 * Checks a value read from this browser's run storage (IndexedDB) before the page uses it as a run, and
 * turns a raw stored value into JSON for export. Pure: no DOM, no IndexedDB.
 */
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { ARCHITECTURE_CHOICES, lenet5Layers } from '../engine/model/lenet5';
import { parameterLayout } from '../engine/model/parameters';
import type { RunRecord } from './runRecord';
import {
  STORED_RUN_PROBLEMS,
  storedRunProblem as problem,
  storedRunProblemText,
  type StoredRunProblem,
  type StoredRunProblemCode,
} from './storedRunProblems';
import type { ValuesArgument } from '../engine/model/codedProblem';

/** The outcome of checking one stored value: the run, or what is wrong with it (as data). */
export type StoredRunInspection =
  { readonly ok: true; readonly run: RunRecord } | { readonly ok: false; readonly problem: StoredRunProblem };

/** The outcome of checking one stored value: the run, or what is wrong with it (in English). */
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

/** A short description of a value for problems (never the whole of a large one): its text, or a description. */
function describe(value: unknown): string | StoredRunProblem {
  if (value === undefined) return problem('valueMissing');
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return problem('valueArray', { length: value.length });
  if (ArrayBuffer.isView(value)) return problem('valueTyped', { type: value.constructor.name });
  if (typeof value !== 'object') return typeof value;
  const type = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return type === undefined || type === null
    ? problem('valueNullPrototype')
    : problem('valueObject', { type: String(type) });
}

/**
 * Checks a stored value against what the page saves under `key`: a plain object whose `name` is the key, an
 * architecture this engine builds (valid options, layers equal to `lenet5Layers(options)`), `testImages` a
 * positive integer, a non-empty list of checkpoints (epochs finite, >= 0 and increasing; testAccuracy null or
 * in [0, 1]; step, when present, a non-negative integer; params a Float32Array of exactly the layout's size,
 * every value finite), and `ranges` null or an object. The problem names the first thing that is wrong.
 */
export function inspectStoredRun(key: string, value: unknown): StoredRunInspection {
  const refuse = <C extends StoredRunProblemCode>(
    code: C,
    ...values: ValuesArgument<typeof STORED_RUN_PROBLEMS, C>
  ): StoredRunInspection => ({ ok: false, problem: problem(code, ...values) });
  if (!isPlainObject(value)) return refuse('storedNotRun', { value: describe(value) });
  if (typeof value.name !== 'string') return refuse('storedNameNotText', { value: describe(value.name) });
  if (value.name !== key) return refuse('storedNameNotKey', { value: describe(value.name) });
  const arch = value.architecture;
  if (!isPlainObject(arch)) return refuse('storedArchitectureNotObject', { value: describe(arch) });
  for (const [option, allowed] of Object.entries(ARCHITECTURE_CHOICES)) {
    if (!(allowed as readonly unknown[]).includes(arch[option])) {
      return refuse('storedOptionIs', { option, value: describe(arch[option]), allowed: allowed.join(', ') });
    }
  }
  const layers = lenet5Layers(arch as unknown as ArchitectureOptions);
  if (!sameData(arch.layers, layers)) return refuse('storedLayersDiffer');
  const { testImages } = value;
  if (typeof testImages !== 'number' || !Number.isInteger(testImages) || testImages <= 0) {
    return refuse('storedTestImagesIs', { value: describe(testImages) });
  }
  const { checkpoints } = value;
  if (!Array.isArray(checkpoints)) return refuse('storedCheckpointsIs', { value: describe(checkpoints) });
  if (checkpoints.length === 0) return refuse('storedNoCheckpoints');
  const size = parameterLayout(layers).size;
  let previous = -Infinity;
  for (const [index, cp] of (checkpoints as unknown[]).entries()) {
    if (!isPlainObject(cp)) return refuse('storedCheckpointNotObject', { index, value: describe(cp) });
    const { epoch, testAccuracy, step, params } = cp;
    if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0) {
      return refuse('storedEpochIs', { index, value: describe(epoch) });
    }
    if (epoch <= previous) return refuse('storedEpochsIncrease', { index, epoch, previous });
    previous = epoch;
    if (testAccuracy !== null && (typeof testAccuracy !== 'number' || !(testAccuracy >= 0 && testAccuracy <= 1))) {
      return refuse('storedAccuracyIs', { index, value: describe(testAccuracy) });
    }
    if (step !== undefined && (typeof step !== 'number' || !Number.isInteger(step) || step < 0)) {
      return refuse('storedStepIs', { index, value: describe(step) });
    }
    if (!(params instanceof Float32Array)) return refuse('storedParamsIs', { index, value: describe(params) });
    if (params.length !== size)
      return refuse('storedParameterCount', { index, parameters: params.length, expected: size });
    const bad = params.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) return refuse('storedParameterNotFinite', { index, parameter: bad, value: params[bad] });
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
      return refuse('storedOriginIs', { value: describe(origin) });
  }
  if (value.ranges !== null && !isPlainObject(value.ranges))
    return refuse('storedRangesIs', { value: describe(value.ranges) });
  return { ok: true, run: value as unknown as RunRecord };
}

/** `inspectStoredRun` with the problem in English (the sentence `storedRunProblemText` writes). */
export function checkStoredRun(key: string, value: unknown): StoredRunCheck {
  const inspection = inspectStoredRun(key, value);
  return inspection.ok ? inspection : { ok: false, problem: storedRunProblemText(inspection.problem) };
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
