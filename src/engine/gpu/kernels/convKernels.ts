/**
 * Convolution kernels (valid, stride 1, connection table) on packed maps (packedLayout.ts): each
 * fragment computes four channels. Indices: b batch, og/ig output/input channel group, ky/kx kernel
 * offset, tap = ky*K + kx, K kernel size, IH input side, OH = IH - K + 1. Weights come from the
 * packed weight atlas (weightPacking.ts) as W[og][ig][tap], a mat4 mapping 4 input to 4 output
 * channels (zero where unconnected), or, when IC = 1, as a vec4 w[og][tap]. `dy` is dL/d(pre-activation).
 *
 *   forward:      pre[b][og][oy][ox] = bias[og] + sum_ig sum_tap W[og][ig][tap] * x[b][ig][oy+ky][ox+kx]
 *                 out0 = pre, out1 = act(pre)
 *   input grad:   dx[b][ig][iy][ix] = sum_og sum_{tap: (iy-ky, ix-kx) inside} dy[b][og][iy-ky][ix-kx] * W[og][ig][tap]
 *                 (a row vector times the mat4: the transposed product), fused with the derivative of
 *                 the layer below's activation when it has one: out0 = dx, out1 = dx * act'(pre below)
 *   weight grad, pass 1 over chunks of CH images (gradientLayout.ts), for IC > 1 one fragment per
 *                 (og, ig, tap) writes the mat4's four columns: out_j += dy[og] * x[ig].j;
 *                 for IC = 1 a vec4 per (og, tap); bias fragments sum dy[og].
 */
import type { Activation, ConvLayerSpec } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';
import { channelGroups } from '../packedLayout';
import { activationGlsl } from './activationGlsl';
import { WEIGHTS_GLSL } from './weightPacking';

function dims(layer: ConvLayerSpec): string {
  const [IC, IH] = layer.inShape;
  const [OC, OH] = layer.shape;
  return `const int IC = ${IC}; const int IG = ${channelGroups(IC)}; const int IH = ${IH};
const int OC = ${OC}; const int OG = ${channelGroups(OC)}; const int OH = ${OH};
const int K = ${layer.kernelSize}; const int KK = ${layer.kernelSize ** 2};`;
}

/** GLSL of one kernel row: `term(kx)` for every kx, written out (SwiftShader runs unrolled code far faster). */
function unrolled(k: number, term: (kx: number) => string): string {
  return Array.from({ length: k }, (_, kx) => term(kx)).join('\n      ');
}

/** Forward: conv + bias + activation, writing pre (out0) and activation (out1). */
export function convForwardKernel(layer: ConvLayerSpec, weights: number, bias: number): KernelProgram {
  const K = layer.kernelSize;
  // When the channels do not fill the last group (c3 reads 6 = 4 + 2), the padding columns of its
  // matrices are zero: the last group reads and multiplies only the real ones.
  const [IC] = layer.inShape;
  const full = Math.floor(IC / 4),
    rest = IC % 4;
  const group = (ig: string, product: (w: string) => string, lanes: string) => `
    for (int ky = 0; ky < K; ky++) {
      int row = b * IH + oy + ky, col = ${ig} * IH + ox, w = ${weights} + ((og * IG + ${ig}) * KK + ky * K) * 4;
      ${unrolled(K, (kx) => `sum += ${product(`w + ${kx * 4}`)} * at4(x, col + ${kx}, row)${lanes};`)}
    }`;
  const partial = (w: string) =>
    `mat${rest}x4(${Array.from({ length: rest }, (_, j) => `atlas4(wt, ${w} + ${j})`).join(', ')})`;
  const body =
    IC === 1
      ? `
  for (int ky = 0; ky < K; ky++) {
    int row = b * IH + oy + ky, w = ${weights} + og * KK + ky * K;
      ${unrolled(K, (kx) => `sum += atlas4(wt, w + ${kx}) * at4(x, ox + ${kx}, row).x;`)}
  }`
      : `
  for (int ig = 0; ig < ${full}; ig++) {${group('ig', (w) => `weights(${w})`, '')}
  }${
    rest === 0
      ? ''
      : rest === 1
        ? `
  {${group(String(full), (w) => `atlas4(wt, ${w})`, '.x')}
  }`
        : `
  {${group(String(full), partial, `.${'xyzw'.slice(0, rest)}`)}
  }`
  }`;
  return {
    name: `${layer.id}.forward`,
    samplers: ['x', 'wt'],
    outputs: 2,
    vectorOutputs: true,
    declarations: `${dims(layer)}\n${WEIGHTS_GLSL}\n${activationGlsl(layer.activation)}`,
    main: `
  int og = p.x / OH, ox = p.x % OH, b = p.y / OH, oy = p.y % OH;
  vec4 sum = atlas4(wt, ${bias} + og);${body}
  out0 = sum;
  out1 = act(sum);`,
  };
}

/**
 * Input gradient, fused with the derivative of the layer below's activation (`below` is null when
 * that layer has none, e.g. max pooling or the input): out0 = dx, out1 = dx * act'(pre below).
 */
