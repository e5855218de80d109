import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { presetFlight } from '../../src/viz/cameraPresets';
import { networkLayout, type LayerLayout, type NetworkLayout, type Vec3 } from '../../src/viz/layout/networkLayout';
import { nodeAt, pickNode, uprightNodeAt } from '../../src/viz/layout/nodePicking';

const layout = networkLayout(lenet5Layers());
const centre = (layer: LayerLayout, i: number): Vec3 => [
  layer.positions[3 * i],
  layer.positions[3 * i + 1],
  layer.positions[3 * i + 2],
];
const towards = (from: readonly number[], to: Vec3): Vec3 => [to[0] - from[0], to[1] - from[1], to[2] - from[2]];

/** Nodes of `net` that the ray from `eye` through their own centre does not pick, as "layer:index". */
function missed(net: NetworkLayout, eye: Vec3): string[] {
  const misses: string[] = [];
  net.layers.forEach((layer, l) => {
    for (let i = 0; i < layer.count; i++) {
      const hit = pickNode(net, eye, towards(eye, centre(layer, i)));
      if (hit?.layer !== l || hit.index !== i) misses.push(`${layer.id}:${i}`);
    }
  });
  return misses;
}

describe('nodeAt', () => {
  it('finds every node at its own centre, in its tile and in its cell', () => {
    for (const layer of layout.layers) {
      for (let i = 0; i < layer.count; i++) {
        const [x, , z] = centre(layer, i);
        const inTile = 0.45 * layer.nodeSize;
        const inCell = 0.49 * layer.pitch;
        expect(nodeAt(layer, x, z, true)).toBe(i);
        expect(nodeAt(layer, x + inTile, z - inTile, true)).toBe(i);
        expect(nodeAt(layer, x - inCell, z + inCell, false)).toBe(i);
      }
    }
  });

  it('tells the gap round a tile (a cell but no tile) from the gap between maps (nothing)', () => {
    const c1 = layout.layers[1];
    const [x, , z] = centre(c1, 0);
    const between = x + 0.47 * c1.pitch; // past the tile's edge (0.44 pitch), short of the cell's (0.5)
    expect(nodeAt(c1, between, z, true)).toBe(-1);
    expect(nodeAt(c1, between, z, false)).toBe(0);
    const mapEdge = c1.mapGrid.left + c1.mapSize[0];
    expect(nodeAt(c1, mapEdge + c1.mapGrid.gap / 2, z, false)).toBe(-1);
    expect(nodeAt(c1, c1.bounds.min[0] - 1, z, false)).toBe(-1);
    expect(nodeAt(c1, x, c1.bounds.max[2] + 1, false)).toBe(-1);
  });

  it('finds nothing in the empty grid cells past the last unit of a dense layer', () => {
    const f6 = layout.layers[6];
    expect(f6.mapGrid.columns * f6.mapGrid.rows).toBeGreaterThanOrEqual(f6.count);
    const last = centre(f6, f6.count - 1);
    expect(nodeAt(f6, last[0], last[2], true)).toBe(f6.count - 1);
  });
});

describe('pickNode', () => {
  it('picks every node through its own centre from each camera preset at three canvas sizes', () => {
    for (const size of [
      { width: 740, height: 529 },
      { width: 820, height: 560 },
      { width: 390, height: 340 },
    ]) {
      for (const preset of ['overview', 'front']) {
        const eye = presetFlight(layout, preset, size).position as Vec3;
        expect(missed(layout, eye), `${preset} at ${size.width}x${size.height}`).toEqual([]);
      }
    }
  });

  it('picks every node of a layer through its centre from any side, above or below', () => {
    for (const layer of layout.layers) {
      const alone: NetworkLayout = { layers: [layer], bounds: layer.bounds };
      for (const eye of [
        [0, 300, 0],
        [250, 120, 180],
        [-200, -150, 90],
        [40, 60, -260],
      ] as Vec3[]) {
        expect(missed(alone, [eye[0], layer.positions[1] + eye[1], eye[2]]), `${layer.id} from ${eye}`).toEqual([]);
      }
    }
  });

  it('takes the nearest tile on the ray, and a cell only where the ray meets no tile', () => {
    const [c3, s4] = [layout.layers[3], layout.layers[4]];
    // Straight down through an s4 node: the c3 tiles under it are farther, so s4 wins.
    const [x, y, z] = centre(s4, 0);
    expect(pickNode(layout, [x, y + 50, z], [0, -1, 0])).toMatchObject({ layer: 4, index: 0, distance: 50 });
    // Straight down through the gap at the right of that s4 tile, onto c3 node (row 0, column 1) of its window:
    // the c3 tile below wins over the s4 cell above; with c3 gone, the s4 cell is picked.
    const [gapX, gapZ] = [x + 0.455 * s4.pitch, z - 0.25 * s4.pitch];
    expect(pickNode(layout, [gapX, y + 50, gapZ], [0, -1, 0])).toMatchObject({ layer: 3, index: 1 });
    expect(nodeAt(c3, gapX, gapZ, true)).toBe(1);
    const withoutC3: NetworkLayout = { layers: layout.layers.filter((l) => l !== c3), bounds: layout.bounds };
    expect(pickNode(withoutC3, [gapX, y + 50, gapZ], [0, -1, 0])).toMatchObject({
      layer: withoutC3.layers.indexOf(s4),
      index: 0,
    });
  });

  it('picks an output through any point of its upright tile, from the front, and not through the gap beside it', () => {
    const output = layout.layers[7];
    const half = output.nodeSize / 2;
    for (let i = 0; i < output.count; i++) {
      const [x, y, z] = centre(output, i);
      expect(uprightNodeAt(output, x + 0.95 * half, y - 0.95 * half)).toBe(i);
      const corner: Vec3 = [x - 0.9 * half, y + 0.9 * half, z];
      const eye: Vec3 = [corner[0] + 20, corner[1] + 15, corner[2] + 200];
      expect(pickNode(layout, eye, towards(eye, corner))).toMatchObject({ layer: 7, index: i });
    }
    // Between two tiles, level with their middles, well above the plane's cells: nothing of the outputs.
    const [x0, y0, z0] = centre(output, 0);
    const gap: Vec3 = [x0 + output.pitch / 2, y0 + 0.45 * output.nodeSize, z0];
    expect(uprightNodeAt(output, gap[0], gap[1])).toBe(-1);
    const hit = pickNode(layout, [gap[0], gap[1], 300], [0, 0, -1]);
    expect(hit?.layer === 7).toBe(false);
  });

  it('picks nothing looking away from the network or along a plane', () => {
    const top = layout.bounds.max[1];
    expect(pickNode(layout, [0, top + 10, 0], [0, 1, 0])).toBeNull();
    expect(pickNode(layout, [0, top + 10, 0], [0, 0, 0])).toBeNull();
    expect(pickNode(layout, [0, layout.layers[2].positions[1] + 1, 0], [1, 0, 0])).toBeNull();
    expect(pickNode(layout, [1000, 50, 1000], [0, -1, 0])).toBeNull();
  });
});
