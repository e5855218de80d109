/**
 * The kernels around a training step that are not layers:
 *
 *   reduce (pass 2 of every gradient; gradientLayout.ts), block k of the reduced texture:
 *       out[col][k*rows + row] = sum_{chunk < chunks} partial_k[col][chunk*rows + row]
 *   momentum SGD over the parameter atlas (one draw for every tensor), for atlas index i:
 *       g = gradientAt(i) + weightDecay * w[i];  v' = momentum * v[i] + learningRate * g;  w' = w[i] - v'
 *       (out0 = w', out1 = v')
 *   gradient atlas: out0 = gradientAt(i), the reduced gradients in run-format order (for inspection)
 *   loss statistics, accumulated on the GPU until read: one texel,
 *       out0 = previous + sum_b loss[b],  out1 = previous + #(argmax p[b] == label[b]),  out2 = previous + B
 */
import type { KernelProgram } from '../gpuProgram';
import { ATLAS_WIDTH } from '../gpuTexture';

/**
 * Pass 2 of a gradient reduction: sums the chunks of `blocks` partial textures into one texture,
 * block k in rows k*rows .. (k+1)*rows - 1.
 */
export function reduceKernel(blocks: 1 | 4): KernelProgram {
  const ks = Array.from({ length: blocks }, (_, k) => k);
  return {
    name: `reduceChunks${blocks}`,
    samplers: ks.map((k) => `partial${k}`),
    uniforms: { chunks: 'int', rows: 'int' },
    outputs: 1,
    vectorOutputs: true,
    main: `
  int block = p.y / rows, row = p.y % rows;
  vec4 sum = vec4(0.0);
  ${ks.map((k) => `if (block == ${k}) for (int chunk = 0; chunk < chunks; chunk++) sum += at4(partial${k}, p.x, chunk * rows + row);`).join('\n  else ')}
  out0 = sum;`,
  };
}

/** The momentum-SGD update over the whole parameter atlas; `gradientAt` comes from gradientLayout.ts. */
export function sgdKernel(size: number, gradientAt: string, gradientSamplers: readonly string[]): KernelProgram {
  return {
    name: 'sgdMomentum',
    samplers: ['params', 'velocity', ...gradientSamplers],
    uniforms: { learningRate: 'float', momentum: 'float', weightDecay: 'float' },
    outputs: 2,
    declarations: gradientAt,
    main: `
  int i = p.y * ${ATLAS_WIDTH} + p.x;
  if (i >= ${size}) { out0 = 0.0; out1 = 0.0; return; }
  float w = at(params, p.x, p.y);
  float v = momentum * at(velocity, p.x, p.y) + learningRate * (gradientAt(i) + weightDecay * w);
  out0 = w - v;
  out1 = v;`,
  };
}

/** Writes every reduced gradient into an atlas in run-format order. */
export function gradientAtlasKernel(
  size: number,
  gradientAt: string,
  gradientSamplers: readonly string[],
): KernelProgram {
  return {
    name: 'gradientAtlas',
    samplers: [...gradientSamplers],
    outputs: 1,
    declarations: gradientAt,
    main: `
  int i = p.y * ${ATLAS_WIDTH} + p.x;
  out0 = i < ${size} ? gradientAt(i) : 0.0;`,
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
  // One accumulator row: texel 0 loss sum, texel 1 correct count, texel 2 image count. The loss and
  // probabilities are packed (lossKernel.ts): image b's loss is lane 0 of texel (b, 0).
  float total = reset == 1 ? 0.0 : at(previous, p.x, 0);
  for (int b = 0; b < batchSize; b++) {
    if (p.x == 0) { total += at(loss, b, 0); continue; }
    if (p.x == 2) { total += 1.0; continue; }
    int best = 0;
    float bestP = at(probs, b, 0);
    for (int k = 1; k < K; k++) {
      float pk = pick(at4(probs, b, k >> 2), k & 3);
      if (pk > bestP) { best = k; bestP = pk; }
    }
    if (best == int(at(labels, b, 0))) total += 1.0;
  }
  out0 = total;`,
  };
}
