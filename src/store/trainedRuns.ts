/**
 * Runs trained in this page: their names (`my-run`, then `my-run-2`, ...), where each began (from scratch, or
 * from a checkpoint of another run, which stays as it was), and the record a new one starts with.
 */
import { initialParameters } from '../engine/model/initialize';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import type { AlphaPenalty } from '../engine/model/learnedCombination';
import { lenet5Layers } from '../engine/model/lenet5';
import { heldParams, type RunArchitecture, type RunOrigin, type RunRecord } from './runRecord';

/** The name of the first run trained in the page. */
export const TRAINED_RUN = 'my-run';
/** Test images evaluated at each checkpoint of a run trained in the page. */
export const BROWSER_TEST_IMAGES = 1000;
/** The seed of the initial weights of a run trained in the page (Reset starts the same run again). */
export const TRAINING_SEED = 1;

const TRAINED_NAME = /^my-run(-(\d{1,4}))?$/;

/** True for the names of runs trained in this page. */
export function isTrainedHere(name: string | null): boolean {
  return name !== null && TRAINED_NAME.test(name);
}

/** The first free name for a new run trained here: `my-run`, `my-run-2`, `my-run-3`, ... */
export function nextRunName(taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(TRAINED_RUN)) return TRAINED_RUN;
  for (let n = 2; ; n++) if (!names.has(`${TRAINED_RUN}-${n}`)) return `${TRAINED_RUN}-${n}`;
}

/** A new run named `name`: from seeded random weights of `options`, or from `from`'s checkpoint (copied). */
export function newTrainedRun(
  name: string,
  start: { kind: 'scratch'; options: ArchitectureOptions } | { kind: 'checkpoint'; from: RunRecord; index: number },
): RunRecord {
  let architecture: RunArchitecture, params: Float32Array, origin: RunOrigin;
  if (start.kind === 'scratch') {
    architecture = { ...start.options, layers: lenet5Layers(start.options) };
    params = initialParameters(architecture.layers, TRAINING_SEED) as Float32Array;
    origin = { kind: 'scratch' };
  } else {
    const checkpoint = start.from.checkpoints[start.index];
    architecture = start.from.architecture;
    params = heldParams(start.from, start.index).slice();
    origin = { kind: 'checkpoint', run: start.from.name, epoch: checkpoint.epoch };
  }
  return {
    name,
    architecture,
    testImages: BROWSER_TEST_IMAGES,
    ranges: null,
    origin,
    checkpoints: [{ epoch: 0, testAccuracy: null, params }],
  };
}

/**
 * `run` begun again under its name, from where it began: a run from a checkpoint from its first weights (that
 * checkpoint's copy), a run from scratch from seeded random weights of `options` (the architecture chosen now).
 */
export function restartedRun(run: RunRecord, options: ArchitectureOptions): RunRecord {
  if (run.origin?.kind !== 'checkpoint') return newTrainedRun(run.name, { kind: 'scratch', options });
  return { ...run, checkpoints: [{ epoch: 0, testAccuracy: null, params: heldParams(run, 0).slice() }] };
}

/**
 * `run` as it starts training with the α penalty chosen (`alphaPenalty`, `alphaLambda`): recorded on a run with
 * learned combinations (kept with it, named in the α panel and written to an exported manifest), none on others.
 */
export function withChosenPenalty(
  run: RunRecord,
  chosen: { readonly alphaPenalty: AlphaPenalty; readonly alphaLambda: number },
): RunRecord {
  const { alphaPenalty: _old, ...rest } = run;
  return run.architecture.c3Connectivity === 'learned'
    ? { ...rest, alphaPenalty: { kind: chosen.alphaPenalty, lambda: chosen.alphaLambda } }
    : rest;
}
