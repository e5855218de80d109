/** How the engine host makes its backends: the WebGL2 engine, or the reference engine on the CPU. */
import type { ComputeBackend } from './computeBackend';
import { CpuBackend } from './cpuBackend';
import { GpuBackend } from './gpuBackend';
import type { Backend } from './protocol';

/** How the host makes its backends (tests replace them). */
export interface BackendFactories {
  gpu(onLost: () => void, onRestored: () => void): ComputeBackend;
  cpu(): ComputeBackend;
}

export const DEFAULT_FACTORIES: BackendFactories = {
  gpu: (onLost, onRestored) => new GpuBackend(onLost, onRestored),
  cpu: () => new CpuBackend(),
};


/**
 * Renderers that draw on the CPU. There the WebGL2 engine shares the one software GPU with the
 * page's 3D view, and the reference engine answers a drawing sooner (docs/benchmarks.md).
 */
export const SOFTWARE_RENDERER = /SwiftShader|llvmpipe|softpipe|Software Rasterizer|Basic Render/i;

/**
 * Makes the preferred backend, falling back to the CPU with the reason when WebGL2 cannot run here.
 * `auto` also takes the CPU when WebGL2 is only a software renderer.
 */
export function startBackend(prefer: Backend | 'auto', factories: BackendFactories, onLost: () => void, onRestored: () => void):
  { backend: ComputeBackend; reason: string | null } {
  if (prefer === 'cpu') return { backend: factories.cpu(), reason: 'the CPU engine was asked for' };
  try {
    const gpu = factories.gpu(onLost, onRestored);
    if (prefer === 'auto' && SOFTWARE_RENDERER.test(gpu.renderer)) {
      gpu.dispose();
      return { backend: factories.cpu(), reason: `WebGL2 here is a software renderer (${gpu.renderer}), which the WebGL2 engine `
        + 'would share with the 3D view; the reference engine answers your drawing sooner. Add ?backend=webgl2 to the '
        + 'address to use the WebGL2 engine anyway' };
    }
    return { backend: gpu, reason: null };
  } catch (error) {
    return { backend: factories.cpu(), reason: `WebGL2 engine unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
