/**
 * 2x2 stride-2 pooling kernels. Indices: b batch, c map, (oy, ox) pooled cell, slot s = py*2 + px
 * its window position, IH = 2 * OH the side of the pooled (conv) layer. `dy` is dL/d(pooled value),
 * i.e. dL/d(pre) for `subsample`. coeff[c] and bias[c] (subsample only) sit at atlas C + c and B + c.
 *
 *   forward   max:       out0 = max_s x,  out1 = the first maximal slot
 *             mean:      out0 = 1/4 sum_s x
 *             subsample: pre = coeff[c] sum_s x + bias[c];  out0 = act(pre), out1 = pre
 *   backward, fused with the derivative of the conv layer below (texel of the conv layer):
 *             g = dy[b][c][iy/2][ix/2] * (max: slot == winner ? 1 : 0 | mean: 1/4 | subsample: coeff[c])
 *             out0 = g, out1 = g * act'(conv pre)
 *   subsample parameter grads, pass 1 over chunks of CH images, texel (col, chunk*C + c):
 *             col 0: sum dy * sum_s x (dcoeff),  col 1: sum dy (dbias)
 */
import type { Activation, PoolLayerSpec } from '../../model/layerSpec';
import type { KernelProgram } from '../gpuProgram';
import { activationGlsl } from './activationGlsl';

function dims(layer: PoolLayerSpec): string {
  return `const int C = ${layer.shape[0]}; const int OH = ${layer.shape[1]}; const int IH = ${layer.inShape[1]};`;
}

/** Forward pooling; writes the value (out0) and the winner (max) or pre-activation (subsample) (out1). */
export function poolForwardKernel(layer: PoolLayerSpec, coeffOffset = 0, biasOffset = 0): KernelProgram {
  const window = `
  int c = p.x / OH, ox = p.x % OH, b = p.y / OH, oy = p.y % OH;
  int x0 = c * IH + 2 * ox, y0 = b * IH + 2 * oy;
  float v0 = at(x, x0, y0), v1 = at(x, x0 + 1, y0), v2 = at(x, x0, y0 + 1), v3 = at(x, x0 + 1, y0 + 1);`;
  switch (layer.pooling) {
    case 'max':
      return { name: `${layer.id}.forward`, samplers: ['x'], outputs: 2, declarations: dims(layer), main: `${window}
  float best = v0; float slot = 0.0;
  if (v1 > best) { best = v1; slot = 1.0; }
  if (v2 > best) { best = v2; slot = 2.0; }
  if (v3 > best) { best = v3; slot = 3.0; }
  out0 = best;
  out1 = slot;` };
    case 'mean':
      return { name: `${layer.id}.forward`, samplers: ['x'], outputs: 1, declarations: dims(layer),
        main: `${window}\n  out0 = (v0 + v1 + v2 + v3) * 0.25;` };
    case 'subsample':
      return { name: `${layer.id}.forward`, samplers: ['x', 'params'], outputs: 2,
        declarations: `${dims(layer)}\n${activationGlsl(layer.activation)}`, main: `${window}
  float pre = atlasAt(params, ${coeffOffset} + c) * (v0 + v1 + v2 + v3) + atlasAt(params, ${biasOffset} + c);
  out0 = act(pre);
  out1 = pre;` };
    default: {
      const never: never = layer.pooling;
      throw new Error(`unknown pooling ${String(never)}`);
    }
  }
}

/**
 * Backward through the pooling into the conv layer below, fused with that layer's activation
 * derivative. Samplers: dy, aux (the winners for max; unused otherwise), params, conv pre, conv out.
 */
export function poolBackwardKernel(layer: PoolLayerSpec, below: Activation, coeffOffset = 0): KernelProgram {
  const route = {
    max: 'int(at(aux, cell.x, cell.y)) == slot ? g : 0.0',
    mean: 'g * 0.25',
    subsample: `g * atlasAt(params, ${coeffOffset} + c)`,
  }[layer.pooling];
  return {
    name: `${layer.id}.backward`,
    samplers: ['dy', 'aux', 'params', 'belowPre', 'belowOut'],
    outputs: 2,
    declarations: `${dims(layer)}\n${activationGlsl(below)}`,
    main: `
  int c = p.x / IH, ix = p.x % IH, b = p.y / IH, iy = p.y % IH;
  ivec2 cell = ivec2(c * OH + ix / 2, b * OH + iy / 2);
  int slot = (iy & 1) * 2 + (ix & 1);
  float g = at(dy, cell.x, cell.y);
  float routed = ${route};
  out0 = routed;
  out1 = routed * actDerivative(at(belowPre, p.x, p.y), at(belowOut, p.x, p.y));`,
  };
}

/** Subsampling coefficient and bias gradients, pass 1 over chunks of `chunk` images. */
export function subsampleGradKernel(layer: PoolLayerSpec, chunk: number): KernelProgram {
  return {
    name: `${layer.id}.paramGrad`,
    samplers: ['x', 'dy'],
    uniforms: { batchSize: 'int' },
    outputs: 1,
    declarations: `${dims(layer)}\nconst int CHUNK = ${chunk};`,
    main: `
  int c = p.y % C, first = (p.y / C) * CHUNK;
  int last = min(first + CHUNK, batchSize);
  float sum = 0.0;
  for (int b = first; b < last; b++)
    for (int oy = 0; oy < OH; oy++)
      for (int ox = 0; ox < OH; ox++) {
        float g = at(dy, c * OH + ox, b * OH + oy);
        if (p.x == 1) { sum += g; continue; }
        int x0 = c * IH + 2 * ox, y0 = b * IH + 2 * oy;
        sum += g * (at(x, x0, y0) + at(x, x0 + 1, y0) + at(x, x0, y0 + 1) + at(x, x0 + 1, y0 + 1));
      }
  out0 = sum;`,
  };
}
