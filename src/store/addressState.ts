/**
 * The app's reading as an address fragment (`v=1&run=...&epoch=...&draw=...`) and back: pure, no DOM.
 *
 * Fields: `run` (a run name), `epoch` (a checkpoint), one drawing field (`draw`: the pad's strokes, `input`:
 * the 32x32 input at full float32 precision, `test`: an MNIST test image's index), `focus` (`layer.c.y.x`),
 * `trace`, `colour`, `camera`, `backward` (the backward view's label, or `reading`), `lang` (`en` or `zh`), `attribution` (the
 * method of the heatmap on the pad, with `target` and `contrast` digits), `portrait` (`1`: the neuron portrait open),
 * and the transform probe's and the close-up's fields (probeAddress.ts). Every field is read on
 * its own: a malformed one is dropped and named in `ignored`, the rest still apply; decoding never throws.
 * The binary payloads (strokes, input) are addressPayloads.ts; the state's types and the empty state addressFields.ts.
 */
import { ATTRIBUTION_METHODS } from '../engine/interpret/attribute';
import { isLanguage } from '../i18n/catalog';
import { message, type Message } from '../i18n/message';
import {
  decodeInput,
  decodeStrokes,
  encodeInput,
  encodeStrokes,
  MAX_FIELD_CHARS,
  MAX_STROKES_CHARS,
} from './addressPayloads';
import { decodeProbeFields, encodeProbeFields, PROBE_KEYS } from './probeAddress';
import {
  ADDRESS_VERSION,
  EMPTY_ADDRESS,
  type AddressDrawing,
  type AddressField,
  type AddressState,
  type PadStroke,
} from './addressFields';

export {
  decodeInput,
  decodeStrokes,
  encodeInput,
  encodeStrokes,
  fromBase64Url,
  MAX_STROKES_CHARS,
  STROKE_COORDINATE_RANGE,
  toBase64Url,
} from './addressPayloads';
export { ADDRESS_VERSION, EMPTY_ADDRESS } from './addressFields';
export type { AddressAttribution, AddressDrawing, AddressField, AddressState, PadStroke } from './addressFields';

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
  'attribution',
  'target',
  'contrast',
  'portrait',
  ...PROBE_KEYS,
];
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

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
  add('attribution', state.attribution?.method ?? null);
  add('target', state.attribution?.target ?? null);
  add('contrast', state.attribution?.contrast ?? null);
  add('portrait', state.portrait && 1);
  fields.push(...encodeProbeFields(state));
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
  const digit = (value: string) => (/^\d$/.test(value) ? Number(value) : null);
  const method = read('attribution', 'attribution', oneOf(ATTRIBUTION_METHODS));
  const target = read('target', 'target', digit);
  const contrast = read('contrast', 'contrast', digit);
  if (method === null && (target !== null || contrast !== null))
    ignored.push(message('address', 'ignored.withoutAttribution'));
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
    attribution: method && { method, target, contrast: contrast === target ? null : contrast },
    portrait: read('portrait', 'portrait', (value) => (value === '1' ? true : null)),
    ...decodeProbeFields(read),
  };
  if (method && contrast !== null && contrast === target)
    ignored.push(message('address', 'ignored.sameContrast', { digit: contrast }));
  return { state, ignored };
}
