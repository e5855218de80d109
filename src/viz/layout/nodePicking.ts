/**
 * Which node a ray from the camera points at, from the layout's arithmetic alone: the ray meets each
 * layer's plane y = const at one point, and the layer's map grid (networkLayout.ts) says which tile
 * holds it. O(layers) per pointer event, where testing every instance's triangles costs O(nodes).
 *
 * The nearest tile along the ray wins (tiles are opaque, so that is the one in sight). A ray through
 * no tile but through a cell of a map (the thin gap around a tile) picks that cell's node, so the
 * focus does not flicker off between neighbouring tiles. The outputs' upright tiles (networkLayout.ts) stand in the
 * plane z = const: the ray meets that plane for the tile, and the layer's plane y = const for the cell.
 */
import type { LayerLayout, NetworkLayout, Vec3 } from './networkLayout';

/** A node hit by a ray: layer index, node index (flat [c][y][x]) and distance along the ray. */
export interface PickedNode {
  readonly layer: number;
  readonly index: number;
  readonly distance: number;
}

/** The node of `layer` whose cell (or, when `tileOnly`, whose tile) holds the point (x, z) of its plane, or -1. */
export function nodeAt(layer: LayerLayout, x: number, z: number, tileOnly: boolean): number {
  const [channels, height, width] = layer.shape;
  const { columns, rows, gap, left, back } = layer.mapGrid;
  const [mapWidth, mapDepth] = layer.mapSize;
  const u = x - left;
  const v = z - back;
  const column = Math.floor(u / (mapWidth + gap));
  const row = Math.floor(v / (mapDepth + gap));
  if (column < 0 || column >= columns || row < 0 || row >= rows) return -1;
  const inX = u - column * (mapWidth + gap);
  const inZ = v - row * (mapDepth + gap);
  const map = row * columns + column;
  if (inX > mapWidth || inZ > mapDepth || map >= channels) return -1;
  const cellX = Math.min(width - 1, Math.floor(inX / layer.pitch));
  const cellY = Math.min(height - 1, Math.floor(inZ / layer.pitch));
  const index = (map * height + cellY) * width + cellX;
  if (!tileOnly) return index;
  const half = layer.nodeSize / 2;
  const p = layer.positions;
  return Math.abs(x - p[3 * index]) <= half && Math.abs(z - p[3 * index + 2]) <= half ? index : -1;
}

/** The node of an upright layer whose tile holds the point (x, y) of its plane z = const, or -1. */
export function uprightNodeAt(layer: LayerLayout, x: number, y: number): number {
  const index = nodeAt(layer, x, layer.positions[2], false);
  if (index < 0) return -1;
  const half = layer.nodeSize / 2;
  const p = layer.positions;
  return Math.abs(x - p[3 * index]) <= half && Math.abs(y - p[3 * index + 1]) <= half ? index : -1;
}

/** Where the ray meets an upright layer's plane z = const, as a tile hit, or null. */
function uprightHit(layer: LayerLayout, l: number, origin: Vec3, [dx, dy, dz]: Vec3): PickedNode | null {
  if (Math.abs(dz) < 1e-12) return null;
  const distance = (layer.positions[2] - origin[2]) / dz;
  if (!(distance > 0)) return null;
  const index = uprightNodeAt(layer, origin[0] + dx * distance, origin[1] + dy * distance);
  return index >= 0 ? { layer: l, index, distance } : null;
}

/** The node the ray from `origin` along `direction` points at (see the header), or null. */
export function pickNode(layout: NetworkLayout, origin: Vec3, direction: Vec3): PickedNode | null {
  const length = Math.hypot(...direction);
  if (!(length > 0)) return null;
  const [dx, dy, dz] = direction.map((d) => d / length);
  let tile: PickedNode | null = null;
  let cell: PickedNode | null = null;
  layout.layers.forEach((layer, l) => {
    if (layer.upright) {
      const hit = uprightHit(layer, l, origin, [dx, dy, dz]);
      if (hit && (!tile || hit.distance < tile.distance)) tile = hit;
    }
    const planeY = layer.positions[1];
    if (Math.abs(dy) < 1e-12) return;
    const distance = (planeY - origin[1]) / dy;
    if (!(distance > 0)) return;
    const x = origin[0] + dx * distance;
    const z = origin[2] + dz * distance;
    if (!layer.upright && (!tile || distance < tile.distance)) {
      const index = nodeAt(layer, x, z, true);
      if (index >= 0) tile = { layer: l, index, distance };
    }
    if (!cell || distance < cell.distance) {
      const index = nodeAt(layer, x, z, false);
      if (index >= 0) cell = { layer: l, index, distance };
    }
  });
  return tile ?? cell;
}
