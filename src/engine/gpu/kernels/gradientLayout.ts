/**
 * Where pass 1 of a layer's parameter gradient writes its partial sums, and how SGD finds the
 * gradient of one parameter in the reduced texture (pass 2 sums the chunks: reduceKernel). Rows of
 * a partial texture are chunk*rows + row; the reduced texture has `rows` rows. Per layer kind:
 *
 *   conv, IC > 1 (4 RGBA textures, j = 0..3; columns OG*IG*KK + OG; rows 1):
 *     texture j, texel (og*IG + ig)*KK + tap = (dw[4og+r][4ig+j][tap])_r
 *     texture 0, texel OG*IG*KK + og        = (db[4og+r])_r
 *   conv, IC = 1 (1 RGBA texture; columns OG*KK + OG; rows 1):
 *     texel og*KK + tap = (dw[4og+r][0][tap])_r,  texel OG*KK + og = (db[4og+r])_r
 *   subsampling (1 RGBA texture; columns 2G; rows 1):
 *     texel g = (dcoeff[4g+r])_r,  texel G + g = (dbias[4g+r])_r
 *   dense over a packed layer C@HxW (1 RGBA texture; columns G*HW + 1; rows O):
 *     texel ((c/4)*HW + yx, o) = lane c%4 of dw[o][c*HW + yx],  texel (G*HW, o) = (db[o], 0, 0, 0)
 *   dense (1 R32F texture; columns IN + 1; rows O):
 *     texel (i, o) = dw[o][i],  texel (IN, o) = db[o]
 */
import type { LayerSpec } from '../../model/layerSpec';
import type { ParameterLayout } from '../../model/parameters';
import type { TextureFormat } from '../gpuTexture';
import { channelGroups, isPacked } from '../packedLayout';
import { connectionMasks } from './weightPacking';

/** The storage of one layer's gradient. */
export interface GradientStorage {
  readonly columns: number;
  /** Rows per chunk in the partial texture (and rows of the reduced one). */
  readonly rows: number;
  readonly textures: 1 | 4;
  readonly format: TextureFormat;
}

/** The gradient storage of a layer, or null when it has no parameters. */
export function gradientStorage(layer: LayerSpec, below: LayerSpec): GradientStorage | null {
  switch (layer.kind) {
    case 'conv': {
      const OG = channelGroups(layer.shape[0]), IG = channelGroups(layer.inShape[0]), KK = layer.kernelSize ** 2;
      return { columns: OG * IG * KK + OG, rows: 1, textures: layer.inShape[0] === 1 ? 1 : 4, format: 'rgba32f' };
    }
    case 'pool':
      return layer.pooling === 'subsample'
        ? { columns: 2 * channelGroups(layer.shape[0]), rows: 1, textures: 1, format: 'rgba32f' } : null;
    case 'dense':
      return isPacked(below)
        ? { columns: channelGroups(below.shape[0]) * below.shape[1] * below.shape[2] + 1, rows: layer.shape[0], textures: 1, format: 'rgba32f' }
        : { columns: layer.inFeatures + 1, rows: layer.shape[0], textures: 1, format: 'r32f' };
    default:
      return null;
  }
}

/** GLSL returning the gradient of element `j` of a tensor of `layer`, from samplers `g(k)` (its textures). */
function tensorGradient(layer: LayerSpec, below: LayerSpec, tensor: string, g: (k: number) => string): string {
  if (layer.kind === 'conv') {
    const [IC] = layer.inShape;
    const OG = channelGroups(layer.shape[0]), IG = channelGroups(IC), KK = layer.kernelSize ** 2;
    if (tensor === 'bias') return `return pick(at4(${g(0)}, ${OG * IG * KK} + j / 4, 0), j & 3);`;
    if (IC === 1) return `int oc = j / ${KK}; return pick(at4(${g(0)}, (oc / 4) * ${KK} + j % ${KK}, 0), oc & 3);`;
    // Pairs the connection table leaves unconnected have no gradient (their weights stay 0).
    const masks = connectionMasks(layer);
    return `const int MASK[${masks.length}] = int[${masks.length}](${masks.join(', ')});
    int oc = j / ${IC * KK}, ic = (j / ${KK}) % ${IC};
    if (((MASK[oc] >> ic) & 1) == 0) return 0.0;
    int t = ((oc / 4) * ${IG} + ic / 4) * ${KK} + j % ${KK};
    int k = ic & 3;
    vec4 v = k == 0 ? at4(${g(0)}, t, 0) : k == 1 ? at4(${g(1)}, t, 0) : k == 2 ? at4(${g(2)}, t, 0) : at4(${g(3)}, t, 0);
    return pick(v, oc & 3);`;
  }
  if (layer.kind === 'pool') {
    const G = channelGroups(layer.shape[0]);
    return `return pick(at4(${g(0)}, ${tensor === 'coeff' ? '' : `${G} + `}j / 4, 0), j & 3);`;
  }
  if (layer.kind !== 'dense') throw new Error(`${layer.id} has no parameters`);
  const IN = layer.inFeatures;
  if (isPacked(below)) {
    const HW = below.shape[1] * below.shape[2], G = channelGroups(below.shape[0]);
    if (tensor === 'bias') return `return at(${g(0)}, ${G * HW}, j);`;
    return `int o = j / ${IN}, i = j % ${IN}, c = i / ${HW};
    return pick(at4(${g(0)}, (c / 4) * ${HW} + i % ${HW}, o), c & 3);`;
  }
  return tensor === 'bias' ? `return at(${g(0)}, ${IN}, j);` : `return at(${g(0)}, j % ${IN}, j / ${IN});`;
}

/**
 * `float gradientAt(int i)`: the reduced gradient of parameter i (run-format index), reading the
 * gradient textures of the parameterised layers (sampler `grad{slot}_{k}`).
 */
export function gradientAtGlsl(layers: readonly LayerSpec[], layout: ParameterLayout,
  slots: ReadonlyMap<number, number>): string {
  const branches = layout.tensors.map((t) => {
    const [id, tensor] = t.name.split('.');
    const l = layers.findIndex((layer) => layer.id === id);
    const slot = slots.get(l);
    if (slot === undefined) throw new Error(`no gradient texture for ${t.name}`);
    const body = tensorGradient(layers[l], layers[l - 1], tensor, (k) => `grad${slot}_${k}`);
    return `if (i < ${t.offset + t.size}) {\n    int j = i - ${t.offset};\n    ${body}\n  }`;
  });
  return `float gradientAt(int i) {\n  ${branches.join('\n  ')}\n  return 0.0;\n}`;
}

/** The sampler names of the gradient textures, in slot order. */
export function gradientSamplers(storages: readonly GradientStorage[]): string[] {
  return storages.flatMap((s, slot) => Array.from({ length: s.textures }, (_, k) => `grad${slot}_${k}`));
}
