/** How a layer is named beside its plane and in the tooltip: its kind, activation and shape. */
import type { LayerSpec } from '../engine/model/layerSpec';

/** A layer in a few words, e.g. "conv 5x5 + relu, 16@10x10" or "fully connected, 84 units". */
export function describeLayer(layer: LayerSpec): string {
  const [c, h, w] = layer.shape;
  if (layer.kind === 'dense') return `fully connected, ${c} units`;
  if (layer.kind === 'pool') return `${layer.pooling} pooling 2x2, ${c}@${h}x${w}`;
  if (layer.kind === 'conv')
    return `conv ${layer.kernelSize}x${layer.kernelSize} + ${layer.activation}, ${c}@${h}x${w}`;
  return `${c}@${h}x${w} pixels`;
}
