/**
 * A kernel program is data: a name, the samplers and uniforms it reads, how many outputs it
 * writes (multiple render targets) and the GLSL body of `main`. The runner compiles it once and
 * draws one full-viewport triangle per call; each fragment computes the output texel at
 * `ivec2(gl_FragCoord.xy)`.
 */
import type { GpuCounters } from './glContext';
import { ATLAS_WIDTH, type GpuTexture } from './gpuTexture';

/** The description of one fragment-shader kernel. */
export interface KernelProgram {
  readonly name: string;
  readonly samplers: readonly string[];
  /** Uniforms as `name: 'float' | 'int'`. */
  readonly uniforms?: Readonly<Record<string, 'float' | 'int'>>;
  /** Number of outputs, written to `out0`, `out1`, ... */
  readonly outputs: number;
  /** `vec4` outputs (for RGBA32F targets; an R32F target keeps the first component); default `float`. */
  readonly vectorOutputs?: boolean;
  /** GLSL functions and constants placed before `main`. */
  readonly declarations?: string;
  /** The body of `main`; `p` is the output texel. */
  readonly main: string;
}

/** A compiled kernel. */
export interface CompiledKernel {
  readonly spec: KernelProgram;
  readonly program: WebGLProgram;
  readonly uniformLocations: Readonly<Record<string, WebGLUniformLocation | null>>;
}

const VERTEX_SHADER = `#version 300 es
void main() {
  // One triangle covering the viewport: (-1,-1), (3,-1), (-1,3).
  vec2 corner = vec2(float((gl_VertexID & 1) << 2) - 1.0, float((gl_VertexID & 2) << 1) - 1.0);
  gl_Position = vec4(corner, 0.0, 1.0);
}`;

/**
 * GLSL every kernel can use: `at(t, x, y)` one float texel, `at4` one RGBA texel, `atlasAt(t, i)` /
 * `atlas4(t, i)` texel i of an atlas (the parameter atlas, the packed weights), `pick(v, k)` v[k].
 */
const SHARED_GLSL = `
float at(highp sampler2D t, int x, int y) { return texelFetch(t, ivec2(x, y), 0).r; }
vec4 at4(highp sampler2D t, int x, int y) { return texelFetch(t, ivec2(x, y), 0); }
float atlasAt(highp sampler2D t, int i) { return texelFetch(t, ivec2(i & ${ATLAS_WIDTH - 1}, i >> ${Math.log2(ATLAS_WIDTH)}), 0).r; }
vec4 atlas4(highp sampler2D t, int i) { return texelFetch(t, ivec2(i & ${ATLAS_WIDTH - 1}, i >> ${Math.log2(ATLAS_WIDTH)}), 0); }
float pick(vec4 v, int k) { return k == 0 ? v.x : k == 1 ? v.y : k == 2 ? v.z : v.w; }
`;

function fragmentSource(spec: KernelProgram): string {
  const samplers = spec.samplers.map((s) => `uniform highp sampler2D ${s};`).join('\n');
  const uniforms = Object.entries(spec.uniforms ?? {}).map(([n, t]) => `uniform ${t} ${n};`).join('\n');
  const type = spec.vectorOutputs ? 'vec4' : 'float';
  const outputs = Array.from({ length: spec.outputs }, (_, i) => `layout(location = ${i}) out ${type} out${i};`).join('\n');
  return `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
${samplers}
${uniforms}
${outputs}
${SHARED_GLSL}
${spec.declarations ?? ''}
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
${spec.main}
}`;
}

function compileShader(gl: WebGL2RenderingContext, type: number, source: string, name: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error(`${name}: could not create a shader (is the context lost?)`);
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
    const numbered = source.split('\n').map((line, i) => `${String(i + 1).padStart(4)} ${line}`).join('\n');
    throw new Error(`${name}: shader does not compile: ${gl.getShaderInfoLog(shader)}\n${numbered}`);
  }
  return shader;
}

/**
 * Compiles programs and runs them into textures, counting draws and readbacks. The state a draw
 * needs is set once where WebGL keeps it: sampler k of every program reads texture unit k (set at
 * link time), and each set of output textures has its own framebuffer with its draw buffers.
 */
export class KernelRunner {
  readonly counters: GpuCounters = { draws: 0, syncReadbacks: 0 };
  private readonly framebuffers = new Map<string, WebGLFramebuffer>();
  private readonly textureIds = new WeakMap<WebGLTexture, number>();
  private nextTextureId = 0;
  private readonly vertexShader: WebGLShader;
  private readonly vertexArray: WebGLVertexArrayObject;

  constructor(readonly gl: WebGL2RenderingContext) {
    this.vertexShader = compileShader(gl, gl.VERTEX_SHADER, VERTEX_SHADER, 'vertex');
    this.vertexArray = gl.createVertexArray()!;
  }

