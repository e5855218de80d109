/** A run the page holds: its architecture and every checkpoint's weights, in order. */
import type { ActivationRanges } from '../engine/activationRanges';
import type { ArchitectureOptions, LayerSpec } from '../engine/model/layerSpec';
import type { CheckpointPredictions } from '../engine/model/predictions';
import type { LoadedRun } from '../engine/model/runLoader';

/** One saved set of weights of a run. */
export interface CheckpointRecord {
  readonly epoch: number;
  /** Training steps done at this checkpoint (runs trained in the page), to continue the batch order. */
  readonly step?: number;
  readonly testAccuracy: number | null;
  readonly params: Float32Array;
}

/** The options of a run with the layers they build. */
export type RunArchitecture = ArchitectureOptions & { readonly layers: readonly LayerSpec[] };

/** Where a run trained in the page began: random weights, or a copy of another run's checkpoint. */
export type RunOrigin =
  { readonly kind: 'scratch' } | { readonly kind: 'checkpoint'; readonly run: string; readonly epoch: number };

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
}

/** The record of a run loaded from a run folder. */
export function recordFromLoadedRun(name: string, run: LoadedRun): RunRecord {
  const last = run.manifest.checkpoints[run.manifest.checkpoints.length - 1] as { activationRanges?: ActivationRanges };
  const training = run.manifest.training as { testImages?: number } | undefined;
  return {
    name,
    architecture: run.manifest.architecture,
    checkpoints: run.manifest.checkpoints.map((c, i) => ({
      epoch: c.epoch,
      testAccuracy: c.testAccuracy,
      params: run.checkpoints[i],
    })),
    testImages: training?.testImages ?? 10000,
    ranges: last.activationRanges ?? null,
    predictions: run.predictions,
  };
}
