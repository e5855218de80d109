/** What the tooltip and the live region say about a node: where it is and how its value was computed, in the language shown. */
import type { TFunction } from 'i18next';
import type { LayerSpec } from '../../engine/model/layerSpec';
import type { NodeRef } from '../../engine/model/nodeRef';
import { formatFixed } from '../../i18n/format';
import type { Language } from '../../i18n/catalog';

/** The view namespace's `t`. */
type ViewT = TFunction<'view'>;

/** How the focused node's value was computed, in words. */
export function computationOf(t: ViewT, layer: LayerSpec, focus: NodeRef): string {
  switch (layer.kind) {
    case 'input':
      return t('computation.input');
    case 'conv': {
      const maps = layer.connections[focus.c];
      if (layer.learnedCombinations)
        return t('computation.convLearned', {
          size: layer.kernelSize,
          maps: `{${maps.join(',')}}`,
          activation: layer.activation,
        });
      return t('computation.conv', {
        count: maps.length,
        size: layer.kernelSize,
        maps: `{${maps.join(',')}}`,
        activation: layer.activation,
      });
    }
    case 'pool':
      return layer.pooling === 'subsample'
        ? t('computation.subsample', { activation: layer.activation })
        : t(`computation.${layer.pooling}`);
    case 'dense':
      return layer.activation === 'softmax'
        ? t('computation.logit', { inputs: layer.inFeatures })
        : t('computation.dense', { inputs: layer.inFeatures, activation: layer.activation });
    default: {
      const never: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(never)}`);
    }
  }
}

/** Where the node sits: "unit 40", or "map 2, row 5, column 7". */
export function placeOf(t: ViewT, layer: LayerSpec, focus: NodeRef): string {
  return layer.kind === 'dense'
    ? t('node.unit', { unit: focus.c })
    : t('node.cell', { map: focus.c, row: focus.y, column: focus.x });
}

/** The tooltip's one-line summary, also announced to screen readers: layer, place, value and computation. */
export function summaryOf(
  t: ViewT,
  language: Language,
  layer: LayerSpec,
  focus: NodeRef,
  value: number | null,
): string {
  const words = { layer: focus.layer, where: placeOf(t, layer, focus), computation: computationOf(t, layer, focus) };
  return value === null
    ? t('node.summaryNotComputed', words)
    : t('node.summary', { ...words, value: formatFixed(language, value, 4) });
}
