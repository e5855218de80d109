/**
 * Fully connected kernels. Indices: b batch, o output unit, i input feature = the layer below
 * flattened as c*H*W + y*W + x (that layer's texel (c*W + x, b*H + y); a dense layer below has
 * H = W = 1). w[o][i] at atlas W + o*IN + i, bias at B + o. `dy` is dL/d(pre) of this layer.
 *
 *   forward:     pre[b][o] = B[o] + sum_i w[o][i] x[b][i];  out0 = pre, out1 = act(pre)
 *   input grad:  dx[b][i] = sum_o dy[b][o] w[o][i];  out0 = dx, out1 = dx * act'(pre below)
 *   weight grad, pass 1 over chunks of CH images, texel (col, chunk*O + o):
 *                col = i < IN: sum_{b in chunk} dy[b][o] x[b][i];   col = IN: sum_{b in chunk} dy[b][o]
 */
import type { Activation, DenseLayerSpec, Shape3 } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';
import { activationGlsl } from './activationGlsl';

function dims(layer: DenseLayerSpec, below: Shape3): string {
  return `const int IN = ${layer.inFeatures}; const int O = ${layer.shape[0]};
const int BC = ${below[0]}; const int BH = ${below[1]}; const int BW = ${below[2]};`;
}

/** Forward: dense + bias + activation (out0 = pre, out1 = out); the output layer's softmax is lossKernel.ts. */
export function denseForwardKernel(layer: DenseLayerSpec, below: Shape3, weightOffset: number, biasOffset: number): KernelProgram {
  if (layer.activation === 'softmax') throw new Error(`${layer.id}: the softmax output is computed by the loss kernel`);
  return {
    name: `${layer.id}.forward`,
    samplers: ['x', 'params'],
    outputs: 2,
    declarations: `${dims(layer, below)}\n${activationGlsl(layer.activation)}`,
    main: `
  int o = p.x, b = p.y;
  float sum = atlasAt(params, ${biasOffset} + o);
  int w = ${weightOffset} + o * IN;
  for (int c = 0; c < BC; c++)
    for (int y = 0; y < BH; y++)
      for (int x0 = 0; x0 < BW; x0++) sum += at(x, c * BW + x0, b * BH + y) * atlasAt(params, w++);
  out0 = sum;
  out1 = act(sum);`,
  };
}

/** Input gradient into the layer below, fused with its activation derivative (`belowActivation` null: none). */
export function denseInputGradKernel(layer: DenseLayerSpec, below: Shape3, weightOffset: number,
  belowActivation: Activation | null): KernelProgram {
  return {
    name: `${layer.id}.inputGrad`,
    samplers: ['dy', 'params', 'belowPre', 'belowOut'],
    outputs: 2,
    declarations: `${dims(layer, below)}\n${activationGlsl(belowActivation)}`,
    main: `
  int c = p.x / BW, x0 = p.x % BW, b = p.y / BH, y = p.y % BH;
  int i = c * BH * BW + y * BW + x0;
  float sum = 0.0;
  for (int o = 0; o < O; o++) sum += at(dy, o, b) * atlasAt(params, ${weightOffset} + o * IN + i);
  out0 = sum;
  out1 = ${belowActivation ? 'sum * actDerivative(at(belowPre, p.x, p.y), at(belowOut, p.x, p.y))' : 'sum'};`,
  };
}

/** Weight and bias gradient, pass 1: partial sums over chunks of `chunk` images. */
export function denseWeightGradKernel(layer: DenseLayerSpec, below: Shape3, chunk: number): KernelProgram {
  return {
    name: `${layer.id}.weightGrad`,
    samplers: ['x', 'dy'],
    uniforms: { batchSize: 'int' },
    outputs: 1,
    declarations: `${dims(layer, below)}\nconst int CHUNK = ${chunk};`,
    main: `
  int o = p.y % O, first = (p.y / O) * CHUNK;
  int last = min(first + CHUNK, batchSize);
  float sum = 0.0;
  if (p.x == IN) {
    for (int b = first; b < last; b++) sum += at(dy, o, b);
  } else {
    int c = p.x / (BH * BW), y = (p.x / BW) % BH, x0 = p.x % BW;
    for (int b = first; b < last; b++) sum += at(dy, o, b) * at(x, c * BW + x0, b * BH + y);
  }
  out0 = sum;`,
  };
}
