/**
 * Convolution kernels (valid, stride 1, connection table), in the texture layouts of gpuTexture.ts.
 * Indices: b batch, ic/oc input/output map, ky/kx kernel offset, K kernel size, IH input side,
 * OH = IH - K + 1. w[oc][ic][ky][kx] at atlas index W + ((oc*IC + ic)*K + ky)*K + kx, bias at B + oc.
 * `dy` is dL/d(pre-activation) of the conv layer.
 *
 *   forward:      pre[b][oc][oy][ox] = B[oc] + sum_{ic in conn(oc)} sum_ky sum_kx x[b][ic][oy+ky][ox+kx] w[oc][ic][ky][kx]
 *                 out = act(pre)                                  (out0 = pre, out1 = out)
 *   input grad:   dx[b][ic][iy][ix] = sum_{oc : ic in conn(oc)} sum_ky sum_kx dy[b][oc][iy-ky][ix-kx] w[oc][ic][ky][kx]
 *                 and, when the layer below has an activation, dxPre = dx * act'(its pre)  (out0 = dx, out1 = dxPre)
 *   weight grad, pass 1 (partial sums over a chunk of CH images), texel (col, chunk*OC + oc):
 *                 col = (ic*K + ky)*K + kx < IC*K*K:  sum_{b in chunk} sum_oy sum_ox x[b][ic][oy+ky][ox+kx] dy[b][oc][oy][ox]
 *                 col = IC*K*K (the bias):            sum_{b in chunk} sum_oy sum_ox dy[b][oc][oy][ox]
 *   pass 2 is reduceKernel.ts, summing the chunks.
 */
import type { Activation, ConvLayerSpec } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';
import { activationGlsl } from './activationGlsl';

function connectionMask(layer: ConvLayerSpec): string {
  const masks = layer.connections.map((inputs) => inputs.reduce((m, ic) => m | (1 << ic), 0));
  return `const int CONNECTED[${masks.length}] = int[${masks.length}](${masks.join(', ')});
bool connected(int oc, int ic) { return ((CONNECTED[oc] >> ic) & 1) == 1; }`;
}

/** `sum += x[col + kx] * w[kx]` for every kx, written out (SwiftShader runs unrolled code far faster). */
function unrolledRow(k: number, term: (kx: number) => string): string {
  return Array.from({ length: k }, (_, kx) => term(kx)).join(' + ');
}

function dims(layer: ConvLayerSpec): string {
  return `const int IC = ${layer.inShape[0]}; const int IH = ${layer.inShape[1]}; const int OC = ${layer.shape[0]};
const int OH = ${layer.shape[1]}; const int K = ${layer.kernelSize};`;
}

/** Forward: conv + bias + activation, writing pre (out0) and activation (out1). */
export function convForwardKernel(layer: ConvLayerSpec, weightOffset: number, biasOffset: number): KernelProgram {
  return {
    name: `${layer.id}.forward`,
    samplers: ['x', 'params'],
    outputs: 2,
    declarations: `${dims(layer)}\n${connectionMask(layer)}\n${activationGlsl(layer.activation)}`,
    main: `
  int oc = p.x / OH, ox = p.x % OH, b = p.y / OH, oy = p.y % OH;
  float sum = atlasAt(params, ${biasOffset} + oc);
  for (int ic = 0; ic < IC; ic++) {
    if (!connected(oc, ic)) continue;
    int w = ${weightOffset} + (oc * IC + ic) * K * K;
    for (int ky = 0; ky < K; ky++) {
      int row = b * IH + oy + ky, col = ic * IH + ox, wk = w + ky * K;
      sum += ${unrolledRow(layer.kernelSize, (kx) => `at(x, col + ${kx}, row) * atlasAt(params, wk + ${kx})`)};
    }
  }
  out0 = sum;
  out1 = act(sum);`,
  };
}

/**
 * Input gradient, fused with the derivative of the layer below's activation (`below` is null when
 * that layer has none, e.g. max pooling or the input): out0 = dx, out1 = dx * act'(pre below).
 */
export function convInputGradKernel(layer: ConvLayerSpec, weightOffset: number, below: Activation | null): KernelProgram {
  return {
    name: `${layer.id}.inputGrad`,
    samplers: ['dy', 'params', 'belowPre', 'belowOut'],
    outputs: 2,
    declarations: `${dims(layer)}\n${connectionMask(layer)}\n${activationGlsl(below)}`,
    main: `
  int ic = p.x / IH, ix = p.x % IH, b = p.y / IH, iy = p.y % IH;
  float sum = 0.0;
  // Only the kernel offsets whose output position exists: oy = iy - ky in [0, OH).
  int kyFirst = max(0, iy - OH + 1), kyLast = min(K - 1, iy);
  int kxFirst = max(0, ix - OH + 1), kxLast = min(K - 1, ix);
  for (int oc = 0; oc < OC; oc++) {
    if (!connected(oc, ic)) continue;
    int w = ${weightOffset} + (oc * IC + ic) * K * K;
    for (int ky = kyFirst; ky <= kyLast; ky++) {
      int row = b * OH + iy - ky, col = oc * OH + ix;
      for (int kx = kxFirst; kx <= kxLast; kx++) sum += at(dy, col - kx, row) * atlasAt(params, w + ky * K + kx);
    }
  }
  out0 = sum;
  out1 = ${below ? 'sum * actDerivative(at(belowPre, p.x, p.y), at(belowOut, p.x, p.y))' : 'sum'};`,
  };
}

/** Weight and bias gradient, pass 1: partial sums over chunks of `chunk` images. */
export function convWeightGradKernel(layer: ConvLayerSpec, chunk: number): KernelProgram {
  return {
    name: `${layer.id}.weightGrad`,
    samplers: ['x', 'dy'],
    uniforms: { batchSize: 'int' },
    outputs: 1,
    declarations: `${dims(layer)}\n${connectionMask(layer)}\nconst int CHUNK = ${chunk};`,
    main: `
  int oc = p.y % OC, first = (p.y / OC) * CHUNK;
  int last = min(first + CHUNK, batchSize);
  float sum = 0.0;
  if (p.x == IC * K * K) {
    for (int b = first; b < last; b++)
      for (int oy = 0; oy < OH; oy++)
        for (int ox = 0; ox < OH; ox++) sum += at(dy, oc * OH + ox, b * OH + oy);
  } else {
    int ic = p.x / (K * K), ky = (p.x / K) % K, kx = p.x % K;
    if (connected(oc, ic)) {
      for (int b = first; b < last; b++)
        for (int oy = 0; oy < OH; oy++) {
          int row = b * IH + oy + ky;
          for (int ox = 0; ox < OH; ox++) sum += at(x, ic * IH + ox + kx, row) * at(dy, oc * OH + ox, b * OH + oy);
        }
    }
  }
  out0 = sum;`,
  };
}
