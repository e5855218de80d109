/** Which node the close-up shows: the pinned node of a conv, pooling or dense layer of the network shown. */
import type { ComputeLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';

/** The layer (and its index) of the pinned node when it has a close-up, else null (nothing pinned, an input pixel, a stale focus). */
export function closeupLayer(
  layers: readonly LayerSpec[],
  focus: NodeRef | null,
  pinned: boolean,
): { layer: ComputeLayerSpec; index: number } | null {
  if (!focus || !pinned) return null;
  const index = layers.findIndex((l) => l.id === focus.layer);
  const layer = layers[index];
  if (!layer || layer.kind === 'input') return null;
  try {
    nodeIndex(layer, focus);
  } catch {
    return null;
  }
  return { layer, index };
}
