/**
 * The app's reading as an address fragment (`v=1&run=...&epoch=...&draw=...`) and back: pure, no DOM.
 *
 * Fields: `run` (a run name), `epoch` (a checkpoint), one drawing field (`draw`: the pad's strokes, `input`:
 * the 32x32 input at full float32 precision, `test`: an MNIST test image's index), `focus` (`layer.c.y.x`),
 * `trace`, `colour`, `camera`, `backward` (the backward view's label, or `reading`) and `lang` (`en` or `zh`). Every field is read on
 * its own: a malformed one is dropped and named in `ignored`, the rest still apply; decoding never throws.
 *
 * Binary payloads are raw DEFLATE (fflate) in base64url. Strokes: varint stroke count, then per stroke a varint
 * `pointCount * 2 + eraser` and its points as zigzag varint deltas from the previous point (across strokes,
 * starting at 0,0), x before y. Input: 1,024 little-endian float32 values.
 */
import { Inflate, deflateSync } from 'fflate';
import type { NodeRef } from '../engine/model/nodeRef';
import { isLanguage, type Language } from '../i18n/catalog';
import { message, type Message } from '../i18n/message';

/** One pen or eraser stroke on the pad: points in quarter pad pixels, x and y interleaved. */
export interface PadStroke {
  readonly eraser: boolean;
  readonly points: readonly number[];
}

/** Where the network's input comes from in an address. */
export type AddressDrawing =
  | { readonly kind: 'strokes'; readonly strokes: readonly PadStroke[] }
  | { readonly kind: 'input'; readonly input: Float32Array }
  | { readonly kind: 'test'; readonly index: number };

/** What an address carries; null: not carried. */
export interface AddressState {
  readonly run: string | null;
  readonly epoch: number | null;
  readonly drawing: AddressDrawing | null;
  readonly focus: NodeRef | null;
  readonly traceMode: 'direct' | 'full' | null;
  readonly colourMode: 'fixed' | 'perDrawing' | 'difference' | null;
  readonly cameraPreset: string | null;
  /** The backward view: the label it is computed against, 'reading' for the network's reading; null: forward view. */
  readonly backward: number | 'reading' | null;
  /** The language the app is shown in. */
  readonly language: Language | null;
  /** The tutorial chapter open (its id), or null. */
  readonly chapter: string | null;
  /** Presentation mode on (`presentation=1`); null: not carried (off). */
  readonly presentation: true | null;
}

/** The fields of an address, as the notes about it name them. */
export type AddressField =
  | 'drawing'
  | 'input'
  | 'test'
  | 'run'
  | 'checkpoint'
  | 'focus'
  | 'trace'
  | 'colour'
  | 'camera'
  | 'backward'
  | 'language'
  | 'chapter'
  | 'presentation'
  | 'view';

/** The address format written and read here. */
export const ADDRESS_VERSION = '1';

/** Stroke coordinates (quarter pad pixels) are clamped to this range before they are drawn and recorded. */
export const STROKE_COORDINATE_RANGE = [-4096, 8192] as const;

/** Encoded strokes longer than this (characters) give way to the input at full precision. */
export const MAX_STROKES_CHARS = 6000;

/** Decoding limits: a longer field, more strokes or points, or more inflated bytes is refused. */
const MAX_FIELD_CHARS = 16384,
  MAX_STROKES = 2000,
  MAX_POINTS = 50000,
  MAX_INFLATED = 16 * MAX_POINTS;

const INPUT_VALUES = 32 * 32;
const TRACE_MODES = ['direct', 'full'] as const;
const COLOUR_MODES = ['fixed', 'perDrawing', 'difference'] as const;
const KEYS = [
  'v',
  'run',
  'epoch',
  'draw',
  'input',
  'test',
  'focus',
  'trace',
  'colour',
  'camera',
  'backward',
  'lang',
  'chapter',
  'presentation',
];
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** An empty state: nothing carried. */
export const EMPTY_ADDRESS: AddressState = {
  run: null,
  epoch: null,
  drawing: null,
  focus: null,
  traceMode: null,
  colourMode: null,
  cameraPreset: null,
  backward: null,
  language: null,
  chapter: null,
  presentation: null,
};

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) text += BASE64URL[(n >> (18 - 6 * k)) & 63];
  }
  return text;
}

