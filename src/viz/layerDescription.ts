/** How a layer is named beside its plane and in the tooltip: its kind, activation and shape, in the language shown. */
import type { TFunction } from 'i18next';
import type { LayerSpec } from '../engine/model/layerSpec';

/** A layer in a few words, e.g. "conv 5x5 + relu, 16@10x10" or "fully connected, 84 units" (`t`: the viz namespace's). */
export function describeLayer(t: TFunction<'viz'>, layer: LayerSpec): string {
  const [c, h, w] = layer.shape;
  const shape = `${c}@${h}x${w}`;
  switch (layer.kind) {
    case 'dense':
      return t('layer.dense', { units: c });
    case 'pool':
      return t(`layer.pool.${layer.pooling}`, { shape });
    case 'conv':
      return t('layer.conv', { size: layer.kernelSize, activation: layer.activation, shape });
    case 'input':
      return t('layer.input', { shape });
    default: {
      const never: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(never)}`);
    }
  }
}
