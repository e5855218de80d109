/**
 * Moving the focused node with the keyboard, over the layer specs alone, so that each key moves the way
 * the picture looks from the default camera (see layout/networkLayout.ts).
 *
 * Within a layer, a node's plane cell is where it sits in its layer's plane counted in nodes: the maps
 * (dense units: 1x1 maps) lie in a grid of mapColumns(C) columns (dense: DENSE_COLUMNS), map m at grid
 * row floor(m / columns), column m % columns, so node (c, y, x) of an H x W map is at
 *   column = (c % columns) W + x,   row = floor(c / columns) H + y,
 * row 0 at the far edge, drawn at the top. Arrow keys step one cell (Shift: one map) and continue into
 * the neighbouring map; at the plane's edge, or toward a missing map of an incomplete grid row, they stay.
 *
 * Between layers (Page Up: toward the output, Page Down: toward the input):
 * - down from a conv node: the centre of its kernel window, (y + floor(k/2), x + floor(k/2)), in the map
 *   it reads nearest to its own relative place among the maps (c3 map m: of the s2 maps in its
 *   connections, the one nearest (m + 1/2) 6/16 - 1/2), so Page Down lands on a node the focused one reads;
 *   up to a conv node: the inverse, (y - floor(k/2), x - floor(k/2)) clamped, in the map that comes back
 *   down to this one (the nearest to the relative place when several do);
 * - down from a pool node: the top-left cell of its 2x2 window (2y, 2x) in the same map; up: (y/2, x/2);
 * - to or from a dense layer: the cell at the same relative place in the other layer's plane (cell centres
 *   scaled by the ratio of the planes' sizes), one row nearer the far edge when that cell has no node.
 * So Page Down and back up returns to the node started from, except where several maps come down onto
 * one (c1's 6 onto the input, c3's 16 onto s2's 6); Page Up and back down does where the layer above is
 * no coarser (not from a pool window's other three cells) and no clamp at a map's edge intervenes.
 */
import type { LayerSpec } from '../engine/model/layerSpec';
import { DENSE_COLUMNS, mapColumns } from './layout/networkLayout';
import { nodeIndex, nodeRef, type NodeRef } from '../engine/model/nodeRef';

/** A key that moves the focused node. */
export type NavigationKey =
  'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

const NAVIGATION_KEYS: readonly string[] = [
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
];

/** Whether `key` (a KeyboardEvent's `key`) moves the focused node. */
export function isNavigationKey(key: string): key is NavigationKey {
  return NAVIGATION_KEYS.includes(key);
}

/** Where a node sits in its layer's plane, counted in nodes: `column` from the left, `row` from the far edge. */
export interface PlaneCell {
  readonly column: number;
  readonly row: number;
}

/** How many maps (dense: units) a layer's plane lays side by side. */
function mapsAcross(spec: LayerSpec): number {
  return spec.kind === 'dense' ? Math.min(spec.shape[0], DENSE_COLUMNS) : mapColumns(spec.shape[0]);
}

/** The size of a layer's plane in node cells, missing maps of an incomplete last grid row included. */
export function planeSize(spec: LayerSpec): { readonly columns: number; readonly rows: number } {
  const [channels, height, width] = spec.shape;
  const across = mapsAcross(spec);
  return { columns: across * width, rows: Math.ceil(channels / across) * height };
}

/** The plane cell of node `ref` of `spec`. */
export function planeCell(spec: LayerSpec, ref: NodeRef): PlaneCell {
  const [, height, width] = spec.shape;
  const across = mapsAcross(spec);
  return { column: (ref.c % across) * width + ref.x, row: Math.floor(ref.c / across) * height + ref.y };
}

/** The node at plane cell `cell` of `spec`, or null outside the plane or on a missing map. */
export function nodeAtCell(spec: LayerSpec, cell: PlaneCell): NodeRef | null {
  const [channels, height, width] = spec.shape;
  const { columns, rows } = planeSize(spec);
  if (cell.column < 0 || cell.row < 0 || cell.column >= columns || cell.row >= rows) return null;
  const c = Math.floor(cell.row / height) * mapsAcross(spec) + Math.floor(cell.column / width);
  return c < channels ? { layer: spec.id, c, y: cell.row % height, x: cell.column % width } : null;
}

/** The node the keyboard focuses first: the centre of the first layer (the input). */
export function startNode(layers: readonly LayerSpec[]): NodeRef {
  const [channels, height, width] = layers[0].shape;
  return {
    layer: layers[0].id,
    c: Math.floor((channels - 1) / 2),
    y: Math.floor(height / 2),
    x: Math.floor(width / 2),
  };
}

/** `focus` when it names a node of `layers`, otherwise null (e.g. a node of a run shown before). */
export function validFocus(layers: readonly LayerSpec[], focus: NodeRef | null): NodeRef | null {
  const spec = focus && layers.find((layer) => layer.id === focus.layer);
  if (!focus || !spec) return null;
  try {
    nodeIndex(spec, focus);
    return focus;
  } catch {
    return null;
  }
}

