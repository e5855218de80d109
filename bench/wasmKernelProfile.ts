/**
 * Per-kernel timing of the WebAssembly engine's training step (Node or browser): every exported kernel
 * is wrapped with a timer, the default LeNet-5 trains for a while, and each kernel's share of the
 * step, its microseconds per image and (for the matrix-product kernels) its GFLOP/s are reported.
 */
import type { MnistSet } from '../src/engine/data/mnistInput';
import { DEFAULT_ARCHITECTURE } from '../src/engine/model/lenet5';
import { instantiateKernels, type Lenet5Kernels } from '../src/engine/wasm/wasmModule';
import { WasmNetwork } from '../src/engine/wasm/wasmNetwork';
import { WasmTrainer } from '../src/engine/wasm/wasmTrainer';

/** Floating-point operations per image of each timed kernel (multiply-adds x 2), default architecture. */
const FLOPS_PER_IMAGE: Record<string, number> = {
  'convForward c1': 2 * 6 * 25 * 784,
  'convForward c3': 2 * 16 * 150 * 100,
  'convBackward c1': 2 * 6 * 25 * 784, // dw only: the input's delta is not needed for training
  'convBackward c3': 2 * 2 * 16 * 150 * 100, // dw and dx
  denseForward: 2 * (400 * 120 + 120 * 84 + 84 * 10),
  denseBackward: 2 * 2 * (400 * 120 + 120 * 84 + 84 * 10),
};

/** One kernel's share of a training step. */
export interface KernelTiming {
  readonly kernel: string;
  readonly microsecondsPerImage: number;
  readonly share: number;
  readonly gflops: number | null;
}

/** Trains `seconds` at `batchSize` with timed kernels; returns images/s and the kernels, slowest first. */
export function profileWasmTraining(
  train: MnistSet,
  batchSize: number,
  seconds: number,
  augment = false,
): { imagesPerSecond: number; gflops: number; kernels: KernelTiming[] } {
  const kernels = instantiateKernels();
  const times = new Map<string, number>();
  const timed: Record<string, unknown> = { memory: kernels.memory };
  for (const [name, kernel] of Object.entries(kernels)) {
    if (typeof kernel !== 'function') continue;
    timed[name] = (...args: number[]) => {
      const key = name.startsWith('conv') ? `${name} ${args[1] === 1 ? 'c1' : 'c3'}` : name;
      const start = performance.now();
      const result = (kernel as (...a: number[]) => unknown)(...args);
      times.set(key, (times.get(key) ?? 0) + performance.now() - start);
      return result;
    };
  }
  const trainer = WasmTrainer.fromSeed(
    DEFAULT_ARCHITECTURE,
    {
      seed: 1,
      batchSize,
      learningRate: 0.01,
      schedule: 'constant',
      epochs: 1e6,
      momentum: 0.9,
      weightDecay: 0,
      augment,
    },
    train,
    new WasmNetwork(timed as unknown as Lenet5Kernels),
  );
  for (let s = 0; s < 5; s++) trainer.trainBatch();
  times.clear();
  const start = performance.now();
  let images = 0;
  while (performance.now() - start < seconds * 1000) images += trainer.trainBatch().images;
  const elapsed = performance.now() - start;
  const result = [...times]
    .map(([kernel, ms]) => ({
      kernel,
      microsecondsPerImage: (ms * 1000) / images,
      share: ms / elapsed,
      gflops: FLOPS_PER_IMAGE[kernel] ? (FLOPS_PER_IMAGE[kernel] * images) / (ms * 1e6) : null,
    }))
    .sort((a, b) => b.microsecondsPerImage - a.microsecondsPerImage);
  return { imagesPerSecond: images / (elapsed / 1000), gflops: (2.26e6 * images) / (elapsed * 1e6), kernels: result };
}
