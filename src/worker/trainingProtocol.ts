/** The training run's part of the worker protocol (protocol.ts re-exports it): its knobs and its progress reports. */

/** The knobs that may change while a run trains. */
export interface Hyperparameters {
  readonly learningRate: number;
  readonly momentum: number;
  readonly weightDecay: number;
  /** λ of the run's penalty on learned combinations (TrainingSettings.alphaPenalty); absent: unchanged. */
  readonly alphaLambda?: number;
}

/**
 * What momentum does to one parameter layer, at the last step before a progress report (the momentum
 * charts): the L2 norms of the gradient (weight decay and penalties included) and of the velocity, and
 * ‖Δw‖ / ‖w‖, the update's size relative to the weights.
 */
export interface LayerTrainingStats {
  /** The layer's id (c1, s2 with subsampling, c3, s4, c5, f6, output). */
  readonly layer: string;
  readonly gradientNorm: number;
  readonly velocityNorm: number;
  readonly updateRatio: number;
}

/** Where a training run stands. */
export interface TrainingProgress {
  readonly status: 'idle' | 'running' | 'paused';
  /** Whole epochs done plus the fraction of the current one. */
  readonly epoch: number;
  readonly step: number;
  readonly imagesDone: number;
  readonly imagesInEpoch: number;
  /** Mean loss and accuracy of the batches since the last report, or null before the first. */
  readonly loss: number | null;
  readonly accuracy: number | null;
  readonly imagesPerSecond: number;
  /** Per parameter layer, at the last step before this report; absent before the first step. */
  readonly layerStats?: readonly LayerTrainingStats[];
  /**
   * The loss of the last step's batch alone (one image's at batch size 1), beside `loss`, the mean since the last
   * report: the noise of online updates shows in it; absent where the engine does not report it.
   */
  readonly stepLoss?: number;
}
