// The WebAssembly engine's helper thread in Node (src/engine/wasm/wasmHelper.ts), run by startNodeHelper
// (nodeWasmHelper.ts) in a worker_threads Worker. Plain JavaScript that registers tsx's loader first, so the
// thread can import the engine's TypeScript from any Node entry (the CLI, the benchmarks, the tests).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveHelper } = await import('../src/engine/wasm/wasmHelper.ts');
const { instantiateSharedKernels } = await import('../src/engine/wasm/wasmModule.ts');
const { module, memory, control } = workerData;
// Between jobs the helper may wait with Atomics.waitAsync, which does not keep a Node thread's event loop
// alive: this timer does (the parent unrefs the thread, so the process can still exit).
const keepAlive = setInterval(() => {}, 1 << 30);
serveHelper(instantiateSharedKernels(module, memory), control).finally(() => clearInterval(keepAlive));
