/**
 * Nodes drawn as flat square tiles in one plain (non-instanced) geometry per layer: 4 vertices and 2
 * triangles a node, node i's vertices at 4i .. 4i+3. Software renderers (SwiftShader) pay several
 * microseconds per instance of an instanced draw, so 9,118 instances cost ~65 ms a frame where the
 * same tiles as one merged geometry cost ~5 ms (measured in headless Chromium, docs/benchmarks.md).
 */
import { BufferAttribute, BufferGeometry } from 'three';

/** The corners of a unit tile lying in the plane y = const, counter-clockwise seen from above. */
const CORNERS = [
  [-0.5, -0.5],
  [-0.5, 0.5],
  [0.5, 0.5],
  [0.5, -0.5],
] as const;

/**
 * Writes the 4 corners of a tile of edge `size` centred on (x, y, z) as node `slot` of `positions`: lying in the
 * plane y = const, or `upright` in the plane z = const (facing +z; the outputs, networkLayout.ts).
 */
export function writeTile(
  positions: Float32Array,
  slot: number,
  x: number,
  y: number,
  z: number,
  size: number,
  upright = false,
): void {
  for (let k = 0; k < 4; k++) {
    const o = 12 * slot + 3 * k;
    positions[o] = x + CORNERS[k][0] * size;
    positions[o + 1] = upright ? y - CORNERS[k][1] * size : y;
    positions[o + 2] = upright ? z : z + CORNERS[k][1] * size;
  }
}

/** Triangle indices for `count` tiles (two triangles each). */
export function tileIndices(count: number): BufferAttribute {
  const index = count * 4 > 65535 ? new Uint32Array(count * 6) : new Uint16Array(count * 6);
  for (let i = 0; i < count; i++) index.set([4 * i, 4 * i + 1, 4 * i + 2, 4 * i, 4 * i + 2, 4 * i + 3], 6 * i);
  return new BufferAttribute(index, 1);
}

/** A geometry of `capacity` tiles with position and colour attributes (the colours start black). */
export function tileGeometry(capacity: number): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(capacity * 12), 3));
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(capacity * 12), 3));
  geometry.setIndex(tileIndices(capacity));
  return geometry;
}

/** The tiles of a layer's nodes, centred on `positions` (x, y, z of node i at 3i), each `size` wide, maybe `upright`. */
export function layerTileGeometry(positions: Float32Array, size: number, upright = false): BufferGeometry {
  const count = positions.length / 3;
  const geometry = tileGeometry(count);
  const corners = geometry.getAttribute('position').array as Float32Array;
  for (let i = 0; i < count; i++)
    writeTile(corners, i, positions[3 * i], positions[3 * i + 1], positions[3 * i + 2], size, upright);
  geometry.computeBoundingSphere();
  return geometry;
}

/** Writes the RGB colour (r, g, b) to the 4 vertices of tile `slot` of a tile colour array. */
export function paintTile(colours: Float32Array, slot: number, r: number, g: number, b: number): void {
  for (let o = 12 * slot, end = o + 12; o < end; o += 3) {
    colours[o] = r;
    colours[o + 1] = g;
    colours[o + 2] = b;
  }
}

/** Spreads one RGB colour per node (`nodeColours`, 3 a node) to the 4 vertices of each node's tile. */
export function spreadColours(nodeColours: Float32Array, tileColours: Float32Array): void {
  const count = nodeColours.length / 3;
  for (let i = 0; i < count; i++)
    paintTile(tileColours, i, nodeColours[3 * i], nodeColours[3 * i + 1], nodeColours[3 * i + 2]);
}
