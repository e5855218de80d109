import { describe, expect, it } from 'vitest';
import { layerTileGeometry, paintTile, spreadColours, tileIndices, writeTile } from '../../src/viz/nodeTiles';

describe('nodeTiles', () => {
  it('writes a tile as 4 corners in its plane, size wide, round its centre', () => {
    const positions = new Float32Array(24);
    writeTile(positions, 1, 10, 5, -3, 2);
    const corners = Array.from({ length: 4 }, (_, k) => Array.from(positions.subarray(12 + 3 * k, 15 + 3 * k)));
    expect(corners).toEqual([
      [9, 5, -4],
      [9, 5, -2],
      [11, 5, -2],
      [11, 5, -4],
    ]);
    expect(Array.from(positions.subarray(0, 12)).every((v) => v === 0)).toBe(true);
  });

  it('writes an upright tile in the plane z = const, size wide and tall, round its centre', () => {
    const positions = new Float32Array(12);
    writeTile(positions, 0, 10, 5, -3, 2, true);
    const corners = Array.from({ length: 4 }, (_, k) => Array.from(positions.subarray(3 * k, 3 * k + 3)));
    expect(corners.map(([, , z]) => z)).toEqual([-3, -3, -3, -3]);
    expect(new Set(corners.map(([x, y]) => `${x},${y}`))).toEqual(new Set(['9,6', '9,4', '11,4', '11,6']));
  });

  it('indexes two triangles a tile that cover it once, with 16-bit indices while they fit', () => {
    const small = tileIndices(2);
    expect(small.array).toBeInstanceOf(Uint16Array);
    expect(Array.from(small.array)).toEqual([0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7]);
    expect(tileIndices(16384).array).toBeInstanceOf(Uint32Array);
  });

  it('builds a layer geometry of 4 vertices and 6 indices a node, bounded round the nodes', () => {
    const geometry = layerTileGeometry(new Float32Array([0, 0, 0, 4, 0, 0, 0, 0, 4]), 1);
    expect(geometry.getAttribute('position').count).toBe(12);
    expect(geometry.getAttribute('color').count).toBe(12);
    expect(geometry.getIndex()!.count).toBe(18);
    expect(geometry.boundingSphere!.radius).toBeGreaterThan(2);
  });

  it('gives all 4 vertices of a tile its node colour', () => {
    const tiles = new Float32Array(24);
    spreadColours(new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]), tiles);
    for (let v = 0; v < 8; v++) {
      expect(Array.from(tiles.subarray(3 * v, 3 * v + 3))).toEqual(
        v < 4 ? [0.1, 0.2, 0.3].map(Math.fround) : [0.4, 0.5, 0.6].map(Math.fround),
      );
    }
    paintTile(tiles, 0, 1, 1, 1);
    expect(Array.from(tiles.subarray(0, 12)).every((v) => v === 1)).toBe(true);
    expect(tiles[12]).toBeCloseTo(0.4, 6);
  });
});
