/**
 * Where pass 1 of a layer's parameter gradient writes its partial sums, and where pass 2
 * (reduceKernel) leaves the reduced gradient that SGD reads. Most layers keep a weight matrix as
 * mat4 blocks (4 outputs x 4 inputs, as the packed weight atlas does): pass 1 writes the four
 * columns j of every block to four partial textures (multiple render targets), rows
 * chunk*rows + row; pass 2 sums the chunks into ONE texture with the four column blocks one
 * above the other, texel (col, j*rows + row) (every layer here has rows = 1). Per layer kind
 * (T input texels, tap = ky*K + kx):
 *
 *   conv, IC > 1 (4 partials; columns OG*T + OG with T = IG*KK; rows 1):
 *     column j of texel og*T + ig*KK + tap = (dw[4og+r][4ig+j][tap])_r;  texel OG*T + og, j = 0: (db[4og+r])_r
 *   dense over T input texels (4 partials; columns OG*T + OG; rows 1): as conv, with input lane j
 *     of texel t = feature 4t+j (a dense layer below) or feature (4g+j)*HW + yx, t = g*HW + yx
 *     (a packed map below)
 *   conv, IC = 1 (1 partial; columns OG*KK + OG; rows 1):
 *     texel og*KK + tap = (dw[4og+r][0][tap])_r,  texel OG*KK + og = (db[4og+r])_r
 *   subsampling (1 partial; columns 2G; rows 1):
 *     texel g = (dcoeff[4g+r])_r,  texel G + g = (dbias[4g+r])_r
 */
import type { LayerSpec } from '../../model/layerSpec';
import type { ParameterLayout } from '../../model/parameters';
import { channelGroups, inputTexels, isDense } from '../packedLayout';
import { connectionMasks } from './weightPacking';

/** The storage of one layer's gradient. */
export interface GradientStorage {
  readonly columns: number;
  /** Rows per chunk in the partial textures (and rows of the reduced one). */
  readonly rows: number;
  /** Partial textures (blocks of rows of the reduced texture, which is `rows * blocks` high). */
  readonly blocks: 1 | 4;
}

/** The gradient storage of a layer, or null when it has no parameters. */
export function gradientStorage(layer: LayerSpec, below: LayerSpec): GradientStorage | null {
  switch (layer.kind) {
    case 'conv': {
      const OG = channelGroups(layer.shape[0]),
        IG = channelGroups(layer.inShape[0]),
        KK = layer.kernelSize ** 2;
      return layer.inShape[0] === 1
        ? { columns: OG * KK + OG, rows: 1, blocks: 1 }
        : { columns: OG * IG * KK + OG, rows: 1, blocks: 4 };
    }
    case 'pool':
      return layer.pooling === 'subsample' ? { columns: 2 * channelGroups(layer.shape[0]), rows: 1, blocks: 1 } : null;
    case 'dense': {
      const OG = channelGroups(layer.shape[0]);
      return { columns: OG * inputTexels(below) + OG, rows: 1, blocks: 4 };
    }
    default:
      return null;
  }
}

/** GLSL returning the gradient of element `j` of a tensor of `layer`, read from sampler `g`. */
function tensorGradient(layer: LayerSpec, below: LayerSpec, tensor: string, g: string): string {
  // Lane `lane` of texel `texel` of block `block` (one row each).
  const read = (block: string, texel: string, lane: string) => `return pick(at4(${g}, ${texel}, ${block}), ${lane});`;
  if (layer.kind === 'pool') {
    const G = channelGroups(layer.shape[0]);
    return read('0', `${tensor === 'coeff' ? '' : `${G} + `}j / 4`, 'j & 3');
  }
  if (layer.kind === 'conv') {
    const [IC] = layer.inShape;
    const OG = channelGroups(layer.shape[0]),
      IG = channelGroups(IC),
      KK = layer.kernelSize ** 2;
    if (IC === 1)
      return tensor === 'bias'
        ? read('0', `${OG * KK} + j / 4`, 'j & 3')
        : `int oc = j / ${KK};
    ${read('0', `(oc / 4) * ${KK} + j % ${KK}`, 'oc & 3')}`;
    if (tensor === 'bias') return read('0', `${OG * IG * KK} + j / 4`, 'j & 3');
    // Pairs the connection table leaves unconnected have no gradient (their weights stay 0).
    const masks = connectionMasks(layer);
    return `const int MASK[${masks.length}] = int[${masks.length}](${masks.join(', ')});
    int oc = j / ${IC * KK}, ic = (j / ${KK}) % ${IC};
    if (((MASK[oc] >> ic) & 1) == 0) return 0.0;
    ${read('ic & 3', `((oc / 4) * ${IG} + ic / 4) * ${KK} + j % ${KK}`, 'oc & 3')}`;
  }
  if (layer.kind !== 'dense') throw new Error(`${layer.id} has no parameters`);
  const OG = channelGroups(layer.shape[0]),
    T = inputTexels(below),
    IN = layer.inFeatures;
  if (tensor === 'bias') return read('0', `${OG * T} + j / 4`, 'j & 3');
  const HW = below.shape[1] * below.shape[2];
  const place = isDense(below)
    ? 'int t = i / 4, lane = i & 3;'
    : `int c = i / ${HW}, t = (c / 4) * ${HW} + i % ${HW}, lane = c & 3;`;
  return `int o = j / ${IN}, i = j % ${IN};
    ${place}
    ${read('lane', `(o / 4) * ${T} + t`, 'o & 3')}`;
}

/**
 * `float gradientAt(int i)`: the reduced gradient of parameter i (run-format index), reading the
 * reduced gradient texture of each parameterised layer (sampler `grad{slot}`).
 */
export function gradientAtGlsl(
  layers: readonly LayerSpec[],
  layout: ParameterLayout,
  slots: ReadonlyMap<number, number>,
): string {
  const branches = layout.tensors.map((t) => {
    const [id, tensor] = t.name.split('.');
    const l = layers.findIndex((layer) => layer.id === id);
    const slot = slots.get(l);
    if (slot === undefined) throw new Error(`no gradient texture for ${t.name}`);
    const body = tensorGradient(layers[l], layers[l - 1], tensor, `grad${slot}`);
    return `if (i < ${t.offset + t.size}) {\n    int j = i - ${t.offset};\n    ${body}\n  }`;
  });
  return `float gradientAt(int i) {\n  ${branches.join('\n  ')}\n  return 0.0;\n}`;
}

/** The sampler names of the reduced gradient textures, in slot order. */
export function gradientSamplers(storages: readonly GradientStorage[]): string[] {
  return storages.map((_, slot) => `grad${slot}`);
}