/** Unpadded base64url as bytes; throws on any other character or an impossible length. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0,
    value = 0,
    at = 0;
  for (const char of text) {
    value = ((value << 6) | BASE64URL.indexOf(char)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}

/** Inflates raw DEFLATE, refusing as soon as it produces more than `limit` bytes. */
function inflateAtMost(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflater = new Inflate((chunk) => {
    length += chunk.length;
    if (length > limit) throw new Error('inflates to too much');
    chunks.push(chunk.slice());
  });
  for (let at = 0; at < data.length || at === 0; at += 1024)
    inflater.push(data.subarray(at, at + 1024), at + 1024 >= data.length);
  const out = new Uint8Array(length);
  chunks.reduce((offset, chunk) => {
    out.set(chunk, offset);
    return offset + chunk.length;
  }, 0);
  return out;
}

/** The strokes as base64url of deflated varints. */
export function encodeStrokes(strokes: readonly PadStroke[]): string {
  const bytes: number[] = [];
  const varint = (n: number) => {
    for (; n >= 0x80; n = Math.floor(n / 128)) bytes.push((n % 128) | 0x80);
    bytes.push(n);
  };
  const zigzag = (n: number) => varint(n < 0 ? -2 * n - 1 : 2 * n);
  varint(strokes.length);
  let x = 0,
    y = 0;
  for (const stroke of strokes) {
    varint((stroke.points.length / 2) * 2 + (stroke.eraser ? 1 : 0));
    for (let i = 0; i < stroke.points.length; i += 2) {
      zigzag(stroke.points[i] - x);
      zigzag(stroke.points[i + 1] - y);
      [x, y] = [stroke.points[i], stroke.points[i + 1]];
    }
  }
  return toBase64Url(deflateSync(Uint8Array.from(bytes), { level: 9 }));
}

/** The strokes `encodeStrokes` wrote; throws on anything else (out-of-range points, trailing bytes, too much). */
export function decodeStrokes(text: string): PadStroke[] {
  const bytes = inflateAtMost(fromBase64Url(text), MAX_INFLATED);
  let at = 0;
  const varint = () => {
    let n = 0;
    for (let shift = 1; ; shift *= 128) {
      if (at >= bytes.length || shift > 2 ** 28) throw new Error('a number is cut off or too long');
      const byte = bytes[at++];
      n += (byte & 0x7f) * shift;
      if (byte < 0x80) return n;
    }
  };
  const zigzag = () => {
    const n = varint();
    return n % 2 ? -(n + 1) / 2 : n / 2;
  };
  const [low, high] = STROKE_COORDINATE_RANGE;
  const count = varint();
  if (count < 1 || count > MAX_STROKES) throw new Error(`${count} strokes`);
  const strokes: PadStroke[] = [];
  let x = 0,
    y = 0,
    total = 0;
  for (let s = 0; s < count; s++) {
    const header = varint();
    const pointCount = Math.floor(header / 2);
    total += pointCount;
    if (pointCount < 1 || total > MAX_POINTS) throw new Error('a stroke without points, or too many points');
    const points: number[] = [];
    for (let p = 0; p < pointCount; p++) {
      x += zigzag();
      y += zigzag();
      if (x < low || x > high || y < low || y > high) throw new Error('a point far outside the pad');
      points.push(x, y);
    }
    strokes.push({ eraser: header % 2 === 1, points });
  }
  if (at !== bytes.length) throw new Error('bytes after the last stroke');
  return strokes;
}

/** The 32x32 input as base64url of its deflated little-endian float32 bytes (bit-exact). */
export function encodeInput(input: Float32Array): string {
  const bytes = new Uint8Array(INPUT_VALUES * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < INPUT_VALUES; i++) view.setFloat32(i * 4, input[i] ?? 0, true);
  return toBase64Url(deflateSync(bytes, { level: 9 }));
}

/** The input `encodeInput` wrote; throws unless it is 1,024 values in [0, 1]. */
export function decodeInput(text: string): Float32Array {
  const bytes = inflateAtMost(fromBase64Url(text), INPUT_VALUES * 4);
  if (bytes.length !== INPUT_VALUES * 4) throw new Error(`${bytes.length} bytes, not ${INPUT_VALUES * 4}`);
  const view = new DataView(bytes.buffer);
  const input = new Float32Array(INPUT_VALUES);
  for (let i = 0; i < INPUT_VALUES; i++) {
    input[i] = view.getFloat32(i * 4, true);
    if (!(input[i] >= 0 && input[i] <= 1)) throw new Error('a value outside [0, 1]');
  }
  return input;
}

/** The drawing to carry: the strokes, or the input at full precision when the strokes would make the address too long. */
export function drawingToCarry(strokes: readonly PadStroke[], input: Float32Array | null): AddressDrawing | null {
  if (strokes.length === 0) return null;
  return input && encodeStrokes(strokes).length > MAX_STROKES_CHARS
    ? { kind: 'input', input }
    : { kind: 'strokes', strokes };
}

