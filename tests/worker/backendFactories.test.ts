/** The engine chain's choice and its reason, as a code and values (worded by the page, src/ui/engine-status). */
import { describe, expect, it } from 'vitest';
import { startBackend, type BackendFactories } from '../../src/worker/backendFactories';
import type { ComputeBackend } from '../../src/worker/computeBackend';

const fake = (kind: 'webgl2' | 'wasm' | 'cpu', renderer: string = kind): ComputeBackend =>
  ({ kind, renderer, dispose() {} }) as unknown as ComputeBackend;
const fails = (message: string) => () => {
  throw new Error(message);
};
const noop = () => {};

function factories(
  options: { gpu?: () => ComputeBackend; wasm?: (() => ComputeBackend) | null } = {},
): BackendFactories {
  return {
    gpu: options.gpu ?? (() => fake('webgl2', 'NVIDIA GeForce')),
    ...(options.wasm === null ? {} : { wasm: options.wasm ?? (() => fake('wasm')) }),
    cpu: () => fake('cpu'),
  };
}

describe('startBackend', () => {
  it('takes WebGL2 on a real GPU without a reason', () => {
    const started = startBackend('auto', factories(), noop, noop);
    expect(started.backend.kind).toBe('webgl2');
    expect(started.reason).toBeNull();
  });

  it('says an engine asked for in the address was asked for', () => {
    expect(startBackend('cpu', factories(), noop, noop)).toMatchObject({
      backend: { kind: 'cpu' },
      reason: { code: 'asked' },
    });
    expect(startBackend('wasm', factories(), noop, noop)).toMatchObject({
      backend: { kind: 'wasm' },
      reason: { code: 'asked' },
    });
  });

  it('falls back from an asked-for WebAssembly engine to the reference engine, saying why', () => {
    expect(startBackend('wasm', factories({ wasm: null }), noop, noop)).toMatchObject({
      backend: { kind: 'cpu' },
      reason: { code: 'wasmMissing' },
    });
    expect(startBackend('wasm', factories({ wasm: fails('no SIMD') }), noop, noop)).toMatchObject({
      backend: { kind: 'cpu' },
      reason: { code: 'wasmFailed', detail: 'no SIMD' },
    });
  });

  it('on a software renderer takes the WebAssembly engine, naming the renderer; the reference engine if that fails too', () => {
    const software = () => fake('webgl2', 'ANGLE (SwiftShader Device)');
    expect(startBackend('auto', factories({ gpu: software }), noop, noop)).toEqual({
      backend: expect.objectContaining({ kind: 'wasm' }),
      reason: { code: 'softwareRenderer', renderer: 'ANGLE (SwiftShader Device)' },
    });
    expect(startBackend('auto', factories({ gpu: software, wasm: fails('no SIMD') }), noop, noop).reason).toEqual({
      code: 'softwareRenderer',
      renderer: 'ANGLE (SwiftShader Device)',
      wasmDetail: 'no SIMD',
    });
    expect(startBackend('webgl2', factories({ gpu: software }), noop, noop)).toMatchObject({
      backend: { kind: 'webgl2' },
      reason: null,
    });
  });

  it('without WebGL2 takes the WebAssembly engine in auto mode, the reference engine when WebGL2 was asked for', () => {
    const broken = factories({ gpu: fails('OffscreenCanvas is not available') });
    expect(startBackend('auto', broken, noop, noop)).toEqual({
      backend: expect.objectContaining({ kind: 'wasm' }),
      reason: { code: 'webgl2Failed', detail: 'OffscreenCanvas is not available' },
    });
    expect(startBackend('webgl2', broken, noop, noop)).toEqual({
      backend: expect.objectContaining({ kind: 'cpu' }),
      reason: { code: 'webgl2Failed', detail: 'OffscreenCanvas is not available' },
    });
  });
});
