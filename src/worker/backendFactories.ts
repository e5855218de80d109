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


/** Renderers that draw on the CPU, where the reference engine is faster than the WebGL2 one (docs/benchmarks.md). */
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
      return { backend: factories.cpu(), reason: `WebGL2 here is a software renderer (${gpu.renderer}), on which the reference `
        + 'engine is faster; add ?backend=webgl2 to the address to use the WebGL2 engine anyway' };
    }
    return { backend: gpu, reason: null };
  } catch (error) {
    return { backend: factories.cpu(), reason: `WebGL2 engine unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
