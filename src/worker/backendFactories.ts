/** How the engine host makes its backends: the WebGL2 engine, the WebAssembly engine, or the reference engine on the CPU. */
import type { ComputeBackend } from './computeBackend';
import { CpuBackend } from './cpuBackend';
import { GpuBackend } from './gpuBackend';
import type { Backend, EngineReason } from './protocol';
import { WasmBackend } from './wasmBackend';

/** How the host makes its backends (tests replace them; without `wasm` the chain skips it). */
export interface BackendFactories {
  gpu(onLost: () => void, onRestored: () => void): ComputeBackend;
  /** The WebAssembly engine, training on up to `threads` threads (2 only where memory can be shared). */
  wasm?(threads?: 1 | 2): ComputeBackend;
  cpu(): ComputeBackend;
}

export const DEFAULT_FACTORIES: BackendFactories = {
  gpu: (onLost, onRestored) => new GpuBackend(onLost, onRestored),
  wasm: (threads = 2) => new WasmBackend(threads),
  cpu: () => new CpuBackend(),
};

/**
 * Renderers that draw on the CPU. There the WebGL2 engine shares the one software GPU with the
 * page's 3D view, and the CPU engines answer a drawing sooner (docs/benchmarks.md).
 */
export const SOFTWARE_RENDERER = /SwiftShader|llvmpipe|softpipe|Software Rasterizer|Basic Render/i;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type WebGl2Reason = Extract<EngineReason, { code: 'webgl2Failed' | 'softwareRenderer' }>;

/** The WebAssembly engine, or the reference engine with both reasons when it cannot start. */
function wasmOrCpu(
  factories: BackendFactories,
  reason: WebGl2Reason,
  threads: 1 | 2,
): { backend: ComputeBackend; reason: EngineReason } {
  if (!factories.wasm) return { backend: factories.cpu(), reason };
  try {
    return { backend: factories.wasm(threads), reason };
  } catch (error) {
    return { backend: factories.cpu(), reason: { ...reason, wasmDetail: message(error) } };
  }
}

/**
 * Makes the preferred backend, falling back with the reason. `auto` takes WebGL2 on a real GPU, else
 * the WebAssembly engine (also when WebGL2 is only a software renderer), else the reference engine;
 * `webgl2` falls back to the reference engine, `wasm` to the reference engine. (A WebGL2 engine whose
 * context is lost later moves to the WebAssembly engine: engineSlot.ts.)
 */
export function startBackend(
  prefer: Backend | 'auto',
  factories: BackendFactories,
  onLost: () => void,
  onRestored: () => void,
  wasmThreads: 1 | 2 = 2,
): { backend: ComputeBackend; reason: EngineReason | null } {
  if (prefer === 'cpu') return { backend: factories.cpu(), reason: { code: 'asked' } };
  if (prefer === 'wasm') {
    if (!factories.wasm) return { backend: factories.cpu(), reason: { code: 'wasmMissing' } };
    try {
      return { backend: factories.wasm(wasmThreads), reason: { code: 'asked' } };
    } catch (error) {
      return { backend: factories.cpu(), reason: { code: 'wasmFailed', detail: message(error) } };
    }
  }
  let gpu: ComputeBackend;
  try {
    gpu = factories.gpu(onLost, onRestored);
  } catch (error) {
    const reason: WebGl2Reason = { code: 'webgl2Failed', detail: message(error) };
    return prefer === 'auto' ? wasmOrCpu(factories, reason, wasmThreads) : { backend: factories.cpu(), reason };
  }
  if (prefer === 'auto' && SOFTWARE_RENDERER.test(gpu.renderer)) {
    gpu.dispose();
    return wasmOrCpu(factories, { code: 'softwareRenderer', renderer: gpu.renderer }, wasmThreads);
  }
  return { backend: gpu, reason: null };
}
