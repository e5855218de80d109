/**
 * Our LeNet-5 written in TensorFlow.js (conv 6@5x5 + relu, max-pool 2, conv 16@5x5 + relu, max-pool 2,
 * dense 120 + relu, dense 84 + relu, dense 10, softmax cross-entropy, SGD momentum 0.9), measured on tfjs's
 * webgl and wasm backends.
 */
import * as tf from '@tensorflow/tfjs';
import type { EngineBench, TrainingStepCounters } from './engineBench';
import { countGlCalls } from './glCallCounter';
import { median } from './median';
import { releaseTfjs, useTfjsBackend, type BackendDetails, type TfjsEngineName } from './tfjsBackends';

const SIZE = 32;
const CLASSES = 10;
const LEARNING_RATE = 0.01;
const MOMENTUM = 0.9;
/** Synthetic batches cycled through while training (all made on the device before timing). */
const BATCHES_IN_RING = 4;
const WARM_UP_STEPS = 3;
const WARM_UP_INFERENCES = 5;

interface LenetParameters {
  c1Filter: tf.Variable<tf.Rank.R4>;
  c1Bias: tf.Variable<tf.Rank.R1>;
  c3Filter: tf.Variable<tf.Rank.R4>;
  c3Bias: tf.Variable<tf.Rank.R1>;
  c5Weight: tf.Variable<tf.Rank.R2>;
  c5Bias: tf.Variable<tf.Rank.R1>;
  f6Weight: tf.Variable<tf.Rank.R2>;
  f6Bias: tf.Variable<tf.Rank.R1>;
  outputWeight: tf.Variable<tf.Rank.R2>;
  outputBias: tf.Variable<tf.Rank.R1>;
}

interface LenetActivations {
  c1: tf.Tensor4D;
  s2: tf.Tensor4D;
  c3: tf.Tensor4D;
  s4: tf.Tensor4D;
  c5: tf.Tensor2D;
  f6: tf.Tensor2D;
  logits: tf.Tensor2D;
}

interface Batch {
  inputs: tf.Tensor4D;
  oneHotLabels: tf.Tensor2D;
}

let seed = 1;

/** He-normal weights (the network is ReLU) and zero biases, as our engine initialises them. */
function initialParameters(): LenetParameters {
  // Inside tidy, so only the variables outlive their initial values.
  const weight = <R extends tf.Rank>(shape: tf.ShapeMap[R], fanIn: number) =>
    tf.tidy(() => tf.variable(tf.randomNormal<R>(shape, 0, Math.sqrt(2 / fanIn), 'float32', seed++)));
  const bias = (size: number) => tf.tidy(() => tf.variable(tf.zeros<tf.Rank.R1>([size])));
  return {
    c1Filter: weight<tf.Rank.R4>([5, 5, 1, 6], 25),
    c1Bias: bias(6),
    c3Filter: weight<tf.Rank.R4>([5, 5, 6, 16], 150),
    c3Bias: bias(16),
    c5Weight: weight<tf.Rank.R2>([400, 120], 400),
    c5Bias: bias(120),
    f6Weight: weight<tf.Rank.R2>([120, 84], 120),
    f6Bias: bias(84),
    outputWeight: weight<tf.Rank.R2>([84, 10], 84),
    outputBias: bias(10),
  };
}

