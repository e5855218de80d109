/**
 * Per-layer timing of the WebAssembly engine's training step (Node or browser): the module times each
 * layer's forward and backward itself (assembly/network.ts, profiling on), the kernels JavaScript calls
 * (gather, distortions, the SGD step) are wrapped with a timer, the default LeNet-5 trains for a while,
 * and each part's share of the step, its microseconds per image and (for layers with multiply-adds)
 * its GFLOP/s are reported.
 */
import type { MnistSet } from '../src/engine/data/mnistInput';
import { DEFAULT_ARCHITECTURE } from '../src/engine/model/lenet5';
import { instantiateKernels, type Lenet5Kernels } from '../src/engine/wasm/wasmModule';
import { WasmNetwork } from '../src/engine/wasm/wasmNetwork';
import { WasmTrainer } from '../src/engine/wasm/wasmTrainer';

const LAYER_IDS = ['input', 'c1', 's2', 'c3', 's4', 'c5', 'f6', 'output'];

/** Floating-point operations per image (multiply-adds x 2) of each layer's forward and backward, default architecture. */
const FLOPS_PER_IMAGE: Record<string, number> = {
  'c1 forward': 2 * 6 * 25 * 784,
  'c1 backward': 2 * 6 * 25 * 784, // dw only: the input's delta is not needed for training
  'c3 forward': 2 * 16 * 150 * 100,
  'c3 backward': 2 * 2 * 16 * 150 * 100, // dw and dx
  'c5 forward': 2 * 400 * 120,
  'c5 backward': 2 * 2 * 400 * 120,
  'f6 forward': 2 * 120 * 84,
  'f6 backward': 2 * 2 * 120 * 84,
  'output forward': 2 * 84 * 10,
  'output backward': 2 * 2 * 84 * 10,
};

/** What JavaScript calls besides the passes, timed from outside. */
const JS_KERNELS = ['gatherBatch', 'distort', 'elasticField', 'sgdStep', 'trainBatch'];

/** One part's share of a training step. */
export interface KernelTiming {
  readonly kernel: string;
  readonly microsecondsPerImage: number;
  readonly share: number;
  readonly gflops: number | null;
}

/** Trains `seconds` at `batchSize` with timed layers; returns images/s and the parts, slowest first. */
export function profileWasmTraining(
  train: MnistSet,
  batchSize: number,
  seconds: number,
  augment = false,
): { imagesPerSecond: number; gflops: number; kernels: KernelTiming[] } {
  const kernels = instantiateKernels();
  const times = new Map<string, number>();
  const timed: Record<string, unknown> = { ...kernels, memory: kernels.memory };
  for (const name of JS_KERNELS) {
    const kernel = kernels[name as keyof Lenet5Kernels] as (...a: number[]) => unknown;
    timed[name] = (...args: number[]) => {
      const start = performance.now();
      const result = kernel(...args);
      times.set(name, (times.get(name) ?? 0) + performance.now() - start);
      return result;
    };
  }
  const network = new WasmNetwork(timed as unknown as Lenet5Kernels);
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
    network,
  );
  for (let s = 0; s < 5; s++) trainer.trainBatch();
  times.clear();
  network.setProfiling(true);
  const start = performance.now();
  let images = 0;
  while (performance.now() - start < seconds * 1000) images += trainer.trainBatch().images;
  const elapsed = performance.now() - start;
  network.setProfiling(false);
  const parts = new Map<string, number>();
  let inLayers = 0;
  network.profile().forEach(([forward, backward], l) => {
    if (l === 0) return;
    parts.set(`${LAYER_IDS[l]} forward`, forward);
    parts.set(`${LAYER_IDS[l]} backward`, backward);
    inLayers += forward + backward;
  });
  for (const [name, ms] of times) if (name !== 'trainBatch') parts.set(name, ms);
  parts.set('chunk loop and zeroing the gradients', (times.get('trainBatch') ?? 0) - inLayers);
  const timedTotal = [...parts.values()].reduce((a, b) => a + b, 0);
  parts.set('JavaScript between kernels (batch plan, bookkeeping)', elapsed - timedTotal);
  const result = [...parts]
    .map(([kernel, ms]) => ({
      kernel,
      microsecondsPerImage: (ms * 1000) / images,
      share: ms / elapsed,
      gflops: FLOPS_PER_IMAGE[kernel] ? (FLOPS_PER_IMAGE[kernel] * images) / (ms * 1e6) : null,
    }))
    .sort((a, b) => b.microsecondsPerImage - a.microsecondsPerImage);
  return { imagesPerSecond: images / (elapsed / 1000), gflops: (2.26e6 * images) / (elapsed * 1e6), kernels: result };
}
