/**
 * Training on the GPU: the dataset is uploaded once (RGBA8, four pixels per texel), each step
 * uploads only the batch's image indices, labels and distortions (a few KB, no readback), and
 * runs gather -> forward (+ softmax and loss) -> statistics -> backward -> one momentum update.
 * Loss and accuracy accumulate on the GPU and are read asynchronously when asked.
 */
import { BatchPlanner, scheduledLearningRate, type PlannedBatch, type TrainingSettings } from '../batchPlan';
import type { MnistSet } from '../data/mnistInput';
import type { BatchBuffers } from './batchBuffers';
import type { GpuNetwork } from './gpuNetwork';
import type { GpuTexture } from './gpuTexture';
import { FenceQueue } from './fenceQueue';
import { DATASET_TEXTURE_WIDTH, distortionTexel, elasticTexel, elasticUniforms } from './kernels/dataKernels';

/** Mean loss and accuracy over the images trained (or evaluated) since the last read. */
export interface LossStatistics {
  readonly loss: number;
  readonly accuracy: number;
  readonly images: number;
}

/** Uploads a set's 28x28 bytes as one RGBA8 texture (four pixels per texel). */
export function uploadDataset(network: GpuNetwork, set: MnistSet): GpuTexture {
  const texels = Math.ceil(set.images.length / 4);
  const rows = Math.ceil(texels / DATASET_TEXTURE_WIDTH);
  const texture = network.pool.acquire(DATASET_TEXTURE_WIDTH, rows, 'rgba8');
  const padded = new Uint8Array(DATASET_TEXTURE_WIDTH * rows * 4);
  padded.set(set.images);
  network.pool.upload(texture, padded);
  return texture;
}

/** Accumulates loss statistics on the GPU in two ping-pong 3x1 textures. */
export class GpuStatistics {
  private readonly totals: [GpuTexture, GpuTexture];
  private current = 0;
  private resetNext = true;

  constructor(private readonly network: GpuNetwork) {
    this.totals = [network.pool.acquire(3, 1), network.pool.acquire(3, 1)];
  }

  /** Adds the last forward pass of `buffers` to the totals (one draw). */
  accumulate(buffers: BatchBuffers): void {
    const last = buffers.layers[buffers.layers.length - 1];
    const next = 1 - this.current;
    this.network.runner.run(
      this.network.programs.stats,
      [buffers.loss, last.out, buffers.labels, this.totals[this.current]],
      [this.totals[next]],
      { batchSize: buffers.batchSize, reset: this.resetNext ? 1 : 0 },
    );
    this.current = next;
    this.resetNext = false;
  }

  /** Reads and restarts the totals without stalling (pixel-pack buffer + fence, polled via `waitTurn`). */
  async read(waitTurn: () => Promise<void>): Promise<LossStatistics | null> {
    if (this.resetNext) return null;
    const pending = this.network.runner.reader.readAsync(this.totals[this.current], waitTurn);
    this.resetNext = true;
    const [lossSum, correct, images] = await pending;
    return { loss: lossSum / images, accuracy: correct / images, images };
  }

  /** Gives the textures back. */
  dispose(): void {
    for (const t of this.totals) this.network.pool.release(t);
  }
}

/** Trains a GpuNetwork on an MNIST set with the batches of a BatchPlanner. */
export class GpuTrainer {
  private readonly planner: BatchPlanner;
  private readonly dataset: GpuTexture;
  private readonly labels: Uint8Array;
  readonly statistics: GpuStatistics;
  private readonly queue: FenceQueue;
  private steps = 0;

  constructor(
    readonly network: GpuNetwork,
    data: MnistSet,
    readonly settings: TrainingSettings,
    stepsDone = 0,
  ) {
    this.planner = new BatchPlanner(data.count, settings);
    this.dataset = uploadDataset(network, data);
    this.labels = data.labels;
    this.statistics = new GpuStatistics(network);
    this.queue = new FenceQueue(network.gl);
    // Replaying the planner keeps the batch order of a resumed run identical to an uninterrupted one.
    for (; this.steps < stepsDone; this.steps++) this.planner.next();
  }

