/**
 * Trains the WebAssembly network with momentum SGD on an MNIST set, batch by batch: the same batches,
 * distortions and learning-rate schedule as ReferenceTrainer (both take them from BatchPlanner), so
 * a seed gives the same run on either engine up to float32 rounding.
 */
import { BatchPlanner, scheduledLearningRate, type TrainingSettings } from '../batchPlan';
import type { MnistSet } from '../data/mnistInput';
import type { ArchitectureOptions } from '../model/layerSpec';
import { initialParameters } from '../model/initialize';
import { lenet5Layers } from '../model/lenet5';
import type { StepProgress } from '../referenceTrainer';
import { WasmNetwork } from './wasmNetwork';

/** Training state over a loaded WasmNetwork (its weights and momentum are the run's). */
export class WasmTrainer {
  private readonly planner: BatchPlanner;
  private step = 0;
  private epochLoss = 0;
  private epochImages = 0;

  /** Continues `network`'s weights and momentum after `stepsDone` steps of `settings` on `data`. */
  constructor(
    readonly network: WasmNetwork,
    readonly settings: TrainingSettings,
    data: MnistSet,
    stepsDone = 0,
  ) {
    network.holdSet('train', data);
    network.reserve(settings.batchSize);
    this.planner = new BatchPlanner(data.count, settings);
    // Replaying the planner keeps the batch order of a resumed run identical to an uninterrupted one.
    for (; this.step < stepsDone; this.step++) this.planner.next();
  }

  /** A trainer from the seeded initial weights (what `npm run train` starts from). */
  static fromSeed(
    architecture: ArchitectureOptions,
    settings: TrainingSettings,
    data: MnistSet,
    network = new WasmNetwork(),
  ): WasmTrainer {
    network.load(architecture, initialParameters(lenet5Layers(architecture), settings.seed), null);
    return new WasmTrainer(network, settings, data);
  }

  /** The learning rate for the next step. */
  learningRate(): number {
    return scheduledLearningRate(this.settings, this.step, this.planner.stepsPerEpoch);
  }

  /**
   * Trains one batch; throws when the loss stops being finite (the weights are then not updated).
   * `overrides` changes momentum, weight decay or the penalty's λ from this step on. The loss reported is
   * the data loss; the penalty on α (learned combinations) only adds its gradient.
   */
  trainBatch(
    learningRate = this.learningRate(),
    overrides: Partial<Pick<TrainingSettings, 'momentum' | 'weightDecay' | 'alphaLambda'>> = {},
  ): StepProgress {
    const batch = this.planner.next();
    const n = batch.indices.length;
    this.network.gather('train', batch.indices, batch.distortions);
    const loss = this.network.trainBatch(n);
    if (!Number.isFinite(loss)) throw new Error(`training diverged at epoch ${batch.epoch}: loss is ${loss}`);
    const correct = this.network.lastCorrect();
    const { momentum, weightDecay, alphaPenalty, alphaLambda } = { ...this.settings, ...overrides };
    this.network.addAlphaPenalty(alphaPenalty ?? 'none', alphaLambda ?? 0);
    this.network.sgdStep(learningRate, momentum, weightDecay);
    this.step++;
    if (batch.imagesDone === n) {
      this.epochLoss = 0;
      this.epochImages = 0;
    }
    this.epochLoss += loss * n;
    this.epochImages += n;
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
}
