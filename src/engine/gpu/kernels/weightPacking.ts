/**
 * The packed weight atlas: the weights of the packed kernels rearranged, once per step, from the
 * parameter atlas (R32F, run-format order, where SGD updates them) into RGBA32F texels that a
 * kernel reads as vec4s and mat4s. One draw rebuilds it; texel t = (t % 256, t / 256).
 *
 *   conv, IC > 1, IG = ceil(IC/4), OG = ceil(OC/4), KK = K*K, tap = ky*K + kx:
 *     weight texel ((og*IG + ig)*KK + tap)*4 + j = (w[4og+r][4ig+j][tap])_r=0..3, i.e. column j of the
 *       mat4 M with M * x(4 input channels) = 4 output channels; 0 where a channel is padding or
 *       the connection table leaves the pair unconnected
 *   conv, IC = 1:   weight texel og*KK + tap = (w[4og+r][0][tap])_r
 *   conv bias, subsampling coeff and bias:  texel g = (value[4g+r])_r
 *   dense, T input texels per image (packedLayout.ts inputTexels):
 *     weight texel (og*T + t)*4 + j = (w[4og+r][feature of lane j of input texel t])_r, the feature
 *       being 4t + j over a dense layer, (4g+j)*HW + yx over maps (t = g*HW + yx); bias as conv
 */
import type { ConvLayerSpec, LayerSpec } from '../../model/layerSpec';
import { tensorSpec, type ParameterLayout } from '../../model/parameters';
import type { KernelProgram } from '../gpuProgram';
import { ATLAS_WIDTH } from '../gpuTexture';
import { channelGroups, inputTexels, isDense } from '../packedLayout';

/** GLSL for kernels that sample the atlas as `wt`: `weights(i)`, the mat4 whose columns are texels i..i+3. */
export const WEIGHTS_GLSL =
  'mat4 weights(int i) { return mat4(atlas4(wt, i), atlas4(wt, i + 1), atlas4(wt, i + 2), atlas4(wt, i + 3)); }';

/** Texel offsets of the packed sections, by tensor name. */
export interface PackedWeights {
  readonly offsets: ReadonlyMap<string, number>;
  /** Texels in all. */
  readonly size: number;
  readonly kernel: KernelProgram;
}

interface Section {
  readonly name: string;
  readonly count: number;
  /** GLSL setting `v` from `local`, the texel index within the section. */
  readonly body: string;
}

const LANES = ['x', 'y', 'z', 'w'];

/** `v.x = ...; v.y = ...` with `expression(k)` giving the condition and the atlas index of lane k. */
function lanes(expression: (k: number) => [string, string]): string {
  return LANES.map((lane, k) => {
    const [condition, index] = expression(k);
    return `v.${lane} = ${condition} ? atlasAt(params, ${index}) : 0.0;`;
  }).join('\n    ');
}

/** The bitmask form of a connection table: bit ic of entry oc set when oc reads ic. */
export function connectionMasks(layer: ConvLayerSpec): number[] {
  return layer.connections.map((inputs) => inputs.reduce((m, ic) => m | (1 << ic), 0));
}

function groupedSection(name: string, channels: number, offset: number): Section {
  return {
    name,
    count: channelGroups(channels),
    body: `int g = local;\n    ${lanes((k) => [`4 * g + ${k} < ${channels}`, `${offset} + 4 * g + ${k}`])}`,
  };
}

function convSections(layer: ConvLayerSpec, layout: ParameterLayout): Section[] {
  const weight = tensorSpec(layout, `${layer.id}.weight`).offset;
  const [IC] = layer.inShape;
  const [OC] = layer.shape;
  const KK = layer.kernelSize ** 2;
  const OG = channelGroups(OC),
    IG = channelGroups(IC);
  const bias = groupedSection(`${layer.id}.bias`, OC, tensorSpec(layout, `${layer.id}.bias`).offset);
  if (IC === 1) {
    return [
      {
        name: `${layer.id}.weight`,
        count: OG * KK,
        body: `int og = local / ${KK}, tap = local % ${KK};
    ${lanes((k) => [`4 * og + ${k} < ${OC}`, `${weight} + (4 * og + ${k}) * ${KK} + tap`])}`,
      },
      bias,
    ];
  }
  const masks = connectionMasks(layer);
  return [
    {
      name: `${layer.id}.weight`,
      count: OG * IG * KK * 4,
      body: `const int MASK[${OC}] = int[${OC}](${masks.join(', ')});
    int j = local & 3, m = local >> 2, tap = m % ${KK}, ig = (m / ${KK}) % ${IG}, og = m / ${KK * IG};
    int ic = 4 * ig + j;
    ${lanes((k) => [
      `(4 * og + ${k} < ${OC} && ic < ${IC} && ((MASK[min(4 * og + ${k}, ${OC - 1})] >> ic) & 1) == 1)`,
      `${weight} + ((4 * og + ${k}) * ${IC} + ic) * ${KK} + tap`,
    ])}`,
    },
    bias,
  ];
}

function sectionsOf(layer: LayerSpec, below: LayerSpec, layout: ParameterLayout): Section[] {
  if (layer.kind === 'conv') return convSections(layer, layout);
  if (layer.kind === 'pool' && layer.pooling === 'subsample') {
    const [C] = layer.shape;
    return [
      groupedSection(`${layer.id}.coeff`, C, tensorSpec(layout, `${layer.id}.coeff`).offset),
      groupedSection(`${layer.id}.bias`, C, tensorSpec(layout, `${layer.id}.bias`).offset),
    ];
  }
  if (layer.kind === 'dense') {
    const O = layer.shape[0],
      OG = channelGroups(O),
      T = inputTexels(below),
      IN = layer.inFeatures;
    const weight = tensorSpec(layout, `${layer.id}.weight`).offset;
    const [C, H, W] = below.shape;
    // Feature of input lane j of texel t, and whether it exists.
    const feature = isDense(below)
      ? 'int f = 4 * t + j; bool real = f < IN;'
      : `int c = 4 * (t / ${H * W}) + j, f = c * ${H * W} + t % ${H * W}; bool real = c < ${C};`;
    return [
      {
        name: `${layer.id}.weight`,
        count: OG * T * 4,
        body: `const int IN = ${IN};
    int j = local & 3, m = local >> 2, t = m % ${T}, og = m / ${T};
    ${feature}
    ${lanes((k) => [`(real && 4 * og + ${k} < ${O})`, `${weight} + (4 * og + ${k}) * IN + f`])}`,
      },
      groupedSection(`${layer.id}.bias`, O, tensorSpec(layout, `${layer.id}.bias`).offset),
    ];
  }
  return [];
}

/** The packed weight atlas of a network and the kernel that rebuilds it from the parameter atlas. */
export function packedWeights(layers: readonly LayerSpec[], layout: ParameterLayout): PackedWeights {
  const sections = layers.flatMap((layer, l) => (l === 0 ? [] : sectionsOf(layer, layers[l - 1], layout)));
  const offsets = new Map<string, number>();
  let size = 0;
  const branches = sections.map((s) => {
    offsets.set(s.name, size);
    const branch = `if (t < ${size + s.count}) {\n    int local = t - ${size};\n    ${s.body}\n  }`;
    size += s.count;
    return branch;
  });
  return {
    offsets,
    size,
    kernel: {
      name: 'packWeights',
      samplers: ['params'],
      outputs: 1,
      vectorOutputs: true,
      main: `
  int t = p.y * ${ATLAS_WIDTH} + p.x;
  vec4 v = vec4(0.0);
  ${branches.join(' else ')}
  out0 = v;`,
    },
  };
}
