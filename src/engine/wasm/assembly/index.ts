/** The wasm module's exports: kernels over raw addresses in its one memory (layout: ../wasmBuffers.ts). */
export { gemmNN, gemmNT, gemmTN } from './gemm';
export { convForward, convBackward } from './conv';
export { poolForward, poolBackward } from './pool';
export { elasticField } from './elastic';
export { forward, backward, trainBatch, addInto } from './network';
export {
  denseForward,
  denseBackward,
  activate,
  activationBackward,
  softmaxLoss,
  sgdStep,
  gatherBatch,
  distort,
} from './layers';

/** The first byte after the module's own static data: where the engine's buffers start. */
export function heapBase(): usize {
  return __heap_base;
}
