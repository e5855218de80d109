/**
 * The sequence of batches a training run sees: a seeded shuffle per epoch, and (with distortions)
 * one random distortion per image, drawn in this order from one stream: the affine part (with
 * `augment`: 4 uniforms), then the elastic field's seed (with `elastic`: 1 uniform). Every trainer
 * (reference, WebGL2, WebAssembly) takes its batches from here, so the same seed gives them the same batches.
 */
import type { AlphaPenalty } from './model/learnedCombination';
import { IDENTITY_DISTORTION, randomDistortion, type Distortion } from './data/distort';
import { ELASTIC_SEED_LIMIT, type ElasticSettings } from './data/elastic';
import { SeededRandom } from './model/random';

/** The settings that decide a training run, so the same settings and seed give the same run. */
export interface TrainingSettings {
  readonly seed: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** `cosine` decays the learning rate to 0 over `epochs` (per step); `constant` keeps it. */
  readonly schedule: 'constant' | 'cosine';
  readonly epochs: number;
  readonly momentum: number;
  readonly weightDecay: number;
  /** Small random affine distortions (data/distort.ts). */
  readonly augment: boolean;
  /** Elastic distortions (data/elastic.ts) with these settings; absent or null: none. */
  readonly elastic?: ElasticSettings | null;
  /**
   * The penalty on learned c3 combinations (model/learnedCombination.ts) and its weight λ, added to the
   * loss of every batch; absent: none. Only a run with `c3Connectivity: 'learned'` has α to penalize.
   */
  readonly alphaPenalty?: AlphaPenalty;
  readonly alphaLambda?: number;
}

/** One batch: the image indices and, with distortions, a distortion per image. */
export interface PlannedBatch {
  readonly epoch: number;
  readonly indices: Uint32Array;
  readonly distortions: readonly Distortion[] | null;
  /** Images of this epoch done once this batch is trained. */
  readonly imagesDone: number;
  readonly imagesInEpoch: number;
}

/** The learning rate at `step` (0-based) of a run with `stepsPerEpoch` batches per epoch. */
export function scheduledLearningRate(settings: TrainingSettings, step: number, stepsPerEpoch: number): number {
  if (settings.schedule === 'constant') return settings.learningRate;
  const total = settings.epochs * stepsPerEpoch;
  return 0.5 * settings.learningRate * (1 + Math.cos((Math.PI * Math.min(step, total)) / total));
}

/** Hands out the batches of a run, epoch after epoch. */
export class BatchPlanner {
  private readonly random: SeededRandom;
  private order: Uint32Array = new Uint32Array(0);
  private position = 0;
  private epochNumber = 0;

  constructor(
    readonly count: number,
    readonly settings: TrainingSettings,
  ) {
    this.random = new SeededRandom(settings.seed ^ 0x9e3779b9);
  }

  /** Batches per epoch. */
  get stepsPerEpoch(): number {
    return Math.ceil(this.count / this.settings.batchSize);
  }

  /** The epoch the next batch belongs to (1-based). */
  get epoch(): number {
    return this.position >= this.order.length ? this.epochNumber + 1 : this.epochNumber;
  }

  /** The next batch, starting a new shuffled epoch when the last one is used up. */
  next(): PlannedBatch {
    if (this.position >= this.order.length) {
      this.order = this.random.shuffle(Uint32Array.from({ length: this.count }, (_, i) => i));
      this.position = 0;
      this.epochNumber++;
    }
    const n = Math.min(this.settings.batchSize, this.order.length - this.position);
    const indices = this.order.subarray(this.position, this.position + n);
    const { augment, elastic } = this.settings;
    const distortions =
      augment || elastic
        ? Array.from({ length: n }, (): Distortion => {
            const affine = augment ? randomDistortion(this.random) : IDENTITY_DISTORTION;
            return elastic ? { ...affine, elastic: { ...elastic, seed: this.random.int(ELASTIC_SEED_LIMIT) } } : affine;
          })
        : null;
    this.position += n;
    return {
      epoch: this.epochNumber,
      indices,
      distortions,
      imagesDone: this.position,
      imagesInEpoch: this.order.length,
    };
  }
}
