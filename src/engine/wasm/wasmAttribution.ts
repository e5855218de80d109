/**
 * The WebAssembly network as an attribution and node engine, over its batch buffers: the seed is
 * written into a layer's dPre buffer (the output's, where forward() leaves the loss gradient) and
 * the backward pass starts there. Arrays returned are views into wasm memory.
 */
import type { NodeEngine } from '../interpret/attributionEngine';
import type { WasmNetwork } from './wasmNetwork';

/** Wraps a loaded WasmNetwork; batches stay within the buffers it already holds (at least 64). */
export function wasmEngine(network: WasmNetwork): NodeEngine {
  let count = 0;
  const engine: NodeEngine = {
    get layers() {
      return network.layers;
    },
    get maxBatch() {
      return Math.max(64, network.capacity);
    },
    forward(inputs, n) {
      if (inputs.length < n * 1024) throw new Error(`input holds ${inputs.length} values, need ${n * 1024}`);
      network.reserve(n);
      // Straight into the input buffer (the labels there stay: only the loss reads them, and nothing reads the loss).
      network.pass(n).layers[0].out.set(inputs.subarray(0, n * 1024));
      network.forward(n);
      count = n;
    },
    values(layer, part) {
      const values = network.pass(count).layers[layer]?.[part];
      if (!values) throw new Error(`layer ${layer} has no ${part} values`);
      return values as Float32Array;
    },
    backwardFromLogits(seed) {
      engine.backwardFromPre(network.layers.length - 1, seed);
    },
    backwardFromPre(layer, seed) {
      const target = network.deltas(count)[layer]?.dPre as Float32Array | null | undefined;
      if (!target || seed.length !== target.length)
        throw new Error(`layer ${layer} has no pre-activation of ${seed.length} values to seed`);
      target.set(seed);
      network.backward(count, true, layer);
    },
    gradient(layer) {
      return network.deltas(count)[layer].dOut as Float32Array;
    },
  };
  return engine;
}
