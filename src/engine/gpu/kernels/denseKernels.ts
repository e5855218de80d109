/**
 * Fully connected kernels on packed values (packedLayout.ts): a dense layer of O units is
 * OG = ceil(O/4) texels per image, texel (b, og) = units 4og..4og+3, and a fragment computes a
 * texel. The layer below is read as T texels per image, `inputAt(x, b, t)`: a dense layer's
 * texel (b, t) (features 4t..4t+3), or a packed map's texel t = g*HW + y*W + x (channels
 * 4g..4g+3 at (y, x), features (4g+j)*HW + y*W + x). The weights are mat4s in the packed weight
 * atlas (weightPacking.ts): W[og][t] maps the 4 features of input texel t to the 4 units of og.
 * `dy` is dL/d(pre) of this layer.
 *
 *   forward:     pre[b][og] = bias[og] + sum_t W[og][t] * x[b][t];  out0 = pre, out1 = act(pre)
 *                (over many input texels, the sum in parts first: densePartialKernel)
 *   input grad:  dx[b][t] = sum_og dy[b][og] * W[og][t] (the transposed product), fused with the
 *                derivative of the layer below's activation: out0 = dx, out1 = dx * act'(pre below)
 *   weight grad, pass 1 over chunks of CH images (gradientLayout.ts): the fragment of (og, t)
 *                writes the mat4's four columns, out_j += dy[b][og] * x[b][t].j; bias fragments
 *                (og) sum dy[b][og]
 */
import type { Activation, DenseLayerSpec, LayerSpec } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';
import { channelGroups, inputTexels, isDense } from '../packedLayout';
import { activationGlsl } from './activationGlsl';
import { WEIGHTS_GLSL } from './weightPacking';

/** Shapes, and `inputAt(t, b, k)`: texel k of image b of the layer below. */

export function denseDims(layer: DenseLayerSpec, below: LayerSpec): string {
  const [C, H, W] = below.shape;
  const read = isDense(below)
    ? 'return texelFetch(t, ivec2(b, k), 0);'
    : `int g = k / ${H * W}, yx = k % ${H * W}; return texelFetch(t, ivec2(g * ${W} + yx % ${W}, b * ${H} + yx / ${W}), 0);`;
  return `const int O = ${layer.shape[0]}; const int OG = ${channelGroups(layer.shape[0])}; const int T = ${inputTexels(below)};
const int BC = ${C};
vec4 inputAt(highp sampler2D t, int b, int k) { ${read} }`;
}

/** Where a dense layer's weights and bias are in the packed weight atlas. */
export interface DenseWeights {
  readonly weight: number;
  readonly bias: number;
}

/** Parts the input of a wide dense layer is split into for its forward pass (see denseSplits). */
export const DENSE_SPLIT_PARTS = 4;

/**
 * How many parts a dense layer's forward sum is split into: a layer reading many input texels
 * (c5: 100) sums them in DENSE_SPLIT_PARTS fragments per output texel, so that a batch of one
 * still keeps the rasterizer's threads and 2x2 quads busy; the forward kernel adds the parts.
 */
export function denseSplits(below: LayerSpec): number {
  return inputTexels(below) >= 64 ? DENSE_SPLIT_PARTS : 1;
}

/** The split part of a wide dense layer's forward sum: texel (b*S + s, og) = sum over part s of W[og][t] * x[b][t]. */
export function densePartialKernel(layer: DenseLayerSpec, below: LayerSpec, w: DenseWeights): KernelProgram {
  const S = denseSplits(below);
  return {
    name: `${layer.id}.forwardParts`,
    samplers: ['x', 'wt'],
    outputs: 1,
    vectorOutputs: true,
    declarations: `${denseDims(layer, below)}\n${WEIGHTS_GLSL}\nconst int S = ${S}; const int PART = (T + S - 1) / S;`,
    main: `
  int b = p.x / S, first = (p.x % S) * PART, og = p.y;
  int last = min(T, first + PART);
  vec4 sum = vec4(0.0);
  int w = ${w.weight} + (og * T + first) * 4;
  for (int k = first; k < last; k++, w += 4) sum += weights(w) * inputAt(x, b, k);
  out0 = sum;`,
  };
}

