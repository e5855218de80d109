/** The WebGL renderer string every benchmark figure is reported with. */

/** Unmasked renderer of a fresh WebGL2 context (RENDERER if the debug extension is missing). */
export function webglRendererString(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'unavailable (no WebGL2 context)';
  try {
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer: unknown = debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return String(renderer);
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
