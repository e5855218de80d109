import { BatchPlanner, scheduledLearningRate, type TrainingSettings } from './batchPlan';
import { distortInput } from './data/distort';
import { INPUT_SIZE, mnistBatch, type MnistSet } from './data/mnistInput';
import { argmaxAt } from './evaluate';
import type { ArchitectureOptions } from './model/layerSpec';
import { initialParameters } from './model/initialize';
import { lenet5Layers } from './model/lenet5';
import { addCombinationPenalty } from './reference/learnedConv';
import { ReferenceNetwork } from './reference/referenceNetwork';
import { sgdMomentumStep } from './reference/sgd';

export type { TrainingSettings } from './batchPlan';

/** Progress inside an epoch, reported after every batch. */
export interface StepProgress {
  readonly epoch: number;
  readonly imagesDone: number;
  readonly imagesInEpoch: number;
  /** Mean training loss over this epoch's batches so far. */
  readonly meanLoss: number;
  /** This batch's loss, size and correct top-1 predictions. */
  readonly loss: number;
  readonly images: number;
  readonly correct: number;
}

/** Trains the reference network with momentum SGD on an MNIST set, batch by batch. */
export class ReferenceTrainer {
  readonly network: ReferenceNetwork;
  readonly velocity: Float32Array;
  private readonly planner: BatchPlanner;
  private readonly inputs: Float32Array;
  private readonly distorted: Float32Array;
  private readonly labels: Uint8Array;
  private step = 0;
  private epochLoss = 0;
  private epochImages = 0;

  constructor(
    readonly options: ArchitectureOptions,
    readonly settings: TrainingSettings,
    readonly data: MnistSet,
    initial: Float32Array | null = null,
    initialVelocity: Float32Array | null = null,
    stepsDone = 0,
  ) {
    const layers = lenet5Layers(options);
    this.network = new ReferenceNetwork(layers, options.loss, initial ?? initialParameters(layers, settings.seed));
    this.velocity = initialVelocity ? Float32Array.from(initialVelocity) : new Float32Array(this.network.layout.size);
    this.planner = new BatchPlanner(data.count, settings);
    // Replaying the planner keeps the batch order of a resumed run identical to an uninterrupted one.
    for (; this.step < stepsDone; this.step++) this.planner.next();
    const plane = INPUT_SIZE * INPUT_SIZE;
    this.inputs = new Float32Array(settings.batchSize * plane);
    this.distorted = new Float32Array(settings.batchSize * plane);
    this.labels = new Uint8Array(settings.batchSize);
  }

  /** The learning rate for the next step. */
  learningRate(): number {
    return scheduledLearningRate(this.settings, this.step, this.planner.stepsPerEpoch);
  }

  /**
   * Trains one batch; throws when the loss stops being finite (the weights are then not updated).
   * `overrides` changes momentum, weight decay or the α penalty's λ from this step on. The penalty on learned
   * combinations (`settings.alphaPenalty`, λ `alphaLambda`) adds its gradient to the logits' before the momentum
   * step; the loss reported (`loss`, `meanLoss`) stays the data loss alone, without λ P.
   */
  trainBatch(
    learningRate = this.learningRate(),
    overrides: Partial<Pick<TrainingSettings, 'momentum' | 'weightDecay' | 'alphaLambda'>> = {},
  ): StepProgress {
    const batch = this.planner.next();
    const n = batch.indices.length;
    const plane = INPUT_SIZE * INPUT_SIZE;
    mnistBatch(this.data, batch.indices, this.inputs, this.labels);
    if (batch.distortions) batch.distortions.forEach((d, b) => distortInput(this.inputs, this.distorted, b * plane, d));
    const pass = this.network.forward(batch.distortions ? this.distorted : this.inputs, n);
    const { loss, gradients } = this.network.backward(pass, this.labels.subarray(0, n));
    if (!Number.isFinite(loss)) throw new Error(`training diverged at epoch ${batch.epoch}: loss is ${loss}`);
    const { momentum, weightDecay } = { ...this.settings, ...overrides };
    const alphaLambda = overrides.alphaLambda ?? this.settings.alphaLambda ?? 0; // absent: unchanged
    const { layers, layout, params } = this.network;
    addCombinationPenalty(layers, layout, params, gradients, this.settings.alphaPenalty ?? 'none', alphaLambda);
    sgdMomentumStep(this.network.params, gradients, this.velocity, { learningRate, momentum, weightDecay });
    this.step++;
    if (batch.imagesDone === n) {
      this.epochLoss = 0;
      this.epochImages = 0;
    }
    this.epochLoss += loss * n;
    this.epochImages += n;
    const probs = pass.layers[pass.layers.length - 1].out;
    let correct = 0;
    for (let b = 0; b < n; b++) if (argmaxAt(probs, b * 10, 10) === this.labels[b]) correct++;
    return {
      epoch: batch.epoch,
      imagesDone: batch.imagesDone,
      imagesInEpoch: batch.imagesInEpoch,
      meanLoss: this.epochLoss / this.epochImages,
      loss,
      images: n,
      correct,
    };
  }

  /** Trains the rest of the current epoch, calling `onBatch` after every batch; returns its mean loss. */
  trainEpoch(onBatch: (progress: StepProgress) => void = () => {}): number {
    for (;;) {
      const progress = this.trainBatch();
      onBatch(progress);
      if (progress.imagesDone === progress.imagesInEpoch) return progress.meanLoss;
    }
  }
}
