/** The registry of benchmarked engines: one factory per engine name. */
import type { EngineBench, EngineBenchFactory } from './engineBench';
import { createReferenceBench, createWasmBench, createWasmOneThreadBench, createWebgl2Bench } from './ourEngines';

/** Every engine's factory; the tfjs ones load TensorFlow.js only when they run. */
export const ENGINE_FACTORIES: Record<EngineBench['name'], EngineBenchFactory> = {
  webgl2: createWebgl2Bench,
  wasm: createWasmBench,
  'wasm-1-thread': createWasmOneThreadBench,
  reference: createReferenceBench,
  'tfjs-webgl': async () => (await import('./tfjsLenet')).createTfjsLenetBench('tfjs-webgl'),
  'tfjs-wasm': async () => (await import('./tfjsLenet')).createTfjsLenetBench('tfjs-wasm'),
};
