import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import {
  DEFAULT_LAYOUT_OPTIONS,
  INPUT_WIDTH_FRACTION,
  networkLayout,
  type LayerLayout,
} from '../../src/viz/layout/networkLayout';
import { nodeIndex, nodeRef } from '../../src/engine/model/nodeRef';

const layers = lenet5Layers();
const layout = networkLayout(layers);
const byId = (id: string): LayerLayout => layout.layers.find((layer) => layer.id === id)!;

function position(layer: LayerLayout, c: number, y: number, x: number): [number, number, number] {
  const i = nodeIndex(layers[layout.layers.indexOf(layer)], { layer: layer.id, c, y, x });
  return [layer.positions[3 * i], layer.positions[3 * i + 1], layer.positions[3 * i + 2]];
}

function distinct(values: Iterable<number>): number {
  return new Set(Array.from(values, (v) => v.toFixed(4))).size;
}

describe('networkLayout of LeNet-5', () => {
  it('places every one of the 9118 neurons, layer by layer', () => {
    expect(layout.layers.map((layer) => layer.id)).toEqual(['input', 'c1', 's2', 'c3', 's4', 'c5', 'f6', 'output']);
    expect(layout.layers.map((layer) => layer.count)).toEqual([1024, 4704, 1176, 1600, 400, 120, 84, 10]);
    expect(layout.layers.reduce((sum, layer) => sum + layer.count, 0)).toBe(9118);
    for (const layer of layout.layers) {
      expect(layer.positions).toHaveLength(3 * layer.count);
      expect(layer.positions.every(Number.isFinite)).toBe(true);
      expect(layer.mapOrigins).toHaveLength(layer.shape[0]);
    }
  });

  it('stacks the layers as planes from the input at y = 0 upward, deep planes further apart', () => {
    const { layerSpacing, depthSpacing } = DEFAULT_LAYOUT_OPTIONS;
    const depth = (layer: LayerLayout) => layer.bounds.max[2] - layer.bounds.min[2] - layer.nodeSize + layer.pitch;
    expect(layout.layers[0].positions[1]).toBe(0);
    layout.layers.forEach((layer, index) => {
      expect(distinct(layer.positions.filter((_, i) => i % 3 === 1))).toBe(1);
      if (index > 0) {
        const below = layout.layers[index - 1];
        expect(layer.positions[1] - below.positions[1]).toBeCloseTo(
          layerSpacing + (depthSpacing * (depth(below) + depth(layer))) / 2,
          4,
        );
        expect(layer.bounds.min[1]).toBeGreaterThan(below.bounds.max[1]);
      }
      for (let a = 0; a < 3; a++) {
        expect(layer.bounds.min[a]).toBeGreaterThanOrEqual(layout.bounds.min[a]);
        expect(layer.bounds.max[a]).toBeLessThanOrEqual(layout.bounds.max[a]);
      }
    });
    expect(networkLayout(layers, { layerSpacing: 10, depthSpacing: 0 }).layers[7].positions[1]).toBe(70);
  });

  it('never lets two nodes of a layer touch (cubes of nodeSize, axis-aligned)', () => {
    for (const layer of layout.layers) {
      const p = layer.positions;
      let closest = Infinity;
      for (let i = 0; i < layer.count; i++) {
        for (let j = i + 1; j < layer.count; j++) {
          closest = Math.min(closest, Math.max(Math.abs(p[3 * i] - p[3 * j]), Math.abs(p[3 * i + 2] - p[3 * j + 2])));
        }
      }
      expect(closest, layer.id).toBeGreaterThan(layer.nodeSize);
    }
  });

  it('lays maps out 1x1, 6x1 and 8x2 with gaps, and dense layers 24x5, 24x4 and 10x1', () => {
    const grid = (layer: LayerLayout) => [
      distinct(layer.mapOrigins.map((origin) => origin[0])),
      distinct(layer.mapOrigins.map((origin) => origin[2])),
    ];
    expect(['input', 'c1', 's2', 'c3', 's4', 'c5', 'f6', 'output'].map((id) => grid(byId(id)))).toEqual([
      [1, 1],
      [6, 1],
      [6, 1],
      [8, 2],
      [8, 2],
      [24, 5],
      [24, 4],
      [10, 1],
    ]);
    for (const id of ['c1', 's2', 'c3', 's4']) {
      const layer = byId(id);
      const gaps = layer.mapOrigins.flatMap((a, i) =>
        layer.mapOrigins
          .slice(i + 1)
          .map((b) => Math.max(Math.abs(a[0] - b[0]) - layer.mapSize[0], Math.abs(a[2] - b[2]) - layer.mapSize[1])),
      );
      expect(Math.min(...gaps)).toBeCloseTo(DEFAULT_LAYOUT_OPTIONS.mapGap, 5);
    }
  });

  it('makes every map plane as wide as planeWidth (the input a fixed fraction of it), centred on x = z = 0', () => {
    const { planeWidth, mapGap } = DEFAULT_LAYOUT_OPTIONS;
    expect(byId('c1').pitch).toBeCloseTo((planeWidth - 5 * mapGap) / (6 * 28), 10);
    expect(byId('c3').pitch).toBeCloseTo((planeWidth - 7 * mapGap) / (8 * 10), 10);
    expect(byId('s2').pitch).toBeCloseTo(2 * byId('c1').pitch, 10);
    for (const id of ['input', 'c1', 's2', 'c3', 's4']) {
      const { bounds, pitch, nodeSize } = byId(id);
      const width = id === 'input' ? planeWidth * INPUT_WIDTH_FRACTION : planeWidth;
      expect(bounds.max[0] - bounds.min[0] - nodeSize + pitch).toBeCloseTo(width, 4);
    }
    for (const layer of layout.layers) {
      expect((layer.bounds.min[0] + layer.bounds.max[0]) / 2).toBeCloseTo(0, 4);
      expect((layer.bounds.min[2] + layer.bounds.max[2]) / 2).toBeCloseTo(0, 4);
    }
  });

  it('puts image row 0 at the far edge (-z) and column 0 at the left (-x), map 0 at the far left', () => {
    const input = byId('input');
    const [x00, , z00] = position(input, 0, 0, 0);
    expect(x00).toBeCloseTo(input.bounds.min[0] + input.nodeSize / 2, 4);
    expect(z00).toBeCloseTo(input.bounds.min[2] + input.nodeSize / 2, 4);
    expect(position(input, 0, 31, 0)[2]).toBeGreaterThan(z00);
    expect(position(input, 0, 0, 31)[0]).toBeGreaterThan(x00);
    const c1 = byId('c1');
    expect(position(c1, 1, 0, 0)[0]).toBeGreaterThan(position(c1, 0, 0, 27)[0]);
    const c3 = byId('c3');
    expect(position(c3, 8, 0, 0)[2]).toBeGreaterThan(position(c3, 0, 9, 0)[2]);
  });

  it('puts each pooled node right above the centre of its 2x2 window', () => {
    for (const [poolId, convId] of [
      ['s2', 'c1'],
      ['s4', 'c3'],
    ]) {
      const pool = byId(poolId),
        conv = byId(convId);
      const [channels, size] = pool.shape;
      for (let c = 0; c < channels; c++) {
        for (let y = 0; y < size; y++) {
          for (let x = 0; x < size; x++) {
            const window = [
              [0, 0],
              [0, 1],
              [1, 0],
              [1, 1],
            ].map(([py, px]) => position(conv, c, 2 * y + py, 2 * x + px));
            const [px, , pz] = position(pool, c, y, x);
            expect(px).toBeCloseTo(window.reduce((sum, p) => sum + p[0], 0) / 4, 4);
            expect(pz).toBeCloseTo(window.reduce((sum, p) => sum + p[2], 0) / 4, 4);
          }
        }
      }
    }
  });

  it('draws the 10 outputs as large upright tiles in one row, apart from each other, the only upright layer', () => {
    const output = byId('output');
    expect(layout.layers.filter((layer) => layer.upright).map((layer) => layer.id)).toEqual(['output']);
    expect(output.nodeSize).toBeGreaterThanOrEqual(2.5 * byId('f6').nodeSize);
    expect(output.pitch - output.nodeSize).toBeGreaterThan(0.2 * output.nodeSize);
    // Standing upright on the plane's line: the box is a tile tall, centred on the plane.
    expect(output.bounds.max[1] - output.bounds.min[1]).toBeCloseTo(output.nodeSize, 4);
    expect(output.bounds.min[1]).toBeGreaterThan(byId('f6').bounds.max[1]);
  });

  it('lays out the LeNet-5 variants identically', () => {
    const variant = networkLayout(
      lenet5Layers({ ...DEFAULT_ARCHITECTURE, pooling: 'subsample', c3Connectivity: 'lenet5' }),
    );
    expect(variant.layers.map((layer) => layer.positions)).toEqual(layout.layers.map((layer) => layer.positions));
  });
});

