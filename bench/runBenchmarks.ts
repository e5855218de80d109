/** Runs every requested engine in turn and gathers the results JSON, recording a failing engine as an error. */
import type { BenchOptions, BenchResults } from './benchResults';
import { ENGINE_NAMES, type EngineBench } from './engineBench';
import { ENGINE_FACTORIES } from './engines';
import { webglRendererString } from './rendererInfo';

/** The message of anything thrown (tfjs sometimes rejects with a plain `{ message }` object). */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

function checkOptions(options: BenchOptions): void {
  if (!(options.seconds > 0)) throw new Error(`seconds must be positive, got ${options.seconds}`);
  if (!(options.inferSamples >= 1)) throw new Error(`inferSamples must be at least 1, got ${options.inferSamples}`);
  const unknown = options.engines.filter((name) => !(ENGINE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown engine(s) ${unknown.join(', ')}; known: ${ENGINE_NAMES.join(', ')}`);
}

/** Measures `options.engines` one after the other (each created, measured and disposed before the next). */
export async function runBenchmarks(options: BenchOptions): Promise<BenchResults> {
  checkOptions(options);
  const results: BenchResults = {
    renderer: webglRendererString(),
    trainImagesPerSecond: {},
    inferMs: {},
    drawsPerTrainingStep: null,
    syncReadbacksPerTrainingStep: null,
    errors: {},
    countersByEngine: {},
    engineDetails: {},
    date: new Date().toISOString(),
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    secondsPerMeasurement: options.seconds,
    batchSizes: [...options.batchSizes],
    inferSamples: options.inferSamples,
  };
  console.log(`renderer: ${results.renderer}`);
  for (const name of options.engines) {
    let stage = 'creating the engine';
    let engine: EngineBench | null = null;
    try {
      console.log(`${name}: starting`);
      engine = await ENGINE_FACTORIES[name]();
      for (const batchSize of options.batchSizes) {
        stage = `training at batch ${batchSize}`;
        const imagesPerSecond = await engine.trainImagesPerSecond(batchSize, options.seconds);
        results.trainImagesPerSecond[name] = {
          ...results.trainImagesPerSecond[name],
          [String(batchSize)]: imagesPerSecond,
        };
      }
      stage = 'inference';
      results.inferMs[name] = await engine.inferMs(options.inferSamples);
      if (engine.counters) {
        stage = 'counting one training step';
        const counters = await engine.counters();
        results.countersByEngine[name] = counters;
        if (name === 'webgl2') Object.assign(results, counters);
      }
      console.log(`${name}: done`);
    } catch (error) {
      results.errors[name] = `${stage}: ${messageOf(error)}`;
      console.error(`${name}: failed while ${results.errors[name]}`);
    } finally {
      if (engine) {
        try {
          if (engine.details) results.engineDetails[name] = await engine.details();
          await engine.dispose();
        } catch (error) {
          results.errors[name] ??= `disposing: ${messageOf(error)}`;
          console.error(`${name}: failed to dispose: ${messageOf(error)}`);
        }
      }
    }
  }
  return results;
}
