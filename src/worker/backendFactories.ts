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


/** Makes the preferred backend, falling back to the CPU with the reason when WebGL2 cannot run here. */
export function startBackend(prefer: Backend, factories: BackendFactories, onLost: () => void, onRestored: () => void):
  { backend: ComputeBackend; reason: string | null } {
  if (prefer === 'cpu') return { backend: factories.cpu(), reason: 'the CPU engine was asked for' };
  try {
    return { backend: factories.gpu(onLost, onRestored), reason: null };
  } catch (error) {
    return { backend: factories.cpu(), reason: `WebGL2 engine unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
