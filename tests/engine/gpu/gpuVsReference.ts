/** Shared set-up for the GPU-against-reference browser tests: the same weights and batch on both engines. */
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { initialParameters } from '../../../src/engine/model/initialize';
import { SeededRandom } from '../../../src/engine/model/random';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';

/** Seeded weights with non-zero biases (and subsampling coefficients), in float64. */
export function testParameters(options: ArchitectureOptions, seed = 3): Float64Array {
  const layers = lenet5Layers(options);
  const params = initialParameters(layers, seed, Float64Array) as Float64Array;
  const network = new ReferenceNetwork(layers, options.loss, params);
  const random = new SeededRandom(seed + 100);
  for (const t of network.layout.tensors) {
    if (t.name.endsWith('.weight')) continue;
    for (let i = 0; i < t.size; i++)
      params[t.offset + i] = random.normal() * 0.1 + (t.name.endsWith('.coeff') ? 0.3 : 0);
  }
  // Round to float32 so both engines start from exactly the same weights.
  return Float64Array.from(Float32Array.from(params));
}

/** A batch of random 32x32 inputs in [0, 1], rounded to float32, with labels. */
export function testBatch(batchSize: number, seed = 5): { inputs: Float32Array; labels: number[] } {
  const random = new SeededRandom(seed);
  const inputs = Float32Array.from({ length: batchSize * 1024 }, () => random.uniform());
  return { inputs, labels: Array.from({ length: batchSize }, () => random.int(10)) };
}

/** Largest |gpu - ref| / (1 + |ref|), with where it happened. */
export function forwardError(gpu: ArrayLike<number>, ref: ArrayLike<number>): { error: number; index: number } {
  let error = 0,
    index = -1;
  for (let i = 0; i < ref.length; i++) {
    const e = Math.abs(gpu[i] - ref[i]) / (1 + Math.abs(ref[i]));
    if (e > error || Number.isNaN(e)) {
      error = Number.isNaN(e) ? Infinity : e;
      index = i;
    }
  }
  return { error, index };
}

/** Largest |gpu - ref| relative to the largest |ref| of the tensor (gradients vary in scale by layer). */
export function scaledError(gpu: ArrayLike<number>, ref: ArrayLike<number>): { error: number; scale: number } {
  let scale = 0,
    worst = 0;
  for (let i = 0; i < ref.length; i++) scale = Math.max(scale, Math.abs(ref[i]));
  for (let i = 0; i < ref.length; i++) {
    const d = Math.abs(gpu[i] - ref[i]);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  }
  return { error: scale > 0 ? worst / scale : worst, scale };
}
