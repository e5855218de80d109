import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeAddress,
  decodeInput,
  decodeStrokes,
  drawingToCarry,
  EMPTY_ADDRESS,
  encodeAddress,
  encodeInput,
  encodeStrokes,
  fromBase64Url,
  MAX_STROKES_CHARS,
  STROKE_COORDINATE_RANGE,
  toBase64Url,
  type AddressState,
  type PadStroke,
} from '../../src/store/addressState';
import { ATTRIBUTION_METHODS } from '../../src/engine/interpret/attribute';
import { i18n } from '../../src/i18n/i18n';
import type { Message } from '../../src/i18n/message';
import { messageText } from '../../src/i18n/useMessage';

/** The notes of a decoded address as an English reader sees them. */
const english = (ignored: readonly Message[]) => ignored.map((m) => messageText(i18n.t, m));

const [low, high] = STROKE_COORDINATE_RANGE;
const coordinate = fc.integer({ min: low, max: high });
const stroke = fc.record({
  eraser: fc.boolean(),
  points: fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 40 }).map((p) => p.flat()),
});
const strokes = fc.array(stroke, { minLength: 1, maxLength: 12 });
const input = fc
  .array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: 1024, maxLength: 1024 })
  .map((v) => Float32Array.from(v));
const bits = (values: Float32Array) => Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
const b64 = (bytes: Uint8Array) => toBase64Url(bytes);
const varints = (...values: number[]) => b64(deflateSync(Uint8Array.from(values)));
const seven: PadStroke[] = [
  { eraser: false, points: [280, 240, 600, 240, 860, 248, 680, 600, 500, 960] },
  { eraser: true, points: [500, 500] },
];
const full: AddressState = {
  run: 'lenet5-classic',
  epoch: 0.0625,
  drawing: { kind: 'strokes', strokes: seven },
  focus: { layer: 'c3', c: 15, y: 9, x: 0 },
  traceMode: 'full',
  colourMode: 'difference',
  cameraPreset: 's4',
  backward: 3,
  language: 'zh',
  chapter: 'pooling',
  presentation: true,
  attribution: { method: 'integrated', target: 4, contrast: 9 },
  portrait: true,
  probe: { dx: 2, dy: -1, rotate: 15, scale: 1.1 },
  probePanel: { layer: 's2', map: 3 },
  slide: 10,
  stride: 2,
  padding: 1,
  closeupMap: 4,
  closeupFolded: true,
};

describe('base64url', () => {
  it("agrees with Node's base64url for any bytes, and reads back what it wrote", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses other characters and impossible lengths', () => {
    expect(() => fromBase64Url('ab+c')).toThrow();
    expect(() => fromBase64Url('abcde')).toThrow();
    expect(() => fromBase64Url('ab=')).toThrow();
  });
});

describe('the drawing in an address', () => {
  it('gives back the strokes exactly: every point and the eraser flags', () => {
    fc.assert(
      fc.property(strokes, (drawn) => {
        expect(decodeStrokes(encodeStrokes(drawn))).toEqual(drawn);
      }),
    );
  });

  it('gives back the input bit for bit', () => {
    fc.assert(
      fc.property(input, (values) => {
        expect(bits(decodeInput(encodeInput(values)))).toEqual(bits(values));
      }),
      { numRuns: 30 },
    );
    const edge = new Float32Array(1024);
    edge.set([Number.MIN_VALUE, 1, Math.fround(1 / 3), 1 - 2 ** -24, 2 ** -126]);
    expect(bits(decodeInput(encodeInput(edge)))).toEqual(bits(edge));
  });

  it('carries the strokes while they are short, the input at full precision once they would make the address too long', () => {
    const values = new Float32Array(1024).fill(0.5);
    expect(drawingToCarry(seven, values)).toEqual({ kind: 'strokes', strokes: seven });
    expect(drawingToCarry([], values)).toBeNull();
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) % 1120;
    const scribble: PadStroke[] = [{ eraser: false, points: Array.from({ length: 8000 }, random) }];
    expect(encodeStrokes(scribble).length).toBeGreaterThan(MAX_STROKES_CHARS);
    expect(drawingToCarry(scribble, values)).toEqual({ kind: 'input', input: values });
    expect(drawingToCarry(scribble, null)).toEqual({ kind: 'strokes', strokes: scribble });
  });

  it('refuses damaged strokes: not deflate, cut off, trailing bytes, points off the pad, a bomb', () => {
    expect(() => decodeStrokes('AAAA')).toThrow();
    expect(() => decodeStrokes(b64(Uint8Array.from([1, 2, 3])))).toThrow();
    expect(() => decodeStrokes(varints(1, 4, 2))).toThrow(/cut off/); // one stroke of two points, the first half given
    expect(() => decodeStrokes(varints(1, 2, 2, 2, 9))).toThrow(/after the last stroke/);
    expect(() => decodeStrokes(varints(1, 2, 0xfe, 0xff, 0x03, 0))).toThrow(/outside the pad/);
    expect(() => decodeStrokes(varints(0))).toThrow(/0 strokes/);
    expect(() => decodeStrokes(varints(1, 0))).toThrow(/without points/);
    expect(() => decodeStrokes(varints(1, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01))).toThrow(/too long/);
    expect(() => decodeStrokes(b64(deflateSync(new Uint8Array(5_000_000).fill(0x80))))).toThrow(/too much/);
  });

  it('refuses a damaged input: the wrong length, values outside [0, 1] or not numbers', () => {
    const values = new Float32Array(1024);
    expect(() => decodeInput(b64(deflateSync(new Uint8Array(4092))))).toThrow(/4092 bytes/);
    expect(() => decodeInput(b64(deflateSync(new Uint8Array(4100))))).toThrow(/too much/);
    values[7] = NaN;
    expect(() => decodeInput(encodeInput(values))).toThrow(/outside/);
    values[7] = 1.0000001;
    expect(() => decodeInput(encodeInput(values))).toThrow(/outside/);
    values[7] = -0.25;
    expect(() => decodeInput(encodeInput(values))).toThrow(/outside/);
  });
});

