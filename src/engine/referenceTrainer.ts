import { distortInput, randomDistortion } from './data/distort';
import { INPUT_SIZE, mnistBatch, type MnistSet } from './data/mnistInput';
import type { ArchitectureOptions } from './model/layerSpec';
import { initialParameters } from './model/initialize';
import { lenet5Layers } from './model/lenet5';
import { SeededRandom } from './model/random';
import { ReferenceNetwork } from './reference/referenceNetwork';
import { sgdMomentumStep } from './reference/sgd';

/** Everything that decides a training run, so the same settings and seed give the same run. */
export interface TrainingSettings {
  readonly seed: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** `cosine` decays the learning rate to 0 over `epochs` (per step); `constant` keeps it. */
  readonly schedule: 'constant' | 'cosine';
  readonly epochs: number;
  readonly momentum: number;
  readonly weightDecay: number;
  readonly augment: boolean;
}

/** Progress inside an epoch, reported every few batches. */
export interface StepProgress {
  readonly epoch: number;
  readonly imagesDone: number;
  readonly imagesInEpoch: number;
  readonly meanLoss: number;
}

/** Trains the reference network with momentum SGD on an MNIST set, one epoch at a time. */
export class ReferenceTrainer {
  readonly network: ReferenceNetwork;
  private readonly velocity: Float32Array;
  private readonly random: SeededRandom;
  private step = 0;

  constructor(readonly options: ArchitectureOptions, readonly settings: TrainingSettings, readonly data: MnistSet) {
    const layers = lenet5Layers(options);
    this.network = new ReferenceNetwork(layers, options.loss, initialParameters(layers, settings.seed));
    this.velocity = new Float32Array(this.network.layout.size);
    this.random = new SeededRandom(settings.seed ^ 0x9e3779b9);
  }

  /** The learning rate for the current step. */
  learningRate(): number {
    const { learningRate, schedule, epochs, batchSize } = this.settings;
    if (schedule === 'constant') return learningRate;
    const total = epochs * Math.ceil(this.data.count / batchSize);
    return 0.5 * learningRate * (1 + Math.cos((Math.PI * Math.min(this.step, total)) / total));
  }

  /** Runs one shuffled pass over the data, calling `onBatch` after every batch; returns the mean loss. */
  trainEpoch(epoch: number, onBatch: (progress: StepProgress) => void = () => {}): number {
    const steps = this.epochSteps(epoch);
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) return next.value;
      onBatch(next.value);
    }
  }

  /**
   * One shuffled pass over the data as a generator: it trains one batch per `next()` and yields the
   * progress, so a caller can keep its event loop turning (and the network can be inspected) between
   * batches. Returns the mean training loss of the epoch.
   */
  *epochSteps(epoch: number): Generator<StepProgress, number, void> {
    const { batchSize, momentum, weightDecay, augment } = this.settings;
    const order = this.random.shuffle(Uint32Array.from({ length: this.data.count }, (_, i) => i));
    const plane = INPUT_SIZE * INPUT_SIZE;
    const inputs = new Float32Array(batchSize * plane);
    const distorted = new Float32Array(batchSize * plane);
    const labels = new Uint8Array(batchSize);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += batchSize) {
      const n = Math.min(batchSize, order.length - start);
      mnistBatch(this.data, order.subarray(start, start + n), inputs, labels);
      if (augment) {
        for (let b = 0; b < n; b++) distortInput(inputs, distorted, b * plane, randomDistortion(this.random));
      }
      const pass = this.network.forward(augment ? distorted : inputs, n);
      const { loss, gradients } = this.network.backward(pass, labels.subarray(0, n));
      if (!Number.isFinite(loss)) throw new Error(`training diverged at epoch ${epoch}: loss is ${loss}`);
      sgdMomentumStep(this.network.params, gradients, this.velocity,
        { learningRate: this.learningRate(), momentum, weightDecay });
      this.step++;
      lossSum += loss * n;
      yield { epoch, imagesDone: start + n, imagesInEpoch: order.length, meanLoss: lossSum / (start + n) };
    }
    return lossSum / order.length;
  }
}
