/**
 * A kernel program is data: a name, the samplers and uniforms it reads, how many outputs it
 * writes (multiple render targets) and the GLSL body of `main`. The runner compiles it once and
 * draws one full-viewport triangle per call; each fragment computes the output texel at
 * `ivec2(gl_FragCoord.xy)`.
 */
import type { GpuCounters } from './glContext';
import { ATLAS_WIDTH, type GpuTexture } from './gpuTexture';
import { TextureReader } from './textureReader';

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
  const uniforms = Object.entries(spec.uniforms ?? {})
    .map(([n, t]) => `uniform ${t} ${n};`)
    .join('\n');
  const type = spec.vectorOutputs ? 'vec4' : 'float';
  const outputs = Array.from({ length: spec.outputs }, (_, i) => `layout(location = ${i}) out ${type} out${i};`).join(
    '\n',
  );
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
    const numbered = source
      .split('\n')
      .map((line, i) => `${String(i + 1).padStart(4)} ${line}`)
      .join('\n');
    throw new Error(`${name}: shader does not compile: ${gl.getShaderInfoLog(shader)}\n${numbered}`);
  }
  return shader;
}

/**
 * Compiles programs and runs them into textures, counting draws (and, through its reader,
 * readbacks). The state a draw
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

  /** Readbacks of the textures this runner draws into. */
  readonly reader: TextureReader;

  constructor(readonly gl: WebGL2RenderingContext) {
    this.reader = new TextureReader(gl, this.counters, (texture) =>
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebufferFor([texture])),
    );
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
    const key = outputs
      .map((o) => {
        let id = this.textureIds.get(o.texture);
        if (id === undefined) this.textureIds.set(o.texture, (id = this.nextTextureId++));
        return id;
      })
      .join(',');
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
  run(
    kernel: CompiledKernel,
    inputs: readonly GpuTexture[],
    outputs: readonly GpuTexture[],
    uniforms: Readonly<Record<string, number>> = {},
    region: readonly [number, number, number, number] = [0, 0, outputs[0]!.width, outputs[0]!.height],
  ): void {
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

  /** Deletes the runner's own objects. */
  dispose(): void {
    this.reader.dispose();
    for (const framebuffer of this.framebuffers.values()) this.gl.deleteFramebuffer(framebuffer);
    this.framebuffers.clear();
    this.gl.deleteShader(this.vertexShader);
    this.gl.deleteVertexArray(this.vertexArray);
  }
}