  /** Compiles and links a kernel; throws with the info log and numbered source when it fails. */
  compile(spec: KernelProgram): CompiledKernel {
    const { gl } = this;
    const fragment = compileShader(gl, gl.FRAGMENT_SHADER, fragmentSource(spec), spec.name);
    const program = gl.createProgram()!;
    gl.attachShader(program, this.vertexShader);
    gl.attachShader(program, fragment);
    gl.linkProgram(program);
    gl.deleteShader(fragment);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
      throw new Error(`${spec.name}: program does not link: ${gl.getProgramInfoLog(program)}`);
    }
    const uniformLocations: Record<string, WebGLUniformLocation | null> = {};
    for (const name of Object.keys(spec.uniforms ?? {})) uniformLocations[name] = gl.getUniformLocation(program, name);
    gl.useProgram(program);
    spec.samplers.forEach((name, unit) => gl.uniform1i(gl.getUniformLocation(program, name), unit));
    return { spec, program, uniformLocations };
  }

  /** The framebuffer writing to `outputs` (attachments 0.. in order), created on first use. */
  private framebufferFor(outputs: readonly GpuTexture[]): WebGLFramebuffer {
    const { gl } = this;
    const key = outputs.map((o) => {
      let id = this.textureIds.get(o.texture);
      if (id === undefined) this.textureIds.set(o.texture, id = this.nextTextureId++);
      return id;
    }).join(',');
    let framebuffer = this.framebuffers.get(key);
    if (!framebuffer) {
      framebuffer = gl.createFramebuffer()!;
      gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
      outputs.forEach((output, i) => {
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0 + i, gl.TEXTURE_2D, output.texture, 0);
      });
      gl.drawBuffers(outputs.map((_, i) => gl.COLOR_ATTACHMENT0 + i));
      gl.readBuffer(gl.COLOR_ATTACHMENT0);
      this.framebuffers.set(key, framebuffer);
    }
    return framebuffer;
  }

  /**
   * Draws `kernel` into `outputs` (all the same size) over the rectangle `region` (default: all
   * of the first output), reading `inputs` in the order of the kernel's samplers.
   */
  run(kernel: CompiledKernel, inputs: readonly GpuTexture[], outputs: readonly GpuTexture[],
    uniforms: Readonly<Record<string, number>> = {},
    region: readonly [number, number, number, number] = [0, 0, outputs[0]!.width, outputs[0]!.height]): void {
    const { gl } = this;
    if (inputs.length !== kernel.spec.samplers.length) {
      throw new Error(`${kernel.spec.name}: expects ${kernel.spec.samplers.length} inputs, got ${inputs.length}`);
    }
    if (outputs.length !== kernel.spec.outputs) {
      throw new Error(`${kernel.spec.name}: writes ${kernel.spec.outputs} outputs, got ${outputs.length}`);
    }
    gl.useProgram(kernel.program);
    // Inputs are bound on units 0..n-1, which the program's samplers read. Units above n may still
    // hold older textures: the program does not sample them, so they form no feedback loop.
    inputs.forEach((input, unit) => {
      gl.activeTexture(gl.TEXTURE0 + unit);
      gl.bindTexture(gl.TEXTURE_2D, input.texture);
    });
    for (const [name, value] of Object.entries(uniforms)) {
      const location = kernel.uniformLocations[name];
      if (location === undefined) throw new Error(`${kernel.spec.name}: no uniform ${name}`);
      if (kernel.spec.uniforms![name] === 'int') gl.uniform1i(location, value);
      else gl.uniform1f(location, value);
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebufferFor(outputs));
    gl.viewport(region[0], region[1], region[2], region[3]);
    gl.bindVertexArray(this.vertexArray);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    this.counters.draws++;
  }

  private bindForRead(texture: GpuTexture): void {
    this.gl.bindFramebuffer(this.gl.FRAMEBUFFER, this.framebufferFor([texture]));
  }

  /**
   * The channels per texel a readback of `texture` returns: 4 for RGBA32F; 1 for R32F when the
   * implementation reads RED/FLOAT directly (asked once, with an R32F texture bound), which
   * avoids a slow converting read into RGBA; else 4.
   */
  readChannels(texture: GpuTexture): 1 | 4 {
    if (texture.format !== 'r32f') return 4;
    if (this.redReadable === null) {
      const { gl } = this;
      this.bindForRead(texture);
      this.redReadable = gl.getParameter(gl.IMPLEMENTATION_COLOR_READ_FORMAT) === gl.RED
        && gl.getParameter(gl.IMPLEMENTATION_COLOR_READ_TYPE) === gl.FLOAT;
    }
    return this.redReadable ? 1 : 4;
  }

  private redReadable: boolean | null = null;

  /** Issues the readPixels of a rectangle of `texture` (into `target`: an array, or an offset in the bound pack buffer). */
  private readPixels(texture: GpuTexture, x: number, y: number, width: number, height: number,
    target: Float32Array | number): void {
    const { gl } = this;
    const format = this.readChannels(texture) === 1 ? gl.RED : gl.RGBA;
    this.bindForRead(texture);
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
  async readAsync(texture: GpuTexture, waitTurn: () => Promise<void>, x = 0, y = 0, width = texture.width,
    height = texture.height): Promise<Float32Array> {
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

  /** Deletes the runner's own objects. */
  dispose(): void {
    if (this.packBuffer) this.gl.deleteBuffer(this.packBuffer);
    for (const framebuffer of this.framebuffers.values()) this.gl.deleteFramebuffer(framebuffer);
    this.framebuffers.clear();
    this.gl.deleteShader(this.vertexShader);
    this.gl.deleteVertexArray(this.vertexArray);
  }
}