export function convInputGradKernel(layer: ConvLayerSpec, weights: number, below: Activation | null): KernelProgram {
  const [IC] = layer.inShape;
  const rest = IC % 4;
  const at = (kx: string) => `${weights} + ((og * IG + ig) * KK + ky * K + ${kx}) * 4`;
  // Each tap: dy (4 output channels) times the transposed mat4 of 4 input channels. In a last group
  // that the channels do not fill, only the real columns are read.
  const taps = (term: string) => `
  for (int og = 0; og < OG; og++) {
    for (int ky = kyFirst; ky <= kyLast; ky++) {
      int row = b * OH + iy - ky, col = og * OH + ix;
      for (int kx = kxFirst; kx <= kxLast; kx++) {
        vec4 d = at4(dy, col - kx, row);
        ${term}
      }
    }
  }`;
  const body =
    IC === 1
      ? taps(`sum.x += dot(d, atlas4(wt, ${weights} + og * KK + ky * K + kx));`)
      : rest < 2
        ? taps(`sum += d * weights(${at('kx')});`)
        : `
  if (ig < IG - 1) {${taps(`sum += d * weights(${at('kx')});`)}
  } else {${taps(`int w = ${at('kx')};
        sum.${'xyz'.slice(0, rest)} += d * mat${rest}x4(${Array.from({ length: rest }, (_, j) => `atlas4(wt, w + ${j})`).join(', ')});`)}
  }`;
  return {
    name: `${layer.id}.inputGrad`,
    samplers: ['dy', 'wt', 'belowPre', 'belowOut'],
    outputs: 2,
    vectorOutputs: true,
    declarations: `${dims(layer)}\n${WEIGHTS_GLSL}\n${activationGlsl(below)}`,
    main: `
  int ig = p.x / IH, ix = p.x % IH, b = p.y / IH, iy = p.y % IH;
  vec4 sum = vec4(0.0);
  // Only the kernel offsets whose output position exists: oy = iy - ky in [0, OH).
  int kyFirst = max(0, iy - OH + 1), kyLast = min(K - 1, iy);
  int kxFirst = max(0, ix - OH + 1), kxLast = min(K - 1, ix);${body}
  out0 = sum;
  out1 = ${below ? 'sum * actDerivative(at4(belowPre, p.x, p.y), at4(belowOut, p.x, p.y))' : 'sum'};`,
  };
}

/** Weight and bias gradient, pass 1: partial sums over chunks of `chunk` images (row = chunk). */
export function convWeightGradKernel(layer: ConvLayerSpec, chunk: number): KernelProgram {
  const single = layer.inShape[0] === 1;
  const weightColumns = single ? 'OG * KK' : 'OG * IG * KK';
  const zeros = single ? '' : ' out1 = vec4(0.0); out2 = vec4(0.0); out3 = vec4(0.0);';
  const weightPart = single
    ? `
    int og = p.x / KK, tap = p.x % KK, ky = tap / K, kx = tap % K;
    vec4 sum = vec4(0.0);
    for (int b = first; b < last; b++)
      for (int oy = 0; oy < OH; oy++) {
        int row = b * IH + oy + ky, dyRow = b * OH + oy;
        for (int ox = 0; ox < OH; ox++) sum += at4(dy, og * OH + ox, dyRow) * at4(x, ox + kx, row).x;
      }
    out0 = sum;`
    : `
    int og = p.x / (IG * KK), ig = (p.x / KK) % IG, tap = p.x % KK, ky = tap / K, kx = tap % K;
    vec4 c0 = vec4(0.0), c1 = vec4(0.0), c2 = vec4(0.0), c3 = vec4(0.0);
    for (int b = first; b < last; b++)
      for (int oy = 0; oy < OH; oy++) {
        int row = b * IH + oy + ky, dyRow = b * OH + oy;
        for (int ox = 0; ox < OH; ox++) {
          vec4 d = at4(dy, og * OH + ox, dyRow);
          vec4 v = at4(x, ig * IH + ox + kx, row);
          c0 += d * v.x; c1 += d * v.y; c2 += d * v.z; c3 += d * v.w;
        }
      }
    out0 = c0; out1 = c1; out2 = c2; out3 = c3;`;
  return {
    name: `${layer.id}.weightGrad`,
    samplers: ['x', 'dy'],
    uniforms: { batchSize: 'int' },
    outputs: single ? 1 : 4,
    vectorOutputs: true,
    declarations: `${dims(layer)}\nconst int CHUNK = ${chunk};`,
    main: `
  int first = p.y * CHUNK;
  int last = min(first + CHUNK, batchSize);
  if (p.x >= ${weightColumns}) {
    int og = p.x - ${weightColumns};
    vec4 sum = vec4(0.0);
    for (int b = first; b < last; b++)
      for (int oy = 0; oy < OH; oy++)
        for (int ox = 0; ox < OH; ox++) sum += at4(dy, og * OH + ox, b * OH + oy);
    out0 = sum;${zeros}
  } else {${weightPart}
  }`,
  };
}
