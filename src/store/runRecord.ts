/** A run the page holds: its architecture and its checkpoints' weights, in order (a shipped run's fetched when asked). */
import type { ActivationRanges } from '../engine/activationRanges';
import type { ArchitectureOptions, LayerSpec } from '../engine/model/layerSpec';
import { ALPHA_PENALTIES, type AlphaPenalty } from '../engine/model/learnedCombination';
import type { CheckpointPredictions } from '../engine/model/predictions';
import type { LoadedRun } from '../engine/model/runLoader';
import type { RunManifest } from '../engine/model/runFormat';

/** One saved set of weights of a run. */
export interface CheckpointRecord {
  readonly epoch: number;
  /** Training steps done at this checkpoint (runs trained in the page), to continue the batch order. */
  readonly step?: number;
  readonly testAccuracy: number | null;
  /** The mean training loss up to this checkpoint as the run's manifest records it (run comparison), where it does. */
  readonly trainLoss?: number | null;
  /** The weights; null while a shipped run's checkpoint has not been fetched (see `checkpointParams`). */
  readonly params: Float32Array | null;
}

/** The options of a run with the layers they build. */
export type RunArchitecture = ArchitectureOptions & { readonly layers: readonly LayerSpec[] };

/** Where a run trained in the page began: random weights, or a copy of another run's checkpoint. */
export type RunOrigin =
  { readonly kind: 'scratch' } | { readonly kind: 'checkpoint'; readonly run: string; readonly epoch: number };

/**
 * Where a shipped run's files come from: each fetched once, when asked (the page holds only what it asked for).
 * `checkpoint` puts the weights into the run's record as well.
 */
export interface RunFiles {
  /** Checkpoint `index`'s weights; `idle`: one quiet attempt (a prefetch), else retried until it arrives. */
  checkpoint(index: number, idle?: boolean): Promise<Float32Array>;
  /** Checkpoint `index`'s test-set predictions as shipped, or null where the run ships none for it. */
  predictions(index: number): Promise<CheckpointPredictions | null>;
  /** Whether the run ships predictions for checkpoint `index`. */
  hasPredictions(index: number): boolean;
  /** Checkpoint `index`'s shipped predictions if fetched already, else null. */
  heldPredictions(index: number): CheckpointPredictions | null;
  /** The address of the run's manifest, and of checkpoint `index`'s file (as fetched; e.g. for the offline cache). */
  readonly manifestUrl: string;
  checkpointUrl(index: number): string;
}

/** A run: the shipped one, or one trained in this page. */
export interface RunRecord {
  readonly name: string;
  readonly architecture: RunArchitecture;
  readonly checkpoints: CheckpointRecord[];
  /** How many test images `testAccuracy` was measured on. */
  readonly testImages: number;
  readonly ranges: ActivationRanges | null;
  /** Each checkpoint's precomputed test-set predictions (shipped runs), or absent / null where the worker computes them. */
  readonly predictions?: readonly (CheckpointPredictions | null)[];
  /** Runs trained in the page: where they began (absent for shipped and imported runs, and older saved runs). */
  readonly origin?: RunOrigin;
  /** The penalty on learned combinations the run was trained with (a manifest's `training`, or chosen here). */
  readonly alphaPenalty?: { readonly kind: AlphaPenalty; readonly lambda: number };
  /** A shipped run fetched piece by piece: where its missing checkpoints and predictions come from. */
  readonly files?: RunFiles;
}

/** What a run folder's manifest says about the run (checkpoints without weights yet). */
function fromManifest(name: string, manifest: RunManifest) {
  const last = manifest.checkpoints[manifest.checkpoints.length - 1] as { activationRanges?: ActivationRanges };
  const training = manifest.training as { testImages?: number } | undefined;
  const alphaPenalty = penaltyOf(manifest.training);
  return {
    name,
    architecture: manifest.architecture,
    testImages: training?.testImages ?? 10000,
    ranges: last.activationRanges ?? null,
    ...(alphaPenalty ? { alphaPenalty } : {}),
  };
}

/** The α penalty a run's training settings name (`alphaPenalty`, `alphaLambda`), or undefined when none is known. */
export function penaltyOf(training: unknown): RunRecord['alphaPenalty'] {
  if (typeof training !== 'object' || training === null) return undefined;
  const { alphaPenalty, alphaLambda } = training as { alphaPenalty?: unknown; alphaLambda?: unknown };
  if (!ALPHA_PENALTIES.includes(alphaPenalty as AlphaPenalty)) return undefined;
  const lambda = typeof alphaLambda === 'number' && Number.isFinite(alphaLambda) ? alphaLambda : 0;
  return { kind: alphaPenalty as AlphaPenalty, lambda };
}

/** The record of a run loaded from a run folder. */
export function recordFromLoadedRun(name: string, run: LoadedRun): RunRecord {
  return {
    ...fromManifest(name, run.manifest),
    checkpoints: run.manifest.checkpoints.map((c, i) => ({
      epoch: c.epoch,
      testAccuracy: c.testAccuracy,
      trainLoss: c.trainLoss,
      params: run.checkpoints[i],
    })),
    predictions: run.predictions,
  };
}

/** The record of a run whose checkpoints are fetched on demand through `files` (none held yet). */
export function recordFromManifest(name: string, manifest: RunManifest, files: RunFiles): RunRecord {
  return {
    ...fromManifest(name, manifest),
    checkpoints: manifest.checkpoints.map((c) => ({
      epoch: c.epoch,
      testAccuracy: c.testAccuracy,
      trainLoss: c.trainLoss,
      params: null,
    })),
    predictions: manifest.checkpoints.map(() => null),
    files,
  };
}

/** Checkpoint `index`'s weights, which the page must already hold (a run trained here, or one fetched); throws otherwise. */
export function heldParams(run: RunRecord, index: number): Float32Array {
  const checkpoint = run.checkpoints[index];
  if (!checkpoint) throw new RangeError(`no checkpoint ${index} in ${run.name}`);
  if (!checkpoint.params)
    throw new Error(`${run.name}: the checkpoint at epoch ${checkpoint.epoch} is not fetched yet`);
  return checkpoint.params;
}

/** Checkpoint `index`'s weights: held already, or fetched now (retried until they arrive). */
export async function checkpointParams(run: RunRecord, index: number): Promise<Float32Array> {
  const checkpoint = run.checkpoints[index];
  if (!checkpoint) throw new RangeError(`no checkpoint ${index} in ${run.name}`);
  if (checkpoint.params) return checkpoint.params;
  if (!run.files) throw new Error(`${run.name}: the checkpoint at epoch ${checkpoint.epoch} has no weights`);
  return run.files.checkpoint(index);
}

/** Every checkpoint's weights held (fetching the missing ones in order), e.g. before the run is written to a file. */
export async function wholeRun(run: RunRecord): Promise<RunRecord> {
  for (let i = 0; i < run.checkpoints.length; i++) await checkpointParams(run, i);
  return run;
}
