/**
 * The binary payloads of an address: the pad's strokes and the 32x32 input, as raw DEFLATE (fflate) in
 * base64url. Strokes: varint stroke count, then per stroke a varint `pointCount * 2 + eraser` and its points as
 * zigzag varint deltas from the previous point (across strokes, starting at 0,0), x before y. Input: 1,024
 * little-endian float32 values. Decoding refuses anything else (and stops inflating past its limit).
 */
import { Inflate, deflateSync } from 'fflate';
import type { PadStroke } from './addressFields';

/** Stroke coordinates (quarter pad pixels) are clamped to this range before they are drawn and recorded. */
export const STROKE_COORDINATE_RANGE = [-4096, 8192] as const;

/** Encoded strokes longer than this (characters) give way to the input at full precision. */
export const MAX_STROKES_CHARS = 6000;

/** Decoding limits: a longer field, more strokes or points, or more inflated bytes is refused. */
export const MAX_FIELD_CHARS = 16384;
const MAX_STROKES = 2000,
  MAX_POINTS = 50000,
  MAX_INFLATED = 16 * MAX_POINTS;

const INPUT_VALUES = 32 * 32;
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
