/** The contract every engine measured by the benchmark page implements. */

/**
 * Every engine the benchmark knows, in the order the page runs them. `wasm` is the WebAssembly engine as the
 * app runs it on a CPU (two threads in a cross-origin isolated page, as the benchmark page is); `wasm-1-thread`
 * is the same engine kept on one thread (what a page that is not isolated gets).
 */
export const ENGINE_NAMES = ['webgl2', 'wasm', 'wasm-1-thread', 'reference', 'tfjs-webgl', 'tfjs-wasm'] as const;

/** Name of one benchmarked engine. */
export type EngineName = (typeof ENGINE_NAMES)[number];

/** GPU work of one training step, counted at the WebGL API. */
export interface TrainingStepCounters {
  drawsPerTrainingStep: number;
  syncReadbacksPerTrainingStep: number;
}

/** One engine, set up and ready to be measured; `dispose` releases everything it holds. */
export interface EngineBench {
  readonly name: EngineName;
  /** Trains for about `seconds` on batches of `batchSize` after a warm-up; returns images per second. */
  trainImagesPerSecond(batchSize: number, seconds: number): Promise<number>;
  /** Median ms for one 32x32 drawing in and every layer's activations back in JavaScript. */
  inferMs(samples: number): Promise<number>;
  /** Optional GPU counters of one training step. */
  counters?(): Promise<TrainingStepCounters>;
  /** Optional facts about how the engine ran (backend flavour, threads...), copied into the results. */
  details?(): Promise<Record<string, string | number | boolean>>;
  dispose(): Promise<void>;
}

/** Creates one engine; may throw (e.g. WebGL2 missing), which the page records as that engine's error. */
export type EngineBenchFactory = () => Promise<EngineBench>;
