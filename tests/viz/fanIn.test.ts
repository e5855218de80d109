import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHITECTURE, LENET5_C3_TABLE, lenet5Layers } from '../../src/engine/model/lenet5';
import type { LayerSpec } from '../../src/engine/model/layerSpec';
import { directSources, inputSquare, receptiveField } from '../../src/viz/layout/fanIn';
import { nodeRef, type NodeRef } from '../../src/engine/model/nodeRef';

const full = lenet5Layers();
const table = lenet5Layers({ ...DEFAULT_ARCHITECTURE, c3Connectivity: 'lenet5' });
const node = (layer: string, c: number, y = 0, x = 0): NodeRef => ({ layer, c, y, x });
const spec = (id: string): LayerSpec => full.find((layer) => layer.id === id)!;

/** [min, max] of a coordinate over some nodes. */
function span(nodes: readonly NodeRef[], key: 'c' | 'y' | 'x'): [number, number] {
  return [Math.min(...nodes.map((n) => n[key])), Math.max(...nodes.map((n) => n[key]))];
}

function fieldOf(layers: LayerSpec[], ref: NodeRef, layer: string): NodeRef[] {
  return receptiveField(layers, ref).find((field) => field.layer === layer)!.nodes;
}

describe('directSources', () => {
  it('gives an input node no sources', () => {
    expect(directSources(full, node('input', 0, 5, 5))).toEqual([]);
  });

  it('reads c1 (0, 3, 4) from input rows 3..7, columns 4..8, with weight indices ky * 5 + kx', () => {
    const sources = directSources(full, node('c1', 0, 3, 4));
    expect(sources).toHaveLength(25);
    expect(sources[0]).toEqual({ layer: 'input', c: 0, y: 3, x: 4, weightIndex: 0 });
    expect(sources[7]).toEqual({ layer: 'input', c: 0, y: 4, x: 6, weightIndex: 7 });
    expect(sources[24]).toEqual({ layer: 'input', c: 0, y: 7, x: 8, weightIndex: 24 });
    expect(span(sources, 'y')).toEqual([3, 7]);
    expect(span(sources, 'x')).toEqual([4, 8]);
    expect(directSources(full, node('c1', 2, 3, 4)).map((s) => s.weightIndex)).toEqual(
      Array.from({ length: 25 }, (_, k) => 50 + k),
    );
  });

  it('reads c3 map 0 from s2 maps 0-2 only with the LeNet-5 table (75 sources), all 6 when full (150)', () => {
    const sparse = directSources(table, node('c3', 0, 9, 9));
    expect(sparse).toHaveLength(75);
    expect(new Set(sparse.map((s) => s.c))).toEqual(new Set([0, 1, 2]));
    expect(sparse.find((s) => s.c === 2 && s.y === 10 && s.x === 12)?.weightIndex).toBe(2 * 25 + 5 + 3);
    const dense = directSources(full, node('c3', 0, 9, 9));
    expect(dense).toHaveLength(150);
    expect(new Set(dense.map((s) => s.c))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    LENET5_C3_TABLE.forEach((maps, oc) => {
      const sources = directSources(table, node('c3', oc, 0, 0));
      expect(new Set(sources.map((s) => s.c))).toEqual(new Set(maps));
      for (const s of sources) expect(s.weightIndex).toBe(((oc * 6 + s.c) * 5 + s.y) * 5 + s.x);
    });
  });

  it('reads pool cell (1, 2, 3) from its 2x2 window and marks the argmax winner only under max pooling', () => {
    const window = directSources(full, node('s2', 1, 2, 3));
    expect(window).toEqual([node('c1', 1, 4, 6), node('c1', 1, 4, 7), node('c1', 1, 5, 6), node('c1', 1, 5, 7)]);
    const argmax = new Uint8Array(1176);
    argmax[1 * 196 + 2 * 14 + 3] = 2;
    const marked = directSources(full, node('s2', 1, 2, 3), argmax);
    expect(marked.filter((s) => s.winner)).toEqual([{ ...node('c1', 1, 5, 6), winner: true }]);
    expect(directSources(full, node('s2', 1, 2, 4), argmax).filter((s) => s.winner)).toEqual([
      { ...node('c1', 1, 4, 8), winner: true },
    ]);
    const mean = lenet5Layers({ ...DEFAULT_ARCHITECTURE, pooling: 'mean' });
    expect(directSources(mean, node('s2', 1, 2, 3), argmax).some((s) => s.winner)).toBe(false);
    expect(() => directSources(full, node('s2', 1, 2, 3), new Uint8Array(10))).toThrow(RangeError);
  });

  it('reads a dense unit from every unit below, in flattened [c][y][x] order, weight o * IN + i', () => {
    const f6 = directSources(full, node('f6', 7));
    expect(f6).toHaveLength(120);
    f6.forEach((s, i) => expect(s).toEqual({ ...node('c5', i), weightIndex: 7 * 120 + i }));
    const c5 = directSources(full, node('c5', 3));
    expect(c5).toHaveLength(400);
    expect(c5[26]).toEqual({ layer: 's4', c: 1, y: 0, x: 1, weightIndex: 3 * 400 + 26 });
    expect(directSources(full, node('output', 9))).toHaveLength(84);
  });

  it('stays inside the layer below at the bottom-right borders', () => {
    const c1 = directSources(full, node('c1', 5, 27, 27));
    expect([span(c1, 'y'), span(c1, 'x')]).toEqual([
      [27, 31],
      [27, 31],
    ]);
    const c3 = directSources(full, node('c3', 15, 9, 9));
    expect([span(c3, 'y'), span(c3, 'x')]).toEqual([
      [9, 13],
      [9, 13],
    ]);
    expect(directSources(full, node('s4', 15, 4, 4)).at(-1)).toEqual(node('c3', 15, 9, 9));
  });

  it('refuses nodes outside their layer and unknown layers', () => {
    expect(() => directSources(full, node('c1', 0, 28, 0))).toThrow(RangeError);
    expect(() => directSources(full, node('c3', 16))).toThrow(RangeError);
    expect(() => directSources(full, node('f7', 0))).toThrow(RangeError);
  });
});

describe('receptiveField and inputSquare', () => {
  it('traces an s4 cell down to exactly a 16x16 input square, through its connected maps only', () => {
    const ref = node('s4', 2, 1, 3);
    const fields = receptiveField(table, ref);
    expect(fields.map((field) => field.layer)).toEqual(['c3', 's2', 'c1', 'input']);
    const [c3, s2, c1, input] = fields.map((field) => field.nodes);
    expect(c3).toEqual([node('c3', 2, 2, 6), node('c3', 2, 2, 7), node('c3', 2, 3, 6), node('c3', 2, 3, 7)]);
    expect(s2).toHaveLength(3 * 6 * 6);
    expect(new Set(s2.map((n) => n.c))).toEqual(new Set(LENET5_C3_TABLE[2]));
    expect([span(s2, 'y'), span(s2, 'x')]).toEqual([
      [2, 7],
      [6, 11],
    ]);
    expect(c1).toHaveLength(3 * 12 * 12);
    expect(new Set(c1.map((n) => n.c))).toEqual(new Set(LENET5_C3_TABLE[2]));
    expect(input).toHaveLength(256);
    expect([span(input, 'y'), span(input, 'x')]).toEqual([
      [4, 19],
      [12, 27],
    ]);
    expect(inputSquare(table, ref)).toEqual({ x0: 12, y0: 4, x1: 27, y1: 19 });
    expect(new Set(fieldOf(full, ref, 's2').map((n) => n.c)).size).toBe(6);
  });

  it('reaches every node of every layer below from any dense unit', () => {
    const fields = receptiveField(table, node('c5', 17));
    expect(fields.map((field) => [field.layer, field.nodes.length])).toEqual([
      ['s4', 400],
      ['c3', 1600],
      ['s2', 1176],
      ['c1', 4704],
      ['input', 1024],
    ]);
    expect(receptiveField(full, node('output', 4)).map((field) => field.nodes.length)).toEqual([
      84, 120, 400, 1600, 1176, 4704, 1024,
    ]);
    expect(inputSquare(full, node('c5', 17))).toBeNull();
    expect(inputSquare(full, node('output', 0))).toBeNull();
  });

  it('gives the first layer below exactly the direct sources', () => {
    const ref = node('c3', 7, 4, 2);
    const direct = directSources(table, ref).map(({ layer, c, y, x }) => ({ layer, c, y, x }));
    expect(fieldOf(table, ref, 's2')).toEqual(direct);
  });

  it('traces an input node to nothing and outlines just its pixel', () => {
    expect(receptiveField(full, node('input', 0, 3, 9))).toEqual([]);
    expect(inputSquare(full, node('input', 0, 3, 9))).toEqual({ x0: 9, y0: 3, x1: 9, y1: 3 });
  });

  it('outlines the bounding square of the traced input nodes for every conv and pool node', () => {
    for (const id of ['c1', 's2', 'c3', 's4']) {
      const layer = spec(id);
      const count = layer.shape[0] * layer.shape[1] * layer.shape[2];
      for (let i = 0; i < count; i += 7) {
        const ref = nodeRef(layer, i);
        const input = fieldOf(table, ref, 'input');
        const [y0, y1] = span(input, 'y'),
          [x0, x1] = span(input, 'x');
        expect(input).toHaveLength((x1 - x0 + 1) * (y1 - y0 + 1));
        expect(inputSquare(table, ref)).toEqual({ x0, y0, x1, y1 });
      }
    }
    expect(inputSquare(full, node('c3', 0, 9, 9))).toEqual({ x0: 18, y0: 18, x1: 31, y1: 31 });
    expect(inputSquare(full, node('s4', 15, 4, 4))).toEqual({ x0: 16, y0: 16, x1: 31, y1: 31 });
    expect(() => inputSquare(full, node('s4', 0, 5, 0))).toThrow(RangeError);
  });
});
