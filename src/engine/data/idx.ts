/**
 * Decoding of the IDX files MNIST ships in (big-endian header, then unsigned bytes):
 *   images: magic 0x00000803, count, rows, cols, then count * rows * cols pixels
 *   labels: magic 0x00000801, count, then count labels
 */

/** A decoded set of 8-bit grey images, `count * rows * cols` pixels row-major. */
export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly pixels: Uint8Array;
}

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

function header(bytes: Uint8Array, words: number, fileName: string): number[] {
  if (bytes.length < words * 4) {
    throw new Error(`${fileName}: file is ${bytes.length} bytes, too short for the ${words * 4}-byte IDX header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, words * 4);
  return Array.from({ length: words }, (_, i) => view.getUint32(i * 4, false));
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

/** Decodes an IDX image file; throws an error naming `fileName` when it is not one or is cut short. */
export function decodeIdxImages(bytes: Uint8Array, fileName: string): IdxImages {
  const [magic, count, rows, cols] = header(bytes, 4, fileName) as [number, number, number, number];
  if (magic !== IMAGES_MAGIC) {
    throw new Error(`${fileName}: magic number ${hex(magic)} is not an IDX image file (${hex(IMAGES_MAGIC)})`);
  }
  const expected = 16 + count * rows * cols;
  if (bytes.length !== expected) {
    throw new Error(
      `${fileName}: ${count} images of ${rows}x${cols} need ${expected} bytes, the file has ${bytes.length}` +
        (bytes.length < expected ? ' (truncated)' : ''),
    );
  }
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

/** Decodes an IDX label file; every label must be a digit 0-9. */
export function decodeIdxLabels(bytes: Uint8Array, fileName: string): Uint8Array {
  const [magic, count] = header(bytes, 2, fileName) as [number, number];
  if (magic !== LABELS_MAGIC) {
    throw new Error(`${fileName}: magic number ${hex(magic)} is not an IDX label file (${hex(LABELS_MAGIC)})`);
  }
  if (bytes.length !== 8 + count) {
    throw new Error(
      `${fileName}: ${count} labels need ${8 + count} bytes, the file has ${bytes.length}` +
        (bytes.length < 8 + count ? ' (truncated)' : ''),
    );
  }
  const labels = bytes.subarray(8);
  const bad = labels.findIndex((label) => label > 9);
  if (bad >= 0) throw new Error(`${fileName}: label ${bad} is ${labels[bad]}, not a digit 0-9`);
  return labels;
}
