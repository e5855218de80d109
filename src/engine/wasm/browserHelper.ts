/**
 * Starts the WebAssembly engine's helper thread in a browser: a nested module Worker (wasmHelper.worker.ts)
 * given the compiled shared build and the shared memory. Only used where the memory can be shared (a
 * cross-origin isolated page); elsewhere the engine trains on one thread.
 */
import type { StartHelper } from './wasmHelper';

/** Starts the helper Worker. */
export const startBrowserHelper: StartHelper = (init) => {
  if (typeof Worker === 'undefined') throw new Error('Worker is not available here');
  const worker = new Worker(new URL('./wasmHelper.worker.ts', import.meta.url), { type: 'module' });
  worker.postMessage(init);
  return { terminate: () => worker.terminate() };
};
