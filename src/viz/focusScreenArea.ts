/**
 * What a tooltip must leave visible on the canvas for a focused node, as weighted screen rectangles: the node's tile
 * (weight FOCUS_WEIGHT), the window of its direct sources in each map they lie in (SOURCE_WEIGHT), and those whole
 * maps (MAP_WEIGHT; a dense layer below counts as one map). Map and window extents come from their corner nodes
 * projected with the camera the scene last rendered with (nodeScreenPosition.ts).
 */
import type { LayerSpec } from '../engine/model/layerSpec';
import type { NodeRef } from '../engine/model/nodeRef';
import { directSources } from './layout/fanIn';
import { nodeScreenRect, type ScreenRect } from './nodeScreenPosition';

/** A screen rectangle to keep clear, and how much covering a pixel of it costs. */
export interface KeepClear {
  readonly rect: ScreenRect;
  readonly weight: number;
}

/** Weights of covering the focused node, its sources and the maps they lie in (per pixel). */
export const FOCUS_WEIGHT = 100;
export const SOURCE_WEIGHT = 10;
export const MAP_WEIGHT = 1;

/** Pixels added round every rectangle (the tiles' outlines and marks reach a little beyond them). */
const PAD = 4;

function union(rects: readonly (ScreenRect | null)[]): ScreenRect | null {
  const shown = rects.filter((r): r is ScreenRect => r !== null);
  if (shown.length === 0) return null;
  return {
    left: Math.min(...shown.map((r) => r.left)) - PAD,
    top: Math.min(...shown.map((r) => r.top)) - PAD,
    right: Math.max(...shown.map((r) => r.right)) + PAD,
    bottom: Math.max(...shown.map((r) => r.bottom)) + PAD,
  };
}

/** The box round the nodes of map `c` of `layer` in rows y0..y1 and columns x0..x1, from its four corner nodes. */
function block(layers: readonly LayerSpec[], layer: string, c: number, [y0, y1, x0, x1]: number[]): ScreenRect | null {
  return union(
    [
      [y0, x0],
      [y0, x1],
      [y1, x0],
      [y1, x1],
    ].map(([y, x]) => nodeScreenRect(layers, { layer, c, y, x })),
  );
}

/** The rectangles to keep clear for `focus` (see the header); empty before anything has rendered. */
export function focusKeepClear(layers: readonly LayerSpec[], focus: NodeRef): KeepClear[] {
  const own = union([nodeScreenRect(layers, focus)]);
  const result: KeepClear[] = own ? [{ rect: own, weight: FOCUS_WEIGHT }] : [];
  const sources = directSources(layers, focus);
  if (sources.length === 0) return result;
  const below = layers.find((layer) => layer.id === sources[0].layer)!;
  const [, height, width] = below.shape;
  if (height * width === 1) {
    const all = union(sources.map((s) => nodeScreenRect(layers, s)));
    return all ? [...result, { rect: all, weight: SOURCE_WEIGHT }] : result;
  }
  const windows = new Map<number, number[]>(); // map -> [y0, y1, x0, x1] of its sources
  for (const s of sources) {
    const w = windows.get(s.c) ?? [s.y, s.y, s.x, s.x];
    windows.set(s.c, [Math.min(w[0], s.y), Math.max(w[1], s.y), Math.min(w[2], s.x), Math.max(w[3], s.x)]);
  }
  for (const [c, extent] of windows) {
    const window = block(layers, below.id, c, extent);
    const map = block(layers, below.id, c, [0, height - 1, 0, width - 1]);
    if (window) result.push({ rect: window, weight: SOURCE_WEIGHT });
    if (map) result.push({ rect: map, weight: MAP_WEIGHT });
  }
  return result;
}