/** The address fragment (without '#') for `state`; null fields are left out. */
export function encodeAddress(state: AddressState): string {
  const fields: [string, string][] = [['v', ADDRESS_VERSION]];
  const add = (key: string, value: string | number | null) => {
    if (value !== null) fields.push([key, String(value)]);
  };
  add('run', state.run);
  add('epoch', state.epoch);
  const drawing = state.drawing;
  if (drawing?.kind === 'strokes') add('draw', encodeStrokes(drawing.strokes));
  if (drawing?.kind === 'input') add('input', encodeInput(drawing.input));
  if (drawing?.kind === 'test') add('test', drawing.index);
  add('focus', state.focus && `${state.focus.layer}.${state.focus.c}.${state.focus.y}.${state.focus.x}`);
  add('trace', state.traceMode);
  add('colour', state.colourMode);
  add('camera', state.cameraPreset);
  add('backward', state.backward);
  add('lang', state.language);
  add('chapter', state.chapter);
  add('presentation', state.presentation && 1);
  return fields.map(([key, value]) => `${key}=${value}`).join('&');
}

/** The state an address fragment carries, and what in it was ignored (malformed, repeated, unknown); never throws. */
export function decodeAddress(fragment: string): { state: AddressState; ignored: Message[] } {
  const text = fragment.replace(/^#/, '');
  if (text === '') return { state: EMPTY_ADDRESS, ignored: [] };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { state: EMPTY_ADDRESS, ignored: [message('address', 'ignored.unreadable')] };
  }
  const version = params.getAll('v');
  if (version.length !== 1 || version[0] !== ADDRESS_VERSION) {
    return {
      state: EMPTY_ADDRESS,
      ignored: [message('address', version.length === 0 ? 'ignored.foreign' : 'ignored.version')],
    };
  }
  const ignored = [...new Set([...params.keys()].filter((key) => !KEYS.includes(key)))].map((key) =>
    message('address', 'ignored.unknown', { key: key.slice(0, 20) }),
  );
  const read = <T>(key: string, name: AddressField, parse: (value: string) => T | null): T | null => {
    const values = params.getAll(key);
    if (values.length === 0) return null;
    let parsed: T | null = null;
    try {
      if (values.length === 1 && values[0].length <= MAX_FIELD_CHARS) parsed = parse(values[0]);
    } catch {
      parsed = null;
    }
    if (parsed === null)
      ignored.push(message('address', 'ignored.malformed', { field: message('address', `field.${name}`) }));
    return parsed;
  };
  const natural = (value: string) => (/^\d{1,6}$/.test(value) ? Number(value) : null);
  const oneOf =
    <T extends string>(options: readonly T[]) =>
    (value: string) =>
      (options as readonly string[]).includes(value) ? (value as T) : null;
  const drawings = [
    read('draw', 'drawing', (value): AddressDrawing => ({ kind: 'strokes', strokes: decodeStrokes(value) })),
    read('input', 'input', (value): AddressDrawing => ({ kind: 'input', input: decodeInput(value) })),
    read('test', 'test', (value): AddressDrawing | null => {
      const index = natural(value);
      return index === null ? null : { kind: 'test', index };
    }),
  ].filter((drawing) => drawing !== null);
  if (drawings.length > 1)
    ignored.push(message('address', 'ignored.twice', { field: message('address', 'field.drawing') }));
  const state: AddressState = {
    run: read('run', 'run', (value) => (NAME.test(value) ? value : null)),
    epoch: read('epoch', 'checkpoint', (value) =>
      /^\d{1,6}(\.\d{1,20})?(e-\d{1,2})?$/.test(value) ? Number(value) : null,
    ),
    drawing: drawings.length === 1 ? drawings[0] : null,
    focus: read('focus', 'focus', (value) => {
      const match = /^([A-Za-z0-9_-]{1,32})\.(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/.exec(value);
      return match ? { layer: match[1], c: Number(match[2]), y: Number(match[3]), x: Number(match[4]) } : null;
    }),
    traceMode: read('trace', 'trace', oneOf(TRACE_MODES)),
    colourMode: read('colour', 'colour', oneOf(COLOUR_MODES)),
    cameraPreset: read('camera', 'camera', (value) => (NAME.test(value) ? value : null)),
    backward: read('backward', 'backward', (value) =>
      value === 'reading' ? 'reading' : /^\d$/.test(value) ? Number(value) : null,
    ),
    language: read('lang', 'language', (value) => (isLanguage(value) ? value : null)),
    chapter: read('chapter', 'chapter', (value) => (NAME.test(value) ? value : null)),
    presentation: read('presentation', 'presentation', (value) => (value === '1' ? true : null)),
  };
  return { state, ignored };
}
