/**
 * The loss and accuracy of the batches trained since the last report, for the CPU engines (the
 * reference and the WebAssembly one), whose trainers answer each batch synchronously.
 */
import type { PlannedBatch, TrainingSettings } from '../engine/batchPlan';
import type { LossStatistics } from '../engine/gpu/gpuTrainer';
import type { StepProgress } from '../engine/referenceTrainer';
import type { Hyperparameters } from './protocol';

/** A trainer that takes one batch at a time. */
export interface BatchTrainer {
  readonly settings: TrainingSettings;
  trainBatch(
    learningRate: number,
    overrides: Partial<Pick<TrainingSettings, 'momentum' | 'weightDecay' | 'alphaLambda'>>,
  ): StepProgress;
}

/** Running totals of the batches trained. */
export class TrainingTotals {
  private totals = { loss: 0, correct: 0, images: 0 };

  /** Trains one batch and counts it; a non-finite loss (weights left untouched) reaches the host through the totals. */
  step(trainer: BatchTrainer | null, hyperparameters: Hyperparameters): PlannedBatch {
    if (!trainer) throw new Error('training has not begun');
    const { learningRate, momentum, weightDecay, alphaLambda } = hyperparameters;
    let progress: StepProgress;
    try {
      progress = trainer.trainBatch(learningRate, {
        momentum,
        weightDecay,
        ...(alphaLambda === undefined ? {} : { alphaLambda }),
      });
    } catch (error) {
      this.totals.loss = NaN;
      this.totals.images += trainer.settings.batchSize;
      throw error;
    }
    this.totals.loss += progress.loss * progress.images;
    this.totals.correct += progress.correct;
    this.totals.images += progress.images;
    return {
      epoch: progress.epoch,
      indices: new Uint32Array(0),
      distortions: null,
      imagesDone: progress.imagesDone,
      imagesInEpoch: progress.imagesInEpoch,
    };
  }

  /** The mean loss and accuracy since the last read, or null when nothing was trained; restarts the totals. */
  read(): LossStatistics | null {
    const { loss, correct, images } = this.totals;
    this.totals = { loss: 0, correct: 0, images: 0 };
    return images === 0 ? null : { loss: loss / images, accuracy: correct / images, images };
  }
}
