/**
 * The WebGL2 context the GPU engine computes in, with the capability checks it needs and the
 * counters the benchmarks read (draws and synchronous readbacks).
 */

/** Why the GPU engine cannot run here, or null when it can. */
export type GpuUnavailableReason = string;

/** What was found when probing a context. */
export interface GpuCapabilities {
  readonly renderer: string;
  readonly maxTextureSize: number;
  readonly maxDrawBuffers: number;
}

/** Counts of the work that would cost most on a real GPU. */
export interface GpuCounters {
  draws: number;
  syncReadbacks: number;
}

/**
 * Checks that `gl` can render to float textures and read them back exactly (creating an
 * R32F framebuffer, drawing nothing, clearing to a known value and reading it). Throws with the
 * reason when it cannot.
 */
export function checkCapabilities(gl: WebGL2RenderingContext): GpuCapabilities {
  if (!gl.getExtension('EXT_color_buffer_float')) {
    throw new Error('EXT_color_buffer_float is missing: float textures cannot be rendered to');
  }
  const texture = gl.createTexture();
  const framebuffer = gl.createFramebuffer();
  try {
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.R32F, 2, 2);
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
    if (status !== gl.FRAMEBUFFER_COMPLETE) {
      throw new Error(`an R32F framebuffer is incomplete (status 0x${status.toString(16)})`);
    }
    const probe = 1.2345678;
    gl.clearBufferfv(gl.COLOR, 0, [probe, 0, 0, 0]);
    const pixel = new Float32Array(4);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.FLOAT, pixel);
    if (Math.abs(pixel[0] - Math.fround(probe)) > 1e-7) {
      throw new Error(`float render targets do not hold float32 values (wrote ${probe}, read ${pixel[0]})`);
    }
  } finally {
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.deleteFramebuffer(framebuffer);
    gl.deleteTexture(texture);
  }
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  return {
    renderer: String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
    maxTextureSize: gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
    maxDrawBuffers: gl.getParameter(gl.MAX_DRAW_BUFFERS) as number,
  };
}

/** Creates a WebGL2 context on an OffscreenCanvas and checks it; throws with the reason it cannot. */
export function createComputeContext(): {
  gl: WebGL2RenderingContext;
  canvas: OffscreenCanvas;
  capabilities: GpuCapabilities;
} {
  if (typeof OffscreenCanvas === 'undefined') throw new Error('OffscreenCanvas is not available');
  const canvas = new OffscreenCanvas(1, 1);
  const gl = canvas.getContext('webgl2', {
    antialias: false,
    depth: false,
    stencil: false,
    alpha: true,
    premultipliedAlpha: false,
    preserveDrawingBuffer: false,
    powerPreference: 'high-performance',
  });
  if (!gl) throw new Error('WebGL2 is not available on OffscreenCanvas');
  return { gl, canvas, capabilities: checkCapabilities(gl) };
}