describe('nodeIndex and nodeRef', () => {
  it('round-trip every node of every layer', () => {
    for (const spec of layers) {
      const count = spec.shape[0] * spec.shape[1] * spec.shape[2];
      for (let i = 0; i < count; i++) expect(nodeIndex(spec, nodeRef(spec, i))).toBe(i);
    }
  });

  it('follow the flattened [c][y][x] order, dense units at y = x = 0', () => {
    expect(nodeIndex(layers[1], { layer: 'c1', c: 2, y: 3, x: 4 })).toBe(2 * 784 + 3 * 28 + 4);
    expect(nodeRef(layers[1], 2 * 784 + 3 * 28 + 4)).toEqual({ layer: 'c1', c: 2, y: 3, x: 4 });
    expect(nodeRef(layers[6], 83)).toEqual({ layer: 'f6', c: 83, y: 0, x: 0 });
    expect(nodeIndex(layers[7], { layer: 'output', c: 9, y: 0, x: 0 })).toBe(9);
  });

  it('throw RangeError outside the layer', () => {
    const c1 = layers[1];
    for (const [c, y, x] of [
      [6, 0, 0],
      [0, 28, 0],
      [0, 0, 28],
      [-1, 0, 0],
      [0, 0.5, 0],
    ]) {
      expect(() => nodeIndex(c1, { layer: 'c1', c, y, x })).toThrow(RangeError);
    }
    expect(() => nodeIndex(c1, { layer: 's2', c: 0, y: 0, x: 0 })).toThrow(RangeError);
    expect(() => nodeIndex(layers[5], { layer: 'c5', c: 0, y: 1, x: 0 })).toThrow(RangeError);
    for (const index of [-1, 4704, 1.5, NaN]) expect(() => nodeRef(c1, index)).toThrow(RangeError);
  });
});