  /** Steps taken so far. */
  get stepsDone(): number {
    return this.steps;
  }

  /** The learning rate of the next step under the schedule. */
  learningRate(): number {
    return scheduledLearningRate(this.settings, this.steps, this.planner.stepsPerEpoch);
  }

  /**
   * Trains one batch: 28 draws for the default architecture (29 with elastic distortions), uploads of a few KB,
   * no readback (learned combinations: one 13 KB readback and a 10 KB upload, see gpuCombination.ts).
   */
  step(learningRate = this.learningRate(), settings: Partial<TrainingSettings> = {}): PlannedBatch {
    const batch = this.planner.next();
    const n = batch.indices.length;
    const buffers = this.network.buffers(n);
    const items = new Float32Array(n * 4);
    // Row 0: the affine texels, row 1 (from the texture's width on): the elastic ones.
    const distortions = new Float32Array(buffers.distortion.width * 2 * 4);
    for (let b = 0; b < n; b++) {
      items[b * 4] = this.labels[batch.indices[b]];
      items[b * 4 + 1] = batch.indices[b];
      const d = batch.distortions?.[b];
      if (d) {
        distortions.set(distortionTexel(d), b * 4);
        distortions.set(elasticTexel(d), (buffers.distortion.width + b) * 4);
      }
    }
    const { pool, runner, programs } = this.network;
    pool.upload(buffers.labels, items);
    pool.upload(buffers.distortion, distortions);
    const elastic = elasticUniforms(batch.distortions);
    if (elastic.elastic) {
      runner.run(programs.elasticRows, [buffers.distortion], [buffers.elasticRows], {
        radius: elastic.radius,
        sigma: elastic.sigma,
      });
    }
    runner.run(
      programs.gather,
      [this.dataset, buffers.labels, buffers.distortion, buffers.elasticRows],
      [buffers.layers[0].out],
      { augment: batch.distortions ? 1 : 0, ...elastic },
    );
    this.network.forward(buffers);
    this.statistics.accumulate(buffers);
    this.network.backward(buffers);
    this.network.update(
      buffers,
      {
        learningRate,
        momentum: settings.momentum ?? this.settings.momentum,
        weightDecay: settings.weightDecay ?? this.settings.weightDecay,
      },
      {
        kind: this.settings.alphaPenalty ?? 'none',
        lambda: settings.alphaLambda ?? this.settings.alphaLambda ?? 0,
      },
    );
    this.queue.mark();
    this.steps++;
    return batch;
  }

  /** Waits (polling through `wait`) until the GPU has at most one submitted step left to run. */
  settle(wait: () => Promise<void>): Promise<void> {
    return this.queue.settle(wait);
  }

  /** Gives the dataset texture and statistics back. */
  dispose(): void {
    this.network.pool.release(this.dataset);
    this.statistics.dispose();
    this.queue.dispose();
  }
}

/**
 * Evaluates the network on a set whose images are already in `dataset` (see uploadDataset), on the
 * GPU, reading only the totals (asynchronously).
 */
export async function evaluateOnGpu(
  network: GpuNetwork,
  dataset: GpuTexture,
  set: MnistSet,
  waitTurn: () => Promise<void>,
  batchSize = 250,
  limit = set.count,
): Promise<LossStatistics> {
  const statistics = new GpuStatistics(network);
  try {
    for (let start = 0; start < limit; start += batchSize) {
      const n = Math.min(batchSize, limit - start);
      const buffers = network.buffers(n);
      const items = new Float32Array(n * 4);
      for (let b = 0; b < n; b++) {
        items[b * 4] = set.labels[start + b];
        items[b * 4 + 1] = start + b;
      }
      network.pool.upload(buffers.labels, items);
      network.runner.run(
        network.programs.gather,
        [dataset, buffers.labels, buffers.labels, buffers.labels],
        [buffers.layers[0].out],
        { augment: 0, ...elasticUniforms(null) },
      );
      network.forward(buffers);
      statistics.accumulate(buffers);
    }
    return (await statistics.read(waitTurn))!;
  } finally {
    statistics.dispose();
  }
}
