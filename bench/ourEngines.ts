/**
 * This project's engines for the benchmark page, each measured end to end through the real engine
 * worker and its protocol (as the app uses them): the WebGL2 engine, the WebAssembly SIMD engine, and the
 * reference engine, each in the same worker started on that backend.
 */
import type { TrainingSettings } from '../src/engine/batchPlan';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../src/engine/model/lenet5';
import { initialParameters } from '../src/engine/model/initialize';
import { SeededRandom } from '../src/engine/model/random';
import { EngineClient } from '../src/worker/engineClient';
import type { Backend, EngineEvent } from '../src/worker/protocol';
import type { EngineBench, EngineBenchFactory } from './engineBench';
import { median } from './median';

const SYNTHETIC_IMAGES = 4096;
const WARM_UP_STEPS = 2;
/** Warm-up time too: long enough for the WebAssembly engine's helper thread to have started. */
const WARM_UP_MS = 1000;

function syntheticSet(count: number, seed: number) {
  const random = new SeededRandom(seed);
  return {
    count,
    images: Uint8Array.from({ length: count * 784 }, () => random.int(256)),
    labels: Uint8Array.from({ length: count }, () => random.int(10)),
  };
}

async function createWorkerBench(
  name: 'webgl2' | 'wasm' | 'wasm-1-thread' | 'reference',
  backend: Backend,
  wasmThreads: 1 | 2 = 2,
): Promise<EngineBench> {
  const worker = new Worker(new URL('../src/worker/engine.worker.ts', import.meta.url), { type: 'module' });
  const client = new EngineClient(worker);
  const started = await client.start(backend, wasmThreads);
  if (started.backend !== backend) throw new Error(`the worker started on ${started.backend}: ${started.reason}`);
  const params = initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), 1) as Float32Array;
  await client.setDataset(syntheticSet(SYNTHETIC_IMAGES, 1), syntheticSet(256, 2));
  let stepsDone = 0;

  const settingsFor = (batchSize: number): TrainingSettings => ({
    seed: 1,
    batchSize,
    learningRate: 0.01,
    schedule: 'constant',
    epochs: 1e6,
    momentum: 0.9,
    weightDecay: 0,
    augment: false,
  });

  return {
    name,
    async trainImagesPerSecond(batchSize, seconds) {
      await client.loadWeights(DEFAULT_ARCHITECTURE, params);
      const settings = settingsFor(batchSize);
      const progress: { time: number; step: number }[] = [];
      const unsubscribe = client.subscribe((event: EngineEvent) => {
        // Only this run's running reports (a report of the run paused before may still arrive).
        if (event.type === 'progressReported' && event.progress.status === 'running') {
          progress.push({ time: performance.now(), step: event.progress.step });
        }
        if (event.type === 'failed') progress.push({ time: NaN, step: NaN });
      });
      client.train(settings, 0, 1e6);
      const waitFor = async (test: () => boolean) => {
        while (!test()) await new Promise((r) => setTimeout(r, 20));
      };
      const began = performance.now();
      const warm = (p: { time: number; step: number }) => p.step >= WARM_UP_STEPS && p.time - began >= WARM_UP_MS;
      await waitFor(() => progress.some((p) => warm(p) || Number.isNaN(p.step)));
      const first = progress.find(warm) ?? progress.find((p) => Number.isNaN(p.step))!;
      await waitFor(
        () => performance.now() - first.time >= seconds * 1000 && progress[progress.length - 1]!.step > first.step,
      );
      client.pause();
      unsubscribe();
      const last = progress[progress.length - 1]!;
      if (Number.isNaN(first.step) || Number.isNaN(last.step)) throw new Error('training failed in the worker');
      stepsDone = last.step;
      return ((last.step - first.step) * batchSize) / ((last.time - first.time) / 1000);
    },
    async inferMs(samples) {
      await client.loadWeights(DEFAULT_ARCHITECTURE, params);
      const random = new SeededRandom(3);
      const input = Float32Array.from({ length: 1024 }, () => random.uniform());
      for (let i = 0; i < 5; i++) await client.infer(input);
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const start = performance.now();
        await client.infer(input);
        times.push(performance.now() - start);
      }
      return median(times);
    },
    async counters() {
      await client.loadWeights(DEFAULT_ARCHITECTURE, params);
      client.train(settingsFor(64), 0, 1e6);
      client.pause();
      await client.request({ type: 'step', batches: 1 }, 'stepped');
      const before = await client.request({ type: 'counters' }, 'countersRead');
      const steps = 3;
      await client.request({ type: 'step', batches: steps }, 'stepped');
      const after = await client.request({ type: 'counters' }, 'countersRead');
      return {
        drawsPerTrainingStep: (after.draws - before.draws) / steps,
        syncReadbacksPerTrainingStep: (after.syncReadbacks - before.syncReadbacks) / steps,
      };
    },
    async details() {
      return {
        renderer: started.renderer,
        path: backend === 'webgl2' ? 'engine worker (module Worker, OffscreenCanvas)' : 'engine worker (module Worker)',
        stepsMeasured: stepsDone,
      };
    },
    async dispose() {
      client.dispose();
      worker.terminate();
    },
  };
}

/** The project's WebGL2 engine, through the worker. */
export const createWebgl2Bench: EngineBenchFactory = () => createWorkerBench('webgl2', 'webgl2');

/** The project's WebAssembly SIMD engine, in the same worker, as the app runs it (two threads where isolated). */
export const createWasmBench: EngineBenchFactory = () => createWorkerBench('wasm', 'wasm');

/** The same engine kept on one thread. */
export const createWasmOneThreadBench: EngineBenchFactory = () => createWorkerBench('wasm-1-thread', 'wasm', 1);

/** The project's plain-TypeScript reference engine, in the same worker on the CPU. */
export const createReferenceBench: EngineBenchFactory = () => createWorkerBench('reference', 'cpu');