/**
 * Forward: dense + bias + activation (out0 = pre, out1 = act(pre)); the output layer's softmax is
 * lossKernel.ts. Over a split layer (denseSplits > 1) sampler `x` holds the parts to add.
 */
export function denseForwardKernel(layer: DenseLayerSpec, below: LayerSpec, w: DenseWeights): KernelProgram {
  if (layer.activation === 'softmax') throw new Error(`${layer.id}: the softmax output is computed by the loss kernel`);
  const S = denseSplits(below);
  const sum =
    S > 1
      ? `
  for (int s = 0; s < ${S}; s++) sum += at4(x, b * ${S} + s, og);`
      : `
  int w = ${w.weight} + og * T * 4;
  for (int k = 0; k < T; k++, w += 4) sum += weights(w) * inputAt(x, b, k);`;
  return {
    name: `${layer.id}.forward`,
    samplers: ['x', 'wt'],
    outputs: 2,
    vectorOutputs: true,
    declarations: `${denseDims(layer, below)}\n${WEIGHTS_GLSL}\n${activationGlsl(layer.activation)}`,
    main: `
  int b = p.x, og = p.y;
  vec4 sum = atlas4(wt, ${w.bias} + og);${sum}
  out0 = sum;
  out1 = act(sum);`,
  };
}

/** Input gradient into the layer below, fused with its activation derivative (`belowActivation` null: none). */
export function denseInputGradKernel(
  layer: DenseLayerSpec,
  below: LayerSpec,
  w: DenseWeights,
  belowActivation: Activation | null,
): KernelProgram {
  const [, H, W] = below.shape;
  const position = isDense(below)
    ? 'int b = p.x, k = p.y;'
    : `int g = p.x / ${W}, b = p.y / ${H}, k = g * ${H * W} + (p.y % ${H}) * ${W} + p.x % ${W};`;
  return {
    name: `${layer.id}.inputGrad`,
    samplers: ['dy', 'wt', 'belowPre', 'belowOut'],
    outputs: 2,
    vectorOutputs: true,
    declarations: `${denseDims(layer, below)}\n${WEIGHTS_GLSL}\n${activationGlsl(belowActivation)}`,
    main: `
  ${position}
  vec4 sum = vec4(0.0);
  for (int og = 0; og < OG; og++) sum += at4(dy, b, og) * weights(${w.weight} + (og * T + k) * 4);
  out0 = sum;
  out1 = ${belowActivation ? 'sum * actDerivative(at4(belowPre, p.x, p.y), at4(belowOut, p.x, p.y))' : 'sum'};`,
  };
}

/** Weight and bias gradient, pass 1: partial sums over chunks of `chunk` images (row = chunk). */
export function denseWeightGradKernel(layer: DenseLayerSpec, below: LayerSpec, chunk: number): KernelProgram {
  return {
    name: `${layer.id}.weightGrad`,
    samplers: ['x', 'dy'],
    uniforms: { batchSize: 'int' },
    outputs: 4,
    vectorOutputs: true,
    declarations: `${denseDims(layer, below)}\nconst int CHUNK = ${chunk};`,
    main: `
  int first = p.y * CHUNK;
  int last = min(first + CHUNK, batchSize);
  if (p.x >= OG * T) {
    int og = p.x - OG * T;
    vec4 sum = vec4(0.0);
    for (int b = first; b < last; b++) sum += at4(dy, b, og);
    out0 = sum; out1 = vec4(0.0); out2 = vec4(0.0); out3 = vec4(0.0);
    return;
  }
  int og = p.x / T, k = p.x % T;
  vec4 c0 = vec4(0.0), c1 = vec4(0.0), c2 = vec4(0.0), c3 = vec4(0.0);
  for (int b = first; b < last; b++) {
    vec4 d = at4(dy, b, og);
    vec4 v = inputAt(x, b, k);
    c0 += d * v.x; c1 += d * v.y; c2 += d * v.z; c3 += d * v.w;
  }
  out0 = c0; out1 = c1; out2 = c2; out3 = c3;`,
  };
}
