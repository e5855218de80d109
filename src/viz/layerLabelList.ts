/**
 * The labels of the 3D view and the points they hang from: each layer's name and description left of its
 * plane's left edge (both ends of it), and each digit over its output node (above the top edge of an upright tile).
 */
import type { TFunction } from 'i18next';
import type { LayerSpec } from '../engine/model/layerSpec';
import { describeLayer } from './layerDescription';
import type { LayerLayout, NetworkLayout, Vec3 } from './layout/networkLayout';

/** A label and the points it hangs from. */
export interface Label {
  readonly key: string;
  readonly anchors: readonly Vec3[];
  readonly className: 'layer-label' | 'digit-label';
  readonly title: string;
  readonly detail: string | null;
}

/** Where digit `digit`'s label hangs: a little above its upright tile's top edge, or beyond a lying tile's far edge. */
export function digitAnchor(output: LayerLayout, digit: number): Vec3 {
  const [x, y, z] = [0, 1, 2].map((k) => output.positions[3 * digit + k]);
  return output.upright ? [x, y + 0.6 * output.nodeSize, z] : [x, y, z - 1.4 * output.nodeSize];
}

/** Every label of the view: the layers' (described in the viz namespace's words, `t`), then the ten digits'. */
export function layerLabelList(layout: NetworkLayout, layers: readonly LayerSpec[], t: TFunction<'viz'>): Label[] {
  const output = layout.layers[layout.layers.length - 1];
  return [
    ...layout.layers.map((layer, l): Label => {
      const { min, max } = layer.bounds;
      const y = layer.positions[1];
      return {
        key: layer.id,
        anchors: [
          [min[0], y, min[2]],
          [min[0], y, max[2]],
        ],
        className: 'layer-label',
        title: layer.id,
        detail: describeLayer(t, layers[l]),
      };
    }),
    ...Array.from({ length: output.count }, (_, digit): Label => ({
      key: `digit-${digit}`,
      className: 'digit-label',
      title: String(digit),
      detail: null,
      anchors: [digitAnchor(output, digit)],
    })),
  ];
}