/** Every layer's activations for NHWC `inputs` [b, 32, 32, 1] (fused ops, as tf.layers uses them). */
function forward(p: LenetParameters, inputs: tf.Tensor4D): LenetActivations {
  const conv = (x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D) =>
    tf.fused.conv2d({ x, filter, bias, strides: 1, pad: 'valid', activation: 'relu' });
  const dense = (a: tf.Tensor2D, b: tf.Tensor2D, bias: tf.Tensor1D, activation: 'relu' | 'linear') =>
    tf.fused.matMul({ a, b, bias, activation }) as tf.Tensor2D;
  const c1 = conv(inputs, p.c1Filter, p.c1Bias);
  const s2 = tf.maxPool(c1, 2, 2, 'valid');
  const c3 = conv(s2, p.c3Filter, p.c3Bias);
  const s4 = tf.maxPool(c3, 2, 2, 'valid');
  const c5 = dense(tf.reshape(s4, [inputs.shape[0], 400]), p.c5Weight, p.c5Bias, 'relu');
  const f6 = dense(c5, p.f6Weight, p.f6Bias, 'relu');
  const logits = dense(f6, p.outputWeight, p.outputBias, 'linear');
  return { c1, s2, c3, s4, c5, f6, logits };
}

/** Uniform [0, 1) images and random one-hot labels of `batchSize`, made on the device. */
function syntheticBatches(batchSize: number, count: number): Batch[] {
  return Array.from({ length: count }, () =>
    tf.tidy(() => ({
      inputs: tf.randomUniform<tf.Rank.R4>([batchSize, SIZE, SIZE, 1], 0, 1, 'float32', seed++),
      oneHotLabels: tf
        .oneHot(tf.randomUniform<tf.Rank.R1>([batchSize], 0, CLASSES, 'int32', seed++), CLASSES)
        .cast('float32') as tf.Tensor2D,
    })),
  );
}

function disposeBatches(batches: Batch[]): void {
  for (const { inputs, oneHotLabels } of batches) tf.dispose([inputs, oneHotLabels]);
}

/** The WebGL2 context of tfjs's active webgl backend. */
function webglContextOfActiveBackend(): WebGL2RenderingContext {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  const gl = backend.gpgpu?.gl;
  if (!gl) throw new Error(`tfjs backend '${tf.getBackend()}' has no WebGL context to count calls on`);
  return gl;
}

class TfjsLenetBench implements EngineBench {
  private readonly params = initialParameters();
  private readonly optimizer = tf.train.momentum(LEARNING_RATE, MOMENTUM);
  private readonly extraDetails: BackendDetails = {};

  /** Only on tfjs-webgl: draws and readbacks of one training step. */
  readonly counters?: () => Promise<TrainingStepCounters>;

  constructor(
    readonly name: TfjsEngineName,
    private readonly backendDetails: BackendDetails,
  ) {
    if (name === 'tfjs-webgl') this.counters = () => this.countWebglStep();
  }

  /** Runs `steps` SGD steps cycling through `batches`, reads the last loss once and returns it. */
  private async runSteps(batches: Batch[], steps: number): Promise<number> {
    let lastCost: tf.Scalar | null = null;
    for (let s = 0; s < steps; s++) {
      const cost = this.trainStep(batches[s % batches.length]!);
      lastCost?.dispose();
      lastCost = cost;
    }
    if (!lastCost) throw new Error('runSteps needs at least one step');
    const [loss] = await lastCost.data();
    lastCost.dispose();
    if (!Number.isFinite(loss)) throw new Error(`${this.name}: LeNet training diverged (loss ${loss})`);
    return loss!;
  }

