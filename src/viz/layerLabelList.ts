/**
 * The labels of the 3D view and the points they hang from: each layer's name and description left of its
 * plane's left edge (both ends of it), and each digit over its output node.
 */
import type { TFunction } from 'i18next';
import type { LayerSpec } from '../engine/model/layerSpec';
import { describeLayer } from './layerDescription';
import type { NetworkLayout, Vec3 } from './layout/networkLayout';

/** A label and the points it hangs from. */
export interface Label {
  readonly key: string;
  readonly anchors: readonly Vec3[];
  readonly className: 'layer-label' | 'digit-label';
  readonly title: string;
  readonly detail: string | null;
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
      anchors: [
        [
          output.positions[3 * digit],
          output.positions[3 * digit + 1],
          output.positions[3 * digit + 2] - output.nodeSize * 1.4,
        ],
      ],
    })),
  ];
}
