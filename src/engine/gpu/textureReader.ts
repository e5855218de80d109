/**
 * Readbacks of float textures: synchronous (counted: each stalls a real GPU), several textures in
 * one readback through a pixel-pack buffer, or asynchronous (pixel-pack buffer + fence, polled).
 * R32F textures are read in the implementation's RED/FLOAT format when it offers it: a converting
 * RGBA read of them measured slower than everything else in an inference.
 */
import type { GpuCounters } from './glContext';
import type { GpuTexture } from './gpuTexture';

/** Reads textures back for one context. */
export class TextureReader {
  constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly counters: GpuCounters,
    /** Binds a framebuffer whose colour attachment 0 is `texture`, for reading. */
    private readonly bind: (texture: GpuTexture) => void,
  ) {}

  /**
   * The channels per texel a readback of `texture` returns: 4 for RGBA32F; 1 for R32F when the
   * implementation reads RED/FLOAT directly (asked once, with an R32F texture bound), which
   * avoids a slow converting read into RGBA; else 4.
   */
  readChannels(texture: GpuTexture): 1 | 4 {
    if (texture.format !== 'r32f') return 4;
    if (this.redReadable === null) {
      const { gl } = this;
      this.bind(texture);
      this.redReadable =
        gl.getParameter(gl.IMPLEMENTATION_COLOR_READ_FORMAT) === gl.RED &&
        gl.getParameter(gl.IMPLEMENTATION_COLOR_READ_TYPE) === gl.FLOAT;
    }
    return this.redReadable ? 1 : 4;
  }

  private redReadable: boolean | null = null;

  /** Issues the readPixels of a rectangle of `texture` (into `target`: an array, or an offset in the bound pack buffer). */
  private readPixels(
    texture: GpuTexture,
    x: number,
    y: number,
    width: number,
    height: number,
    target: Float32Array | number,
  ): void {
    const { gl } = this;
    const format = this.readChannels(texture) === 1 ? gl.RED : gl.RGBA;
    this.bind(texture);
    if (typeof target === 'number') gl.readPixels(x, y, width, height, format, gl.FLOAT, target);
    else gl.readPixels(x, y, width, height, format, gl.FLOAT, target);
  }

  /** Keeps the stored channels of a readback: one value per texel for R32F, four for RGBA32F. */
  private stored(texture: GpuTexture, data: Float32Array): Float32Array {
    if (texture.format === 'rgba32f' || this.readChannels(texture) === 1) return data;
    const out = new Float32Array(data.length / 4);
    for (let i = 0; i < out.length; i++) out[i] = data[i * 4];
    return out;
  }

  /**
   * Reads a rectangle of a float texture synchronously (counted: it stalls a real GPU): one value
   * per texel for R32F, four (RGBA, interleaved) for RGBA32F.
   */
  readSync(texture: GpuTexture, x = 0, y = 0, width = texture.width, height = texture.height): Float32Array {
    const data = new Float32Array(width * height * this.readChannels(texture));
    this.readPixels(texture, x, y, width, height, data);
    this.counters.syncReadbacks++;
    return this.stored(texture, data);
  }

  /**
   * Reads several whole textures synchronously as one readback (counted once): each is copied
   * into one pixel-pack buffer on the GPU side, then the buffer is read. Returns the values of
   * every texel, texture after texture, `readChannels(texture)` floats per texel.
   */
  readManySync(textures: readonly GpuTexture[]): Float32Array {
    const { gl } = this;
    let bytes = 0;
    for (const t of textures) bytes += t.width * t.height * 4 * this.readChannels(t);
    if (!this.packBuffer || this.packBufferBytes < bytes) {
      if (this.packBuffer) gl.deleteBuffer(this.packBuffer);
      this.packBuffer = gl.createBuffer();
      this.packBufferBytes = bytes;
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.packBuffer);
      gl.bufferData(gl.PIXEL_PACK_BUFFER, bytes, gl.STREAM_READ);
    }
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.packBuffer);
    let offset = 0;
    for (const t of textures) {
      this.readPixels(t, 0, 0, t.width, t.height, offset);
      offset += t.width * t.height * 4 * this.readChannels(t);
    }
    const data = new Float32Array(bytes / 4);
    gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, data);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    this.counters.syncReadbacks++;
    return data;
  }

  private packBuffer: WebGLBuffer | null = null;
  private packBufferBytes = 0;

  /**
   * Starts reading a rectangle into a pixel-pack buffer and resolves once a fence says the GPU is
   * done, polling through `waitTurn` (which should sleep, not spin); never stalls.
   */
  async readAsync(
    texture: GpuTexture,
    waitTurn: () => Promise<void>,
    x = 0,
    y = 0,
    width = texture.width,
    height = texture.height,
  ): Promise<Float32Array> {
    const { gl } = this;
    const buffer = gl.createBuffer()!;
    const floats = width * height * this.readChannels(texture);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
    gl.bufferData(gl.PIXEL_PACK_BUFFER, floats * 4, gl.STREAM_READ);
    this.readPixels(texture, x, y, width, height, 0);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)!;
    gl.flush();
    try {
      while (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) {
        if (gl.isContextLost()) throw new Error('the WebGL context was lost during a readback');
        await waitTurn();
      }
      const data = new Float32Array(floats);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
      gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, data);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
      return this.stored(texture, data);
    } finally {
      gl.deleteSync(fence);
      gl.deleteBuffer(buffer);
    }
  }

  /** Deletes the pixel-pack buffer. */
  dispose(): void {
    if (this.packBuffer) this.gl.deleteBuffer(this.packBuffer);
    this.packBuffer = null;
  }
}