describe('the address', () => {
  it('reads back every field it wrote, for any state', () => {
    const drawing = fc.oneof(
      fc.constant(null),
      strokes.map((s) => ({ kind: 'strokes' as const, strokes: s })),
      fc.nat(99999).map((index) => ({ kind: 'test' as const, index })),
    );
    const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
    const state = fc.record({
      run: fc.option(name),
      epoch: fc.option(fc.oneof(fc.nat(1000), fc.constantFrom(0.0625, 0.125, 0.25, 0.5, 1e-7))),
      drawing,
      focus: fc.option(fc.record({ layer: name, c: fc.nat(9999), y: fc.nat(9999), x: fc.nat(9999) })),
      traceMode: fc.option(fc.constantFrom('direct' as const, 'full' as const)),
      colourMode: fc.option(fc.constantFrom('fixed' as const, 'perDrawing' as const, 'difference' as const)),
      cameraPreset: fc.option(name),
      backward: fc.option(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant('reading' as const))),
      language: fc.option(fc.constantFrom('en' as const, 'zh' as const)),
      chapter: fc.option(name),
      presentation: fc.option(fc.constant(true as const)),
      attribution: fc.option(
        fc
          .record({
            method: fc.constantFrom(...ATTRIBUTION_METHODS),
            target: fc.option(fc.integer({ min: 0, max: 9 })),
            contrast: fc.option(fc.integer({ min: 0, max: 9 })),
          })
          .filter((a) => a.contrast === null || a.contrast !== a.target),
      ),
      portrait: fc.option(fc.constant(true as const)),
      probe: fc.option(
        fc.record({
          dx: fc.integer({ min: -16, max: 16 }),
          dy: fc.integer({ min: -16, max: 16 }),
          rotate: fc.double({ min: -180, max: 180, noNaN: true }).filter((v) => !Object.is(v, -0)),
          scale: fc.double({ min: 0.01, max: 4, noNaN: true }),
        }),
      ),
      probePanel: fc.option(fc.record({ layer: name, map: fc.nat(9999) })),
      slide: fc.option(fc.constantFrom(1, 3, 10, 30)),
      stride: fc.option(fc.constantFrom(1, 2, 3)),
      padding: fc.option(fc.constantFrom(0, 1, 2)),
      closeupMap: fc.option(fc.nat(9999)),
      closeupFolded: fc.option(fc.constant(true as const)),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(decodeAddress(encodeAddress(s))).toEqual({ state: s, ignored: [] });
      }),
    );
    const values = new Float32Array(1024).fill(Math.fround(0.3));
    const back = decodeAddress(`#${encodeAddress({ ...full, drawing: { kind: 'input', input: values } })}`);
    expect(back.state.drawing).toEqual({ kind: 'input', input: values });
  });

  it('an empty fragment carries nothing and notes nothing', () => {
    expect(decodeAddress('')).toEqual({ state: EMPTY_ADDRESS, ignored: [] });
    expect(decodeAddress('#')).toEqual({ state: EMPTY_ADDRESS, ignored: [] });
  });

  it('ignores an address of another version, or none, as a whole', () => {
    const text = encodeAddress(full);
    expect(decodeAddress(text.replace('v=1', 'v=2'))).toEqual({
      state: EMPTY_ADDRESS,
      ignored: [expect.anything()],
    });
    expect(english(decodeAddress(text.replace('v=1', 'v=2')).ignored)).toEqual([
      'the whole address (from another version of the app)',
    ]);
    expect(decodeAddress(text.replace('v=1&', '')).state).toEqual(EMPTY_ADDRESS);
    expect(english(decodeAddress(text.replace('v=1&', '')).ignored)).toEqual([
      'the whole address (not one this app wrote)',
    ]);
    expect(english(decodeAddress(`${text}&v=1`).ignored)).toEqual([
      'the whole address (from another version of the app)',
    ]);
  });

  it('drops each malformed field on its own, names it, and keeps the rest', () => {
    const cases: [string, string, keyof AddressState][] = [
      ['run', 'lenet5 default', 'run'],
      ['epoch', '-1', 'epoch'],
      ['epoch', 'Infinity', 'epoch'],
      ['epoch', '0x10', 'epoch'],
      ['draw', 'not-deflate', 'drawing'],
      ['focus', 'c1.1.2', 'focus'],
      ['focus', 'c1.-1.2.3', 'focus'],
      ['trace', 'partial', 'traceMode'],
      ['colour', 'rainbow', 'colourMode'],
      ['camera', '../x', 'cameraPreset'],
      ['backward', '10', 'backward'],
      ['backward', '', 'backward'],
      ['lang', 'fr', 'language'],
      ['chapter', '../x', 'chapter'],
      ['presentation', 'yes', 'presentation'],
      ['portrait', 'open', 'portrait'],
      ['probe', '1,2,3', 'probe'],
      ['probe', '1,2,3,0', 'probe'],
      ['probe', '1,2,3,-1', 'probe'],
      ['probe', 'a,b,c,d', 'probe'],
      ['probe', '1,2,Infinity,1', 'probe'],
      ['probepanel', 'c1', 'probePanel'],
      ['probepanel', 'c1.-1', 'probePanel'],
      ['slide', '7', 'slide'],
      ['stride', '4', 'stride'],
      ['stride', '0', 'stride'],
      ['padding', '3', 'padding'],
      ['inmap', 'x', 'closeupMap'],
      ['closeup', 'open', 'closeupFolded'],
    ];
    for (const [key, value, field] of cases) {
      const params = new URLSearchParams(encodeAddress(full));
      params.set(key, value);
      const { state, ignored } = decodeAddress(params.toString());
      expect(state[field], `${key}=${value}`).toBeNull();
      expect(ignored, `${key}=${value}`).toHaveLength(1);
      expect(english(ignored)[0]).toMatch(/\(malformed\)$/);
      expect({ ...state, [field]: null }).toEqual({ ...full, [field]: null });
    }
  });

  it("keeps the heatmap's method, target and contrast, each checked on its own", () => {
    const text = encodeAddress(full);
    expect(text).toContain('attribution=integrated&target=4&contrast=9&portrait=1');
    const reading = decodeAddress('v=1&attribution=gradcam');
    expect(reading).toEqual({
      state: { ...EMPTY_ADDRESS, attribution: { method: 'gradcam', target: null, contrast: null } },
      ignored: [],
    });
    const badTarget = decodeAddress(text.replace('target=4', 'target=12'));
    expect(badTarget.state.attribution).toEqual({ method: 'integrated', target: null, contrast: 9 });
    expect(english(badTarget.ignored)).toEqual(['the digit explained (malformed)']);
    const badContrast = decodeAddress(text.replace('contrast=9', 'contrast=x'));
    expect(badContrast.state.attribution).toEqual({ method: 'integrated', target: 4, contrast: null });
    expect(english(badContrast.ignored)).toEqual(['the digit contrasted (malformed)']);
    const same = decodeAddress(text.replace('contrast=9', 'contrast=4'));
    expect(same.state.attribution).toEqual({ method: 'integrated', target: 4, contrast: null });
    expect(english(same.ignored)).toEqual(['the digit contrasted ("4 rather than 4" explains nothing)']);
    const noMethod = decodeAddress(text.replace('attribution=integrated', 'attribution=saliency'));
    expect(noMethod.state.attribution).toBeNull();
    expect(noMethod.state.portrait).toBe(true);
    expect(english(noMethod.ignored)).toEqual([
      'the heatmap on the pad (malformed)',
      'the digit explained (no heatmap method was given)',
    ]);
    expect(encodeAddress({ ...full, attribution: null })).not.toMatch(/attribution|target|contrast/);
  });

  it('names unknown, repeated and overlong fields, and a drawing given twice', () => {
    const text = encodeAddress(full);
    expect(english(decodeAddress(`${text}&zoom=3`).ignored)).toEqual(['"zoom" (unknown)']);
    expect(decodeAddress(`${text}&trace=full`).state.traceMode).toBeNull();
    expect(english(decodeAddress(`${text}&trace=full`).ignored)).toEqual(['the trace mode (malformed)']);
    expect(decodeAddress(`${text}&test=12`).state.drawing).toBeNull();
    expect(english(decodeAddress(`${text}&test=12`).ignored)).toEqual(['the drawing (given twice)']);
    expect(english(decodeAddress(`v=1&draw=${'A'.repeat(20000)}`).ignored)).toEqual(['the drawing (malformed)']);
    expect(english(decodeAddress('v=1&test=1234567').ignored)).toEqual(['the test digit (malformed)']);
  });

  it('never throws, whatever the fragment: random text, or a valid address with characters changed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(() => decodeAddress(text)).not.toThrow();
      }),
    );
    const valid = encodeAddress(full);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.string({ minLength: 1, maxLength: 3 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const text = edits.reduce((t, [at, s]) => t.slice(0, at) + s + t.slice(at + 1), valid);
          const { state, ignored } = decodeAddress(text);
          expect(Array.isArray(ignored)).toBe(true);
          expect(state).toBeDefined();
        },
      ),
      { numRuns: 500 },
    );
  });
});
