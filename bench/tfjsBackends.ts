/** Switching TensorFlow.js to the backend a tfjs benchmark entry measures, with its binaries served locally. */
import * as tf from '@tensorflow/tfjs';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { ensureWasmConv2dFilterGradient } from './wasmConv2dFilterGradient';

/** The two TensorFlow.js engines the benchmark compares against. */
export type TfjsEngineName = 'tfjs-webgl' | 'tfjs-wasm';

/** Facts about the backend that ran, reported beside its figures. */
export type BackendDetails = Record<string, string | number | boolean>;

/** Makes `engine`'s backend the active one (initialising it) and says how it runs. */
export async function useTfjsBackend(engine: TfjsEngineName): Promise<BackendDetails> {
  return engine === 'tfjs-webgl' ? useWebgl() : useWasm();
}

async function useWebgl(): Promise<BackendDetails> {
  if (!(await tf.setBackend('webgl'))) {
    throw new Error('TensorFlow.js could not initialise its webgl backend (no WebGL context? see the console)');
  }
  return {
    backend: tf.getBackend(),
    tfjsVersion: tf.version.tfjs,
    webglVersion: tf.env().getNumber('WEBGL_VERSION'),
    packed: tf.env().getBool('WEBGL_PACK'),
  };
}

async function useWasm(): Promise<BackendDetails> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
  });
  if (!(await tf.setBackend('wasm'))) {
    throw new Error(
      'TensorFlow.js could not initialise its wasm backend (were the .wasm files served? see the console)',
    );
  }
  const conv2dBackpropFilter = ensureWasmConv2dFilterGradient();
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threads = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  return {
    backend: tf.getBackend(),
    tfjsVersion: tf.version.tfjs,
    wasmFlavour: simd && threads ? 'threaded-simd' : simd ? 'simd' : 'plain',
    simd,
    threads,
    threadsCount: wasm.getThreadsCount(),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    conv2dBackpropFilter,
  };
}

/** Drops every tensor, variable and backend TensorFlow.js holds, so the next engine starts from nothing. */
export function releaseTfjs(): void {
  tf.engine().reset();
}
