/**
 * The WebAssembly SIMD engine in Node against the float64 reference, for every architecture option (54,
 * learned c3 combinations included).
 */
import { describe, it } from 'vitest';
import { allArchitectures, DEFAULT_ARCHITECTURE } from '../../../src/engine/model/lenet5';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { expectWasmMatchesReference } from './wasmVsReference';

const network = new WasmNetwork();

describe.each(allArchitectures().map((o) => [Object.values(o).join(' / '), o] as const))('%s', (_, options) => {
  it('forward, backward and one SGD step equal the reference at batch 6', () => {
    expectWasmMatchesReference(network, options, 6);
  });
});

describe('batches past the 16 images whose c3 columns a pass keeps', () => {
  it('equal the reference too (the columns rebuilt in the backward pass)', () => {
    expectWasmMatchesReference(network, DEFAULT_ARCHITECTURE, 20);
  });
});
