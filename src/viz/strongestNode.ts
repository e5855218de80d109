/** The node of a layer that stands out most in the frame shown (a chapter's or the "pin the most active" choice). */
import type { LayerSpec } from '../engine/model/layerSpec';
import { nodeRef, type NodeRef } from '../engine/model/nodeRef';
import { frameHolder } from '../store/frameHolder';

/**
 * The node of `layerId` with the largest activation, or in the backward view the largest |δ| (dL/dz where the
 * layer has it, else dL/d(output)); ties go to the first in [c][y][x] order. Null before anything is read.
 */
export function strongestNode(layers: readonly LayerSpec[], layerId: string, backward: boolean): NodeRef | null {
  const l = layers.findIndex((layer) => layer.id === layerId);
  const frame = backward ? frameHolder.backward : frameHolder.frame;
  const part = frame?.layers[l];
  if (l < 0 || !frame || !part) return null;
  const [offset, count] = backward && part.pre ? part.pre : part.out;
  const score = (i: number) => (backward ? Math.abs(frame.values[offset + i]) : frame.values[offset + i]);
  let best = 0;
  for (let i = 1; i < count; i++) if (score(i) > score(best)) best = i;
  return nodeRef(layers[l], best);
}
