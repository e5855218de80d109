/**
 * Starts the WebAssembly engine's helper thread in Node (src/engine/wasm/wasmHelper.ts): a worker_threads
 * Worker running wasmHelperThread.mjs over the shared memory. The trainer CLI and `npm run bench:reference`
 * train on two threads with it. The thread never keeps the process alive; if it fails to start, the
 * engine simply keeps training on one thread.
 */
import { Worker } from 'node:worker_threads';
import type { StartHelper } from '../src/engine/wasm/wasmHelper';

/** Starts the helper thread. */
export const startNodeHelper: StartHelper = (init) => {
  const worker = new Worker(new URL('./wasmHelperThread.mjs', import.meta.url), { workerData: init });
  worker.unref();
  worker.on('error', (error) => console.error(`wasm helper thread: ${error.message}`));
  return { terminate: () => void worker.terminate() };
};