  private trainStep(batch: Batch): tf.Scalar {
    return tf.tidy(() => {
      const cost = this.optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(batch.oneHotLabels, forward(this.params, batch.inputs).logits) as tf.Scalar,
        true,
      );
      if (!cost) throw new Error(`${this.name}: optimizer.minimize returned no cost`);
      return cost;
    });
  }

  async trainImagesPerSecond(batchSize: number, seconds: number): Promise<number> {
    const batches = syntheticBatches(batchSize, BATCHES_IN_RING);
    try {
      await this.runSteps(batches, WARM_UP_STEPS);
      // Calibrate with doubling chunks (each ends in one readback) so the timed run lasts about `seconds`.
      const calibrationMs = Math.min(1000, (seconds * 1000) / 8);
      let chunk = 1;
      let msPerStep: number;
      for (;;) {
        const start = performance.now();
        await this.runSteps(batches, chunk);
        const elapsed = performance.now() - start;
        if (elapsed >= calibrationMs || chunk >= 4096) {
          msPerStep = elapsed / chunk;
          break;
        }
        chunk *= 2;
      }
      const steps = Math.max(1, Math.round((seconds * 1000) / msPerStep));
      const start = performance.now();
      const loss = await this.runSteps(batches, steps);
      const elapsed = performance.now() - start;
      console.log(
        `${this.name}: batch ${batchSize}, ${steps} steps in ${(elapsed / 1000).toFixed(2)} s, ` +
          `last loss ${loss.toFixed(3)}`,
      );
      return (steps * batchSize * 1000) / elapsed;
    } finally {
      disposeBatches(batches);
    }
  }

  /** One drawing in, all seven layers (plus the softmax) back in JS; the better of async `data()` and `dataSync()`. */
  async inferMs(samples: number): Promise<number> {
    const drawing = new Float32Array(SIZE * SIZE).map(() => Math.random());
    const once = async (read: 'data' | 'dataSync') => {
      const start = performance.now();
      const outputs = tf.tidy(() => {
        const a = forward(this.params, tf.tensor4d(drawing, [1, SIZE, SIZE, 1]));
        return [a.c1, a.s2, a.c3, a.s4, a.c5, a.f6, a.logits, tf.softmax(a.logits)];
      });
      if (read === 'data') await Promise.all(outputs.map((t) => t.data()));
      else for (const t of outputs) t.dataSync();
      const ms = performance.now() - start;
      tf.dispose(outputs);
      return ms;
    };
    const medianOf = async (read: 'data' | 'dataSync') => {
      for (let i = 0; i < WARM_UP_INFERENCES; i++) await once(read);
      const times: number[] = [];
      for (let i = 0; i < samples; i++) times.push(await once(read));
      return median(times);
    };
    const asyncMs = await medianOf('data');
    const syncMs = await medianOf('dataSync');
    this.extraDetails.inferMsWithData = asyncMs;
    this.extraDetails.inferMsWithDataSync = syncMs;
    console.log(
      `${this.name}: inference median ${asyncMs.toFixed(3)} ms with data(), ${syncMs.toFixed(3)} ms with dataSync()`,
    );
    return Math.min(asyncMs, syncMs);
  }

  /** Draws and synchronous readbacks of one training step at batch 64, counted at the WebGL API. */
  private async countWebglStep(): Promise<TrainingStepCounters> {
    const batches = syntheticBatches(64, 1);
    try {
      await this.runSteps(batches, 1); // every program compiled before counting
      const gl = webglContextOfActiveBackend();
      const costs: tf.Scalar[] = [];
      const counts = countGlCalls(gl, () => {
        costs.push(this.trainStep(batches[0]!));
      });
      await Promise.all(costs.map((cost) => cost.data()));
      tf.dispose(costs);
      console.log(
        `${this.name}: ${counts.drawsPerTrainingStep} draws, ` +
          `${counts.syncReadbacksPerTrainingStep} synchronous readbacks per training step`,
      );
      return counts;
    } finally {
      disposeBatches(batches);
    }
  }

  async details(): Promise<BackendDetails> {
    return { ...this.backendDetails, ...this.extraDetails };
  }

  async dispose(): Promise<void> {
    this.optimizer.dispose();
    tf.dispose(Object.values(this.params));
    // MomentumOptimizer.dispose forgets its learning-rate scalar; the reset frees it and anything else left.
    console.log(`${this.name}: disposed, ${tf.memory().numTensors} tensor(s) left to the tfjs reset`);
    releaseTfjs();
  }
}

/** Sets up tfjs on `engine`'s backend with a fresh LeNet-5 and returns it ready to measure. */
export async function createTfjsLenetBench(engine: TfjsEngineName): Promise<EngineBench> {
  return new TfjsLenetBench(engine, await useTfjsBackend(engine));
}
