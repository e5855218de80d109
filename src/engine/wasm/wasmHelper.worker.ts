/** The WebAssembly engine's helper thread in a browser: a module Worker started by browserHelper.ts. */
import { serveHelper, type HelperInit } from './wasmHelper';
import { instantiateSharedKernels } from './wasmModule';

self.onmessage = (event: MessageEvent<HelperInit>) => {
  const { module, memory, control } = event.data;
  void serveHelper(instantiateSharedKernels(module, memory), control);
};
