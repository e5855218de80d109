/**
 * Texture memory of the GPU engine, recycled by size through a pool so a long run allocates
 * nothing new. Layer values, gradients and the packed weights are RGBA32F, four values to a texel
 * (packedLayout.ts, gradientLayout.ts, weightPacking.ts); the parameter and momentum atlases that
 * SGD updates are R32F, one parameter per texel in run-format order:
 *
 *   parameter atlas: flat index i of the run-format vector at texel (i % 256, i / 256)
 */

/** A float texture and its size and format. */
export interface GpuTexture {
  readonly texture: WebGLTexture;
  readonly width: number;
  readonly height: number;
  readonly format: TextureFormat;
}

/** The storage kinds the engine uses. */
export type TextureFormat = 'r32f' | 'rgba32f' | 'rgba8';

/** Width of the parameter atlas (a power of two, so the index split is a shift and a mask). */
export const ATLAS_WIDTH = 256;

const FORMATS = {
  r32f: { internal: 0x822e /* R32F */, format: 0x1903 /* RED */, type: 0x1406 /* FLOAT */ },
  rgba32f: { internal: 0x8814 /* RGBA32F */, format: 0x1908 /* RGBA */, type: 0x1406 },
  rgba8: { internal: 0x8058 /* RGBA8 */, format: 0x1908, type: 0x1401 /* UNSIGNED_BYTE */ },
} as const;

/** Allocates, uploads and recycles textures of one context. */
export class TexturePool {
  private readonly free = new Map<string, GpuTexture[]>();
  private live = 0;
  private maxSize: number | undefined;

  constructor(private readonly gl: WebGL2RenderingContext) {}

  /** Number of textures currently handed out (the leak check reads it). */
  get liveCount(): number {
    return this.live;
  }

  /** A texture of the given size and format, recycled when one is free; contents undefined. */
  acquire(width: number, height: number, format: TextureFormat = 'r32f'): GpuTexture {
    const key = `${format}:${width}x${height}`;
    const recycled = this.free.get(key)?.pop();
    this.live++;
    if (recycled) return recycled;
    const { gl } = this;
    const limit = (this.maxSize ??= gl.getParameter(gl.MAX_TEXTURE_SIZE) as number);
    if (width > limit || height > limit) {
      this.live--;
      throw new Error(`a ${width}x${height} texture exceeds this GPU's limit of ${limit} (a smaller batch fits)`);
    }
    const texture = gl.createTexture();
    if (!texture) throw new Error('could not create a texture (is the context lost?)');
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, FORMATS[format].internal, width, height);
    for (const [name, value] of [
      [gl.TEXTURE_MIN_FILTER, gl.NEAREST],
      [gl.TEXTURE_MAG_FILTER, gl.NEAREST],
      [gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE],
      [gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE],
    ] as const) {
      gl.texParameteri(gl.TEXTURE_2D, name, value);
    }
    return { texture, width, height, format };
  }

  /** Gives a texture back for reuse. */
  release(texture: GpuTexture): void {
    const key = `${texture.format}:${texture.width}x${texture.height}`;
    const list = this.free.get(key) ?? [];
    list.push(texture);
    this.free.set(key, list);
    this.live--;
  }

  /** Uploads `data` into the rectangle (x, y, width, height) of a texture. */
  upload(target: GpuTexture, data: ArrayBufferView, x = 0, y = 0, width = target.width, height = target.height): void {
    const { gl } = this;
    const f = FORMATS[target.format];
    gl.bindTexture(gl.TEXTURE_2D, target.texture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, x, y, width, height, f.format, f.type, data);
  }

  /** Uploads `values` into a parameter atlas (R32F, one value per texel, ATLAS_WIDTH a row) from flat index `offset`. */
  uploadRange(atlas: GpuTexture, offset: number, values: Float32Array): void {
    for (let done = 0; done < values.length;) {
      const at = offset + done;
      const [x, y] = [at % ATLAS_WIDTH, Math.floor(at / ATLAS_WIDTH)];
      const width = Math.min(ATLAS_WIDTH - x, values.length - done);
      this.upload(atlas, values.subarray(done, done + width), x, y, width, 1);
      done += width;
    }
  }

  /** Deletes every free texture (live ones belong to their holders, who release them first). */
  dispose(): void {
    for (const list of this.free.values()) for (const t of list) this.gl.deleteTexture(t.texture);
    this.free.clear();
  }
}

/** Rows of the parameter atlas for `count` parameters. */
export function atlasHeight(count: number): number {
  return Math.ceil(count / ATLAS_WIDTH);
}
