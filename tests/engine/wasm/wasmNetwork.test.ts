/** The WebAssembly SIMD engine in Node against the float64 reference, for all 36 architecture options. */
import { describe, it } from 'vitest';
import { allArchitectures } from '../../../src/engine/model/lenet5';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { expectWasmMatchesReference } from './wasmVsReference';

const network = new WasmNetwork();

describe.each(allArchitectures().map((o) => [Object.values(o).join(' / '), o] as const))('%s', (_, options) => {
  it('forward, backward and one SGD step equal the reference at batch 6', () => {
    expectWasmMatchesReference(network, options, 6);
  });
});
