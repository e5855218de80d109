/** A minimal grayscale PNG writer (8-bit, one IDAT deflated with fflate) for images the scripts save to look at. */
import { writeFileSync } from 'node:fs';
import { zlibSync } from 'fflate';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Writes `pixels` (width x height, row-major, 0 = black, 255 = white) as a PNG file. */
export function writeGrayPng(path: string, width: number, height: number, pixels: Uint8Array): void {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale, deflate, no filter method extras, no interlace
  const rows = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const file = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    file.set(p, at);
    at += p.length;
  }
  writeFileSync(path, file);
}

/** A sheet of 32x32 network inputs (ink 1 drawn black on white paper), `columns` across, each scaled `scale` times, 2 px apart. */
export function inputSheet(
  images: readonly ArrayLike<number>[],
  columns: number,
  scale = 4,
): {
  width: number;
  height: number;
  pixels: Uint8Array;
} {
  const cell = 32 * scale + 2;
  const rows = Math.ceil(images.length / columns);
  const width = columns * cell,
    height = rows * cell;
  const pixels = new Uint8Array(width * height).fill(160);
  images.forEach((image, n) => {
    const ox = (n % columns) * cell + 1,
      oy = Math.floor(n / columns) * cell + 1;
    for (let y = 0; y < 32 * scale; y++)
      for (let x = 0; x < 32 * scale; x++) {
        const v = image[Math.floor(y / scale) * 32 + Math.floor(x / scale)];
        pixels[(oy + y) * width + ox + x] = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
      }
  });
  return { width, height, pixels };
}
