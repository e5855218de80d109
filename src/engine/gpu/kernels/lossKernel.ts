/**
 * The output layer, softmax and loss in one kernel, on packed values (denseKernels.ts): texel
 * (b, kg) holds classes 4kg..4kg+3 of image b. Each fragment computes all K logits of its image
 * (it needs them all to normalise) and writes its four. z logits, p = softmax(z),
 * t = one-hot(label[b]) with the label at texel (b, 0) of `labels`; lanes >= K are 0.
 *
 *   out0 = z   out1 = p
 *   out2 = dL/dz of the batch-mean loss:  cross-entropy (p - t) / B;
 *          mean squared error g = 2 (p - t) / (B K), dz[k] = p[k] (g[k] - sum_j g[j] p[j])
 *   out3 = this image's loss in every lane: -log p[label]  or  1/K sum_k (p[k] - t[k])^2
 */
import type { DenseLayerSpec, LayerSpec, LossKind } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';
import { denseDims, type DenseWeights } from './denseKernels';
import { WEIGHTS_GLSL } from './weightPacking';

/** The fused output + softmax + loss kernel. */
export function outputLossKernel(
  layer: DenseLayerSpec,
  below: LayerSpec,
  w: DenseWeights,
  loss: LossKind,
): KernelProgram {
  const K = layer.shape[0];
  const gradient =
    loss === 'softmax-cross-entropy'
      ? `for (int j = 0; j < K; j++) dz[j] = (pr[j] - (j == label ? 1.0 : 0.0)) / float(batchSize);
  float lossValue = log(total) + zmax - z[label];`
      : `float scale = 2.0 / float(batchSize * K);
  float dot = 0.0, lossSum = 0.0;
  for (int j = 0; j < K; j++) {
    float d = pr[j] - (j == label ? 1.0 : 0.0);
    dot += scale * d * pr[j];
    lossSum += d * d;
  }
  for (int j = 0; j < K; j++) dz[j] = pr[j] * (scale * (pr[j] - (j == label ? 1.0 : 0.0)) - dot);
  float lossValue = lossSum / float(K);`;
  const lanes = (array: string) =>
    `vec4(${[0, 1, 2, 3].map((l) => `4 * kg + ${l} < K ? ${array}[min(4 * kg + ${l}, K - 1)] : 0.0`).join(', ')})`;
  return {
    name: `${layer.id}.softmaxLoss`,
    samplers: ['x', 'wt', 'labels'],
    uniforms: { batchSize: 'int' },
    outputs: 4,
    vectorOutputs: true,
    declarations: `${denseDims(layer, below)}\n${WEIGHTS_GLSL}\nconst int K = ${K};`,
    main: `
  int b = p.x, kg = p.y;
  int label = int(at(labels, b, 0));
  // The image's inputs, fetched once for all the logits.
  vec4 xs[T];
  for (int k = 0; k < T; k++) xs[k] = inputAt(x, b, k);
  float z[OG * 4];
  for (int g = 0; g < OG; g++) {
    vec4 sum = atlas4(wt, ${w.bias} + g);
    int w = ${w.weight} + g * T * 4;
    for (int k = 0; k < T; k++, w += 4) sum += weights(w) * xs[k];
    z[4 * g] = sum.x; z[4 * g + 1] = sum.y; z[4 * g + 2] = sum.z; z[4 * g + 3] = sum.w;
  }
  float zmax = -3.4e38;
  for (int j = 0; j < K; j++) zmax = max(zmax, z[j]);
  float total = 0.0;
  float pr[K];
  for (int j = 0; j < K; j++) { pr[j] = exp(z[j] - zmax); total += pr[j]; }
  for (int j = 0; j < K; j++) pr[j] /= total;
  float dz[K];
  ${gradient}
  out0 = ${lanes('z')};
  out1 = ${lanes('pr')};
  out2 = ${lanes('dz')};
  out3 = vec4(lossValue);`,
  };
}
