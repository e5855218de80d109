/**
 * Which nodes to mark for a focused node: its direct sources one layer down (with the max-pooling
 * winner), or in trace mode its whole receptive field down to the input.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { LayerSpec } from '../engine/model/layerSpec';
import { directSources, receptiveField, type SourceNode } from './layout/fanIn';
import type { NodeRef } from '../engine/model/nodeRef';

/** A marked node; `winner` on a max-pooling window's largest cell. */
export type HighlightedNode = NodeRef & { readonly winner?: true };

/** The winners of a max-pooling layer in the frame, or null. */
export function frameArgmax(frame: ActivationFrame | null, layerId: string): Float32Array | null {
  const range = frame?.layers.find((l) => l.id === layerId)?.argmax;
  return frame && range ? frame.values.subarray(range[0], range[0] + range[1]) : null;
}

/** The direct sources of `focus` (weight indices kept for edge colours). */
export function focusSources(
  layers: readonly LayerSpec[],
  focus: NodeRef,
  frame: ActivationFrame | null,
): SourceNode[] {
  return directSources(layers, focus, frameArgmax(frame, focus.layer));
}

/** The nodes marked for `focus` in `mode`. */
export function highlightedNodes(
  layers: readonly LayerSpec[],
  focus: NodeRef | null,
  mode: 'direct' | 'full',
  frame: ActivationFrame | null,
): HighlightedNode[] {
  if (!focus) return [];
  const direct = focusSources(layers, focus, frame).map(({ layer, c, y, x, winner }): HighlightedNode =>
    winner ? { layer, c, y, x, winner } : { layer, c, y, x },
  );
  if (mode === 'direct') return direct;
  const winners = new Set(direct.filter((n) => n.winner).map((n) => `${n.layer}:${n.c}:${n.y}:${n.x}`));
  return receptiveField(layers, focus).flatMap((field) =>
    field.nodes.map((n): HighlightedNode =>
      winners.has(`${n.layer}:${n.c}:${n.y}:${n.x}`) ? { ...n, winner: true } : { ...n },
    ),
  );
}