/** The node `key` moves to from `focus` (no valid focus: the start node); `byMap`: arrows jump a whole map. */
export function moveFocus(
  layers: readonly LayerSpec[],
  focus: NodeRef | null,
  key: NavigationKey,
  byMap = false,
): NodeRef {
  const from = validFocus(layers, focus);
  if (!from || layers.length === 0) return startNode(layers);
  const l = layers.findIndex((layer) => layer.id === from.layer);
  const spec = layers[l];
  const [, height, width] = spec.shape;
  const step = (columns: number, rows: number) => {
    const cell = planeCell(spec, from);
    return nodeAtCell(spec, { column: cell.column + columns, row: cell.row + rows }) ?? from;
  };
  switch (key) {
    case 'ArrowLeft':
      return step(byMap ? -width : -1, 0);
    case 'ArrowRight':
      return step(byMap ? width : 1, 0);
    case 'ArrowUp':
      return step(0, byMap ? -height : -1);
    case 'ArrowDown':
      return step(0, byMap ? height : 1);
    case 'Home':
      return nodeRef(spec, 0);
    case 'End':
      return nodeRef(spec, spec.shape[0] * height * width - 1);
    case 'PageUp':
      return l + 1 < layers.length ? towardOutput(layers[l + 1], spec, from) : from;
    case 'PageDown':
      return l > 0 ? towardInput(spec, layers[l - 1], from) : from;
  }
}

const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));

/** Where index `i` of `from` items falls among `to` items, centre to centre (may lie between two). */
const relativePlace = (i: number, from: number, to: number) => ((i + 0.5) * to) / from - 0.5;

/** Of `candidates` (ascending), the one nearest `place`; the lower on a tie. */
function nearest(candidates: readonly number[], place: number): number {
  return candidates.reduce((best, m) => (Math.abs(m - place) < Math.abs(best - place) ? m : best));
}

/** The map of the layer below that map `map` of conv layer `spec` is moved down to. */
function sourceMap(spec: LayerSpec, map: number, below: number): number {
  const reads = spec.kind === 'conv' ? spec.connections[map].filter((m) => m < below) : [];
  const place = relativePlace(map, spec.shape[0], below);
  return reads.length > 0 ? nearest(reads, place) : clamp(Math.round(place), below);
}

/** The map of conv layer `spec` that map `map` of the layer below is moved up to. */
function readerMap(spec: LayerSpec, map: number, below: number): number {
  const maps = Array.from({ length: spec.shape[0] }, (_, m) => m);
  const back = maps.filter((m) => sourceMap(spec, m, below) === map);
  const readers = spec.kind === 'conv' ? maps.filter((m) => spec.connections[m].includes(map)) : [];
  return nearest(
    back.length > 0 ? back : readers.length > 0 ? readers : maps,
    relativePlace(map, below, spec.shape[0]),
  );
}

/** The cell of `target` at the same relative place in its plane as `ref` in `source`'s. */
function samePlace(source: LayerSpec, target: LayerSpec, ref: NodeRef): NodeRef {
  const from = planeSize(source),
    to = planeSize(target);
  const cell = planeCell(source, ref);
  const column = clamp(Math.floor(((cell.column + 0.5) * to.columns) / from.columns), to.columns);
  for (let row = clamp(Math.floor(((cell.row + 0.5) * to.rows) / from.rows), to.rows); row >= 0; row--) {
    const node = nodeAtCell(target, { column, row });
    if (node) return node;
  }
  return nodeRef(target, 0);
}

/** The node of `below` (the layer under `spec`) that Page Down moves `ref` to. */
function towardInput(spec: LayerSpec, below: LayerSpec, ref: NodeRef): NodeRef {
  if (spec.kind === 'dense' || below.kind === 'dense') return samePlace(spec, below, ref);
  const [channels, height, width] = below.shape;
  if (spec.kind === 'conv') {
    const half = Math.floor(spec.kernelSize / 2);
    return {
      layer: below.id,
      c: sourceMap(spec, ref.c, channels),
      y: clamp(ref.y + half, height),
      x: clamp(ref.x + half, width),
    };
  }
  const ratio = Math.max(1, Math.round(height / spec.shape[1]));
  return {
    layer: below.id,
    c: clamp(ref.c, channels),
    y: clamp(ref.y * ratio, height),
    x: clamp(ref.x * ratio, width),
  };
}

/** The node of `above` (the layer over `spec`) that Page Up moves `ref` to. */
function towardOutput(above: LayerSpec, spec: LayerSpec, ref: NodeRef): NodeRef {
  if (above.kind === 'dense' || spec.kind === 'dense') return samePlace(spec, above, ref);
  const [channels, height, width] = above.shape;
  if (above.kind === 'conv') {
    const half = Math.floor(above.kernelSize / 2);
    return {
      layer: above.id,
      c: readerMap(above, ref.c, spec.shape[0]),
      y: clamp(ref.y - half, height),
      x: clamp(ref.x - half, width),
    };
  }
  const ratio = Math.max(1, Math.round(spec.shape[1] / height));
  return {
    layer: above.id,
    c: clamp(ref.c, channels),
    y: clamp(Math.floor(ref.y / ratio), height),
    x: clamp(Math.floor(ref.x / ratio), width),
  };
}
