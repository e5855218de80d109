/** The bookkeeping of one training run in the worker: where it stands, and when to report, stream and checkpoint. */
import type { PlannedBatch, TrainingSettings } from '../engine/batchPlan';
import type { LossStatistics } from '../engine/gpu/gpuTrainer';
import type { Hyperparameters, LayerTrainingStats, TrainingProgress } from './protocol';

/** Fractions of epoch 1 after which a checkpoint is saved (the network changes most then). */
export const EARLY_CHECKPOINTS = [1 / 16, 1 / 8, 1 / 4, 1 / 2];

/** One run's state between steps. */
export class TrainingSession {
  status: 'running' | 'paused' = 'paused';
  hyperparameters: Hyperparameters;
  step: number;
  private batch: PlannedBatch | null = null;
  private readonly startedAt = performance.now();
  private imagesSinceReport = 0;
  private reportedAt = performance.now();
  imagesPerSecond = 0;
  lastLoss: number | null = null;
  lastAccuracy: number | null = null;
  /** The momentum charts' figures of the last measured step (layerStats.ts), or null before one. */
  layerStats: readonly LayerTrainingStats[] | null = null;
  /** The loss and accuracy of the slice's batches before its measured step, read just before that step. */
  statsBeforeMeasured: LossStatistics | null = null;
  /** The measured step's own loss (when the engine's statistics covered exactly that one batch), else null. */
  stepLoss: number | null = null;

  constructor(
    readonly settings: TrainingSettings,
    stepsDone: number,
    readonly stepsPerEpoch: number,
    readonly epochLimit: number,
  ) {
    this.step = stepsDone;
    this.hyperparameters = {
      learningRate: settings.learningRate,
      momentum: settings.momentum,
      weightDecay: settings.weightDecay,
    };
  }

  /** Epochs done, with the fraction of the current one. */
  get epoch(): number {
    return this.step / this.stepsPerEpoch;
  }

  /** Records a trained batch; returns the checkpoint epoch it completes, if any. */
  record(batch: PlannedBatch): number | null {
    const before = this.epoch;
    this.batch = batch;
    this.step++;
    this.imagesSinceReport += batch.indices.length || this.settings.batchSize;
    const after = this.epoch;
    if (Math.floor(after) > Math.floor(before)) return Math.floor(after);
    const early = EARLY_CHECKPOINTS.find((f) => before < f && after >= f);
    return early ?? null;
  }

  /** True once the run has trained its epoch limit. */
  get finished(): boolean {
    return this.epoch >= this.epochLimit;
  }

  /** Closes a reporting window and returns the progress to send. */
  progress(loss: number | null, accuracy: number | null): TrainingProgress {
    const now = performance.now();
    const seconds = (now - this.reportedAt) / 1000;
    if (seconds > 0 && this.imagesSinceReport > 0) this.imagesPerSecond = this.imagesSinceReport / seconds;
    this.imagesSinceReport = 0;
    this.reportedAt = now;
    if (loss !== null) {
      this.lastLoss = loss;
      this.lastAccuracy = accuracy;
    }
    return {
      status: this.status,
      epoch: this.epoch,
      step: this.step,
      imagesDone: this.batch?.imagesDone ?? 0,
      imagesInEpoch: this.batch?.imagesInEpoch ?? 0,
      loss: this.lastLoss,
      accuracy: this.lastAccuracy,
      imagesPerSecond: this.imagesPerSecond,
      ...(this.layerStats ? { layerStats: this.layerStats } : {}),
      ...(this.stepLoss !== null ? { stepLoss: this.stepLoss } : {}),
    };
  }

  /**
   * The report's loss and accuracy: the statistics read before the slice's measured step and those of the
   * measured step (`last`), weighted by their images; the measured step's own loss is kept as the report's step
   * loss when its statistics cover exactly one batch (online updates' noise shows in it).
   */
  reportStatistics(last: LossStatistics | null): LossStatistics | null {
    const before = this.statsBeforeMeasured;
    this.statsBeforeMeasured = null;
    this.stepLoss = last && last.images === this.settings.batchSize ? last.loss : null;
    if (!before || !last) return last ?? before;
    const images = before.images + last.images;
    return {
      loss: (before.loss * before.images + last.loss * last.images) / images,
      accuracy: (before.accuracy * before.images + last.accuracy * last.images) / images,
      images,
    };
  }

  /** Seconds since the run started in this worker. */
  get age(): number {
    return (performance.now() - this.startedAt) / 1000;
  }
}
