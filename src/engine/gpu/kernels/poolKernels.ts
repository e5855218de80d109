/**
 * 2x2 stride-2 pooling kernels on packed maps (packedLayout.ts), four channels per fragment.
 * Indices: b batch, g channel group, (oy, ox) pooled cell, slot s = py*2 + px its window position,
 * IH = 2 * OH the side of the pooled (conv) layer. `dy` is dL/d(pooled value), i.e. dL/d(pre) for
 * `subsample`. coeff[g] and bias[g] (subsample only) are vec4 texels of the packed weight atlas.
 *
 *   forward   max:       out0 = max_s x,  out1 = the first maximal slot (per channel)
 *             mean:      out0 = 1/4 sum_s x
 *             subsample: pre = coeff[g] sum_s x + bias[g];  out0 = act(pre), out1 = pre
 *   backward, fused with the derivative of the conv layer below (texel of the conv layer):
 *             d = dy[b][g][iy/2][ix/2] * (max: slot == winner ? 1 : 0 | mean: 1/4 | subsample: coeff[g])
 *             out0 = d, out1 = d * act'(conv pre)
 *   subsample parameter grads, pass 1 over chunks of CH images (row = chunk, see gradientLayout.ts):
 *             texel g: sum dy * sum_s x (dcoeff),  texel G + g: sum dy (dbias)
 */
import type { Activation, PoolLayerSpec } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';
import { channelGroups } from '../packedLayout';
import { activationGlsl } from './activationGlsl';

function dims(layer: PoolLayerSpec): string {
  return `const int G = ${channelGroups(layer.shape[0])}; const int OH = ${layer.shape[1]}; const int IH = ${layer.inShape[1]};`;
}

/** Offsets of a subsampling layer's coefficients and biases in the packed weight atlas. */
export interface SubsampleWeights {
  readonly coeff: number;
  readonly bias: number;
}

/** Forward pooling; writes the value (out0) and the winner (max) or pre-activation (subsample) (out1). */
export function poolForwardKernel(layer: PoolLayerSpec, weights: SubsampleWeights | null = null): KernelProgram {
  const window = `
  int g = p.x / OH, ox = p.x % OH, b = p.y / OH, oy = p.y % OH;
  int x0 = g * IH + 2 * ox, y0 = b * IH + 2 * oy;
  vec4 v0 = at4(x, x0, y0), v1 = at4(x, x0 + 1, y0), v2 = at4(x, x0, y0 + 1), v3 = at4(x, x0 + 1, y0 + 1);`;
  const base = { name: `${layer.id}.forward`, vectorOutputs: true, declarations: dims(layer) };
  switch (layer.pooling) {
    case 'max':
      return {
        ...base,
        samplers: ['x'],
        outputs: 2,
        main: `${window}
  vec4 best = v0, slot = vec4(0.0);
  bvec4 wins = greaterThan(v1, best); best = mix(best, v1, wins); slot = mix(slot, vec4(1.0), wins);
  wins = greaterThan(v2, best); best = mix(best, v2, wins); slot = mix(slot, vec4(2.0), wins);
  wins = greaterThan(v3, best); best = mix(best, v3, wins); slot = mix(slot, vec4(3.0), wins);
  out0 = best;
  out1 = slot;`,
      };
    case 'mean':
      return { ...base, samplers: ['x'], outputs: 1, main: `${window}\n  out0 = (v0 + v1 + v2 + v3) * 0.25;` };
    case 'subsample': {
      if (!weights) throw new Error(`${layer.id}: subsampling needs its coefficients`);
      return {
        ...base,
        samplers: ['x', 'wt'],
        outputs: 2,
        declarations: `${dims(layer)}\n${activationGlsl(layer.activation)}`,
        main: `${window}
  vec4 pre = atlas4(wt, ${weights.coeff} + g) * (v0 + v1 + v2 + v3) + atlas4(wt, ${weights.bias} + g);
  out0 = act(pre);
  out1 = pre;`,
      };
    }
    default: {
      const never: never = layer.pooling;
      throw new Error(`unknown pooling ${String(never)}`);
    }
  }
}

/**
 * Backward through the pooling into the conv layer below, fused with that layer's activation
 * derivative. Samplers: dy, aux (the winners for max; unused otherwise), wt, conv pre, conv out.
 */
export function poolBackwardKernel(
  layer: PoolLayerSpec,
  below: Activation,
  weights: SubsampleWeights | null = null,
): KernelProgram {
  if (layer.pooling === 'subsample' && !weights) throw new Error(`${layer.id}: subsampling needs its coefficients`);
  const route = {
    max: 'd * vec4(equal(at4(aux, cell.x, cell.y), vec4(float(slot))))',
    mean: 'd * 0.25',
    subsample: `d * atlas4(wt, ${weights?.coeff ?? 0} + g)`,
  }[layer.pooling];
  return {
    name: `${layer.id}.backward`,
    samplers: ['dy', 'aux', 'wt', 'belowPre', 'belowOut'],
    outputs: 2,
    vectorOutputs: true,
    declarations: `${dims(layer)}\n${activationGlsl(below)}`,
    main: `
  int g = p.x / IH, ix = p.x % IH, b = p.y / IH, iy = p.y % IH;
  ivec2 cell = ivec2(g * OH + ix / 2, b * OH + iy / 2);
  int slot = (iy & 1) * 2 + (ix & 1);
  vec4 d = at4(dy, cell.x, cell.y);
  vec4 routed = ${route};
  out0 = routed;
  out1 = routed * actDerivative(at4(belowPre, p.x, p.y), at4(belowOut, p.x, p.y));`,
  };
}

/** Subsampling coefficient and bias gradients, pass 1 over chunks of `chunk` images. */
export function subsampleGradKernel(layer: PoolLayerSpec, chunk: number): KernelProgram {
  return {
    name: `${layer.id}.paramGrad`,
    samplers: ['x', 'dy'],
    uniforms: { batchSize: 'int' },
    outputs: 1,
    vectorOutputs: true,
    declarations: `${dims(layer)}\nconst int CHUNK = ${chunk};`,
    main: `
  int g = p.x % G, first = p.y * CHUNK;
  bool coeff = p.x < G;
  int last = min(first + CHUNK, batchSize);
  vec4 sum = vec4(0.0);
  for (int b = first; b < last; b++)
    for (int oy = 0; oy < OH; oy++)
      for (int ox = 0; ox < OH; ox++) {
        vec4 d = at4(dy, g * OH + ox, b * OH + oy);
        if (!coeff) { sum += d; continue; }
        int x0 = g * IH + 2 * ox, y0 = b * IH + 2 * oy;
        sum += d * (at4(x, x0, y0) + at4(x, x0 + 1, y0) + at4(x, x0, y0 + 1) + at4(x, x0 + 1, y0 + 1));
      }
  out0 = sum;`,
  };
}
