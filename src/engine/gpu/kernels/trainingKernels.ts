/**
 * The kernels around a training step that are not layers:
 *
 *   reduce (pass 2 of every gradient): out[col][row] = sum_{chunk < chunks} partial[col][chunk*rows + row]
 *   momentum SGD over the parameter atlas (one draw for every tensor), for atlas index i:
 *       g = grad(i) + weightDecay * w[i];  v' = momentum * v[i] + learningRate * g;  w' = w[i] - v'
 *       (out0 = w', out1 = v'); grad(i) is read from the reduced gradient texture of i's tensor
 *   loss statistics, accumulated on the GPU until read: one texel,
 *       out0 = previous + sum_b loss[b],  out1 = previous + #(argmax p[b] == label[b]),  out2 = previous + B
 */
import type { ParameterLayout } from '../../model/parameters';
import type { KernelProgram } from '../gpuProgram';
import { ATLAS_WIDTH } from '../gpuTexture';

/** Pass 2 of a gradient reduction: sums the chunk rows of a partial-sum texture. */
export const REDUCE_KERNEL: KernelProgram = {
  name: 'reduceChunks',
  samplers: ['partial'],
  uniforms: { chunks: 'int', rows: 'int' },
  outputs: 1,
  main: `
  float sum = 0.0;
  for (int chunk = 0; chunk < chunks; chunk++) sum += at(partial, p.x, chunk * rows + p.y);
  out0 = sum;`,
};

/** Where a tensor's gradient lives: its layer's reduced gradient texture and the column of the bias/second entry. */
export interface GradientSource {
  /** Index of the sampler (among the gradient textures) holding this tensor. */
  readonly sampler: number;
  /** `weight`: row = j / columns, col = j % columns; `column`: texel (column, j). */
  readonly kind: 'weight' | 'column';
  readonly columns: number;
  readonly column: number;
}

/** The momentum-SGD update over the whole parameter atlas. */
export function sgdKernel(layout: ParameterLayout, sources: ReadonlyMap<string, GradientSource>, gradientTextures: number): KernelProgram {
  const branches = layout.tensors.map((t) => {
    const s = sources.get(t.name);
    if (!s) throw new Error(`no gradient source for ${t.name}`);
    const read = s.kind === 'weight'
      ? `at(grad${s.sampler}, j % ${s.columns}, j / ${s.columns})`
      : `at(grad${s.sampler}, ${s.column}, j)`;
    return `if (i < ${t.offset + t.size}) { int j = i - ${t.offset}; g = ${read}; }`;
  });
  return {
    name: 'sgdMomentum',
    samplers: ['params', 'velocity', ...Array.from({ length: gradientTextures }, (_, k) => `grad${k}`)],
    uniforms: { learningRate: 'float', momentum: 'float', weightDecay: 'float' },
    outputs: 2,
    main: `
  int i = p.y * ${ATLAS_WIDTH} + p.x;
  if (i >= ${layout.size}) { out0 = 0.0; out1 = 0.0; return; }
  float g = 0.0;
  ${branches.join('\n  else ')}
  float w = at(params, p.x, p.y);
  float v = momentum * at(velocity, p.x, p.y) + learningRate * (g + weightDecay * w);
  out0 = w - v;
  out1 = v;`,
  };
}

/** Adds this batch's summed loss, correct predictions and count to the running totals (reset = 1 starts over). */
export function statsKernel(classes: number): KernelProgram {
  return {
    name: 'lossStatistics',
    samplers: ['loss', 'probs', 'labels', 'previous'],
    uniforms: { batchSize: 'int', reset: 'int' },
    outputs: 1,
    declarations: `const int K = ${classes};`,
    main: `
  // One RGBA-free accumulator row: texel 0 loss sum, texel 1 correct count, texel 2 image count.
  float total = reset == 1 ? 0.0 : at(previous, p.x, 0);
  for (int b = 0; b < batchSize; b++) {
    if (p.x == 0) { total += at(loss, 0, b); continue; }
    if (p.x == 2) { total += 1.0; continue; }
    int best = 0;
    for (int k = 1; k < K; k++) if (at(probs, k, b) > at(probs, best, b)) best = k;
    if (best == int(at(labels, b, 0))) total += 1.0;
  }
  out0 = total;`,
  };
}
