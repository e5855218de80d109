/**
 * Fully connected kernels. Indices: b batch, o output unit, i input feature = the layer below
 * flattened as c*H*W + y*W + x. Dense layers are R32F, texel (b, n) (packedLayout.ts); a packed layer below
 * (c5 over s4) is read four channels at a time, texel (g*W + x, b*H + y), with the weights from
 * the packed weight atlas as vec4s W[o][g][y*W + x] (weightPacking.ts). Plain weights w[o][i] are
 * at parameter-atlas index W + o*IN + i, the bias at B + o. `dy` is dL/d(pre) of this layer.
 *
 *   forward:     pre[b][o] = B[o] + sum_i w[o][i] x[b][i];  out0 = pre, out1 = act(pre)
 *   input grad:  dx[b][i] = sum_o dy[b][o] w[o][i];  out0 = dx, out1 = dx * act'(pre below)
 *                (over a packed layer below, a fragment computes the four channels of a texel)
 *   weight grad, pass 1 over chunks of CH images, row chunk*O + o (gradientLayout.ts):
 *                sum_{b in chunk} dy[b][o] x[b][i] (four inputs per texel over a packed layer), and
 *                the bias column: sum_{b in chunk} dy[b][o]
 */
import type { Activation, DenseLayerSpec, LayerSpec } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';
import { channelGroups, isPacked } from '../packedLayout';
import { activationGlsl } from './activationGlsl';

function dims(layer: DenseLayerSpec, below: LayerSpec): string {
  const [C, H, W] = below.shape;
  return `const int IN = ${layer.inFeatures}; const int O = ${layer.shape[0]};
const int BC = ${C}; const int BH = ${H}; const int BW = ${W}; const int BG = ${channelGroups(C)};`;
}

/** Where a dense layer's weights are: the parameter atlas (plain) or the packed weight atlas (over a packed layer). */
export interface DenseWeights {
  /** Parameter-atlas offsets of the plain weights and the bias. */
  readonly weight: number;
  readonly bias: number;
  /** Texel offset of the packed weights (used when the layer below is packed). */
  readonly packed: number;
}

/** Forward: dense + bias + activation (out0 = pre, out1 = act(pre)); the output layer's softmax is lossKernel.ts. */
export function denseForwardKernel(layer: DenseLayerSpec, below: LayerSpec, w: DenseWeights): KernelProgram {
  if (layer.activation === 'softmax') throw new Error(`${layer.id}: the softmax output is computed by the loss kernel`);
  const [, BH, BW] = below.shape;
  // The taps of one channel group, and runs of 4 plain inputs, written out (SwiftShader runs
  // unrolled code far faster than loops).
  const sum = isPacked(below)
    ? `
  int w = ${w.packed} + o * BG * BH * BW;
  for (int g = 0; g < BG; g++, w += BH * BW) {
    int col = g * BW, row = b * BH;
    ${Array.from({ length: BH * BW }, (_, t) => `sum += dot(at4(x, col + ${t % BW}, row + ${Math.floor(t / BW)}), atlas4(wt, w + ${t}));`).join('\n    ')}
  }`
    : `
  int w = ${w.weight} + o * IN;
  int i = 0;
  for (; i + 4 <= IN; i += 4) {
    sum += at(x, b, i) * atlasAt(params, w + i) + at(x, b, i + 1) * atlasAt(params, w + i + 1)
      + at(x, b, i + 2) * atlasAt(params, w + i + 2) + at(x, b, i + 3) * atlasAt(params, w + i + 3);
  }
  for (; i < IN; i++) sum += at(x, b, i) * atlasAt(params, w + i);`;
  return {
    name: `${layer.id}.forward`,
    samplers: ['x', 'params', 'wt'],
    outputs: 2,
    declarations: `${dims(layer, below)}\n${activationGlsl(layer.activation)}`,
    main: `
  int b = p.x, o = p.y;
  float sum = atlasAt(params, ${w.bias} + o);${sum}
  out0 = sum;
  out1 = act(sum);`,
  };
}

/** Input gradient into the layer below, fused with its activation derivative (`belowActivation` null: none). */
export function denseInputGradKernel(layer: DenseLayerSpec, below: LayerSpec, w: DenseWeights,
  belowActivation: Activation | null): KernelProgram {
  const packed = isPacked(below);
  const body = packed
    ? `
  int g = p.x / BW, x0 = p.x % BW, b = p.y / BH, y = p.y % BH;
  vec4 sum = vec4(0.0);
  int w = ${w.packed} + g * BH * BW + y * BW + x0;
  for (int o = 0; o < O; o++) sum += at(dy, b, o) * atlas4(wt, w + o * BG * BH * BW);`
    : `
  int b = p.x, i = p.y;
  float sum = 0.0;
  for (int o = 0; o < O; o++) sum += at(dy, b, o) * atlasAt(params, ${w.weight} + o * IN + i);`;
  const read = packed ? 'at4' : 'at';
  return {
    name: `${layer.id}.inputGrad`,
    samplers: ['dy', 'params', 'wt', 'belowPre', 'belowOut'],
    outputs: 2,
    vectorOutputs: packed,
    declarations: `${dims(layer, below)}\n${activationGlsl(belowActivation)}`,
    main: `${body}
  out0 = sum;
  out1 = ${belowActivation ? `sum * actDerivative(${read}(belowPre, p.x, p.y), ${read}(belowOut, p.x, p.y))` : 'sum'};`,
  };
}

/** Weight and bias gradient, pass 1: partial sums over chunks of `chunk` images. */
export function denseWeightGradKernel(layer: DenseLayerSpec, below: LayerSpec, chunk: number): KernelProgram {
  const packed = isPacked(below);
  const weightSum = packed
    ? `
    int g = p.x / (BH * BW), y = (p.x / BW) % BH, x0 = p.x % BW;
    for (int b = first; b < last; b++) sum += at(dy, b, o) * at4(x, g * BW + x0, b * BH + y);`
    : `
    for (int b = first; b < last; b++) sum += vec4(at(dy, b, o) * at(x, b, p.x));`;
  return {
    name: `${layer.id}.weightGrad`,
    samplers: ['x', 'dy'],
    uniforms: { batchSize: 'int' },
    outputs: 1,
    vectorOutputs: true,
    declarations: `${dims(layer, below)}\nconst int CHUNK = ${chunk};`,
    main: `
  int o = p.y % O, first = (p.y / O) * CHUNK;
  int last = min(first + CHUNK, batchSize);
  vec4 sum = vec4(0.0);
  if (p.x == ${packed ? 'BG * BH * BW' : 'IN'}) {
    for (int b = first; b < last; b++) sum.x += at(dy, b, o);
  } else {${weightSum}
  }
  out0 = sum;`,
  };
}
