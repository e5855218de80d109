/**
 * The wasm module's exports: the passes over a network descriptor (network.ts, which calls the layer kernels),
 * and the kernels JavaScript calls itself (batch gather, distortions, SGD), over raw addresses in its one memory
 * (layout: ../wasmBuffers.ts).
 */
export { elasticField } from './elastic';
export { forward, backward, backwardFrom, trainBatch, addInto } from './network';
export { sgdStep, gatherBatch, distort } from './layers';

/** The first byte after the module's own static data: where the engine's buffers start. */
export function heapBase(): usize {
  return __heap_base;
}
