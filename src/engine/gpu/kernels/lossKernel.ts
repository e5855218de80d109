/**
 * The output layer, softmax and loss in one kernel. Texel (b, k) of a B-wide, K-high target.
 * Each fragment computes all K logits of its image (K*IN multiply-adds) so it can normalise.
 * z logits, p = softmax(z), t = one-hot(label[b]) with the label at texel (b, 0) of `labels`.
 *
 *   out0 = z[k]   out1 = p[k]
 *   out2 = dL/dz[k] of the batch-mean loss:  cross-entropy (p - t) / B;
 *          mean squared error g = 2 (p - t) / (B K), dz[k] = p[k] (g[k] - sum_j g[j] p[j])
 *   out3 = this image's loss: -log p[label]  or  1/K sum_k (p[k] - t[k])^2
 */
import type { DenseLayerSpec, LossKind, Shape3 } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';

/** The fused output + softmax + loss kernel. */
export function outputLossKernel(layer: DenseLayerSpec, below: Shape3, weightOffset: number, biasOffset: number,
  loss: LossKind): KernelProgram {
  const K = layer.shape[0];
  if (below[1] !== 1 || below[2] !== 1) throw new Error(`${layer.id}: the output layer must follow a dense layer`);
  const gradient = loss === 'softmax-cross-entropy'
    ? `out2 = (pr[k] - (k == label ? 1.0 : 0.0)) / float(batchSize);
  out3 = log(total) + zmax - z[label];`
    : `float scale = 2.0 / float(batchSize * K);
  float dot = 0.0, lossSum = 0.0;
  for (int j = 0; j < K; j++) {
    float d = pr[j] - (j == label ? 1.0 : 0.0);
    dot += scale * d * pr[j];
    lossSum += d * d;
  }
  out2 = pr[k] * (scale * (pr[k] - (k == label ? 1.0 : 0.0)) - dot);
  out3 = lossSum / float(K);`;
  return {
    name: `${layer.id}.softmaxLoss`,
    samplers: ['x', 'params', 'labels'],
    uniforms: { batchSize: 'int' },
    outputs: 4,
    declarations: `const int K = ${K}; const int IN = ${layer.inFeatures};`,
    main: `
  int b = p.x, k = p.y;
  int label = int(at(labels, b, 0));
  // The image's inputs, fetched once for all K logits.
  float xs[IN];
  for (int i = 0; i < IN; i++) xs[i] = at(x, b, i);
  float z[K];
  float zmax = -3.4e38;
  for (int j = 0; j < K; j++) {
    float sum = atlasAt(params, ${biasOffset} + j);
    int w = ${weightOffset} + j * IN;
    for (int i = 0; i < IN; i++) sum += xs[i] * atlasAt(params, w + i);
    z[j] = sum;
    zmax = max(zmax, sum);
  }
  float total = 0.0;
  float pr[K];
  for (int j = 0; j < K; j++) { pr[j] = exp(z[j] - zmax); total += pr[j]; }
  for (int j = 0; j < K; j++) pr[j] /= total;
  out0 = z[k];
  out1 = pr[k];
  ${gradient}`,
  };
}
