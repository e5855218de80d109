/** What the benchmark page is asked to run and the JSON it answers with (a contract read by other checks). */
import type { EngineName, TrainingStepCounters } from './engineBench';

/** Options of `window.runBenchmarks`. */
export interface BenchOptions {
  /** Seconds per training measurement (one per engine and batch size). */
  seconds: number;
  /** Engines to run, in this order. */
  engines: readonly EngineName[];
  /** Training batch sizes. */
  batchSizes: readonly number[];
  /** Single-image inferences whose median is reported. */
  inferSamples: number;
}

/** The results JSON; the first five keys are the contract, the rest is informative. */
export interface BenchResults {
  renderer: string;
  /** Images per second by engine, then by batch size (as a string key). */
  trainImagesPerSecond: Partial<Record<EngineName, Record<string, number>>>;
  inferMs: Partial<Record<EngineName, number>>;
  /** Counters of the webgl2 engine; null while it does not report them. */
  drawsPerTrainingStep: number | null;
  syncReadbacksPerTrainingStep: number | null;
  /** Message of every engine that failed (its figures are then missing or partial). */
  errors: Partial<Record<EngineName, string>>;
  /** Training-step counters of every engine that reports them (tfjs-webgl included, for comparison). */
  countersByEngine: Partial<Record<EngineName, TrainingStepCounters>>;
  /** What each engine says about how it ran (e.g. the tfjs-wasm flavour). */
  engineDetails: Partial<Record<EngineName, Record<string, string | number | boolean>>>;
  date: string;
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  secondsPerMeasurement: number;
  batchSizes: number[];
  inferSamples: number;
  /** Native PyTorch on the same CPU in the same session (added by scripts/bench.ts), or why it is missing. */
  pytorch?: PytorchFigures | { skipped: string };
}

/** The best native PyTorch CPU figures of one session (scripts/pytorchCpu.ts), as the report uses them. */
export interface PytorchFigures {
  /** Version, threads and date, in words. */
  description: string;
  /** Training images/s by batch size (as a string key), the best of the thread counts tried. */
  train: Record<string, number>;
  /** Single-image inference, ms. */
  inferMs: number;
}

/** The function the benchmark page puts on `window`. */
export type RunBenchmarks = (options: BenchOptions) => Promise<BenchResults>;

declare global {
  interface Window {
    /** Set by bench/main.ts once the page is ready. */
    runBenchmarks?: RunBenchmarks;
  }
}
