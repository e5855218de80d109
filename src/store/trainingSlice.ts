/** The training slice of the app's state (combined with the others in appSlices.ts): a run trained in this page. */
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import type { AlphaPenalty } from '../engine/model/learnedCombination';

/** A training run in this page. */
export interface TrainingSlice {
  training: {
    status: 'idle' | 'running' | 'paused';
    /** The run this progress belongs to (the run the worker trains), or null before any. */
    run: string | null;
    epoch: number;
    step: number;
    loss: number | null;
    accuracy: number | null;
    imagesPerSecond: number;
    imagesDone: number;
    imagesInEpoch: number;
  };
  /** Fraction of MNIST downloaded, or null when no download is under way. */
  datasetProgress: number | null;
  /** Training images used (60,000 unless a subset was asked for with ?trainSubset=N). */
  trainImages: number;
  learningRate: number;
  momentum: number;
  weightDecay: number;
  /** Fixed when a run starts (Reset applies a change). */
  batchSize: number;
  augment: boolean;
  /** The architecture of the next run started here (structural options start a new run). */
  architecture: ArchitectureOptions;
  /** The penalty on α of the next run started here with learned combinations (fixed when it starts). */
  alphaPenalty: AlphaPenalty;
  /** Its weight λ (changed at once, even while the run trains). */
  alphaLambda: number;
  /** The run's history for the charts: mean loss per report ([step, loss]) and each whole epoch's test accuracy and duration. */
  history: {
    /** The run the history belongs to, or null. */
    run: string | null;
    losses: [number, number][];
    epochs: { epoch: number; testAccuracy: number | null; seconds: number | null }[];
  };
  /** What training on a shipped (or imported) run starts from: random weights, or the selected checkpoint. */
  trainFrom: 'scratch' | 'checkpoint';
}
