/**
 * Bump allocation in the module's one memory, grown on demand. Views are made on each use: growing
 * the memory detaches every earlier view of its buffer.
 */

/** A byte range in the memory. */
export type Pointer = number;

/** Hands out 16-byte-aligned ranges from `base` upwards. */
export class WasmArena {
  private top: number;

  constructor(
    readonly memory: WebAssembly.Memory,
    base: number,
  ) {
    this.top = align(base);
  }

  /** The current end of allocation (a mark to free back to). */
  get mark(): number {
    return this.top;
  }

  /** Frees everything allocated after `mark`. */
  release(mark: number): void {
    this.top = mark;
  }

  /** Reserves `bytes` (zeroed on first use) and returns their address. */
  alloc(bytes: number): Pointer {
    const start = this.top;
    this.top = align(start + bytes);
    const needed = this.top - this.memory.buffer.byteLength;
    if (needed > 0) this.memory.grow(Math.ceil(needed / 65536));
    new Uint8Array(this.memory.buffer, start, this.top - start).fill(0);
    return start;
  }

  f32(pointer: Pointer, count: number): Float32Array {
    return new Float32Array(this.memory.buffer, pointer, count);
  }

  u8(pointer: Pointer, count: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, pointer, count);
  }

  u32(pointer: Pointer, count: number): Uint32Array {
    return new Uint32Array(this.memory.buffer, pointer, count);
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
