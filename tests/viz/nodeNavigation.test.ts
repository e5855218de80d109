import { describe, expect, it } from 'vitest';
import type { ArchitectureOptions, LayerSpec } from '../../src/engine/model/layerSpec';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import { networkLayout } from '../../src/viz/layout/networkLayout';
import { nodeIndex, nodeRef, type NodeRef } from '../../src/engine/model/nodeRef';
import {
  isNavigationKey,
  moveFocus,
  nodeAtCell,
  planeCell,
  planeSize,
  startNode,
  validFocus,
  type NavigationKey,
} from '../../src/viz/nodeNavigation';

/** LeNet-5 as in 1998: tanh, trainable subsampling, LeCun's C3 table. */
const CLASSIC: ArchitectureOptions = {
  activation: 'tanh',
  pooling: 'subsample',
  c3Connectivity: 'lenet5',
  loss: 'mean-squared-error',
};
const ARCHITECTURES = [
  ['default', lenet5Layers(DEFAULT_ARCHITECTURE)],
  ['classic', lenet5Layers(CLASSIC)],
] as const;
const layers = lenet5Layers();
const node = (layer: string, c: number, y = 0, x = 0): NodeRef => ({ layer, c, y, x });
const spec = (id: string, from: readonly LayerSpec[] = layers) => from.find((l) => l.id === id)!;
const every = (s: LayerSpec) => Array.from({ length: s.shape[0] * s.shape[1] * s.shape[2] }, (_, i) => nodeRef(s, i));
const press = (focus: NodeRef | null, ...keys: NavigationKey[]) =>
  keys.reduce<NodeRef | null>((f, key) => moveFocus(layers, f, key), focus);

describe('the keys', () => {
  it('are the arrows, Page Up/Down, Home and End', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'])
      expect(isNavigationKey(key)).toBe(true);
    for (const key of ['Enter', 'Escape', 'Tab', ' ', 'a', 'Left']) expect(isNavigationKey(key)).toBe(false);
  });

  it('focus the centre of the input first, whatever the key, and when the focus names no node of these layers', () => {
    expect(startNode(layers)).toEqual(node('input', 0, 16, 16));
    for (const key of ['ArrowLeft', 'PageUp', 'PageDown', 'End'] as const)
      expect(moveFocus(layers, null, key)).toEqual(node('input', 0, 16, 16));
    expect(moveFocus(layers, node('c7', 0), 'ArrowLeft')).toEqual(startNode(layers));
    expect(moveFocus(layers, node('c1', 6, 0, 0), 'ArrowLeft')).toEqual(startNode(layers));
    expect(validFocus(layers, node('c1', 5, 27, 27))).toEqual(node('c1', 5, 27, 27));
    expect(validFocus(layers, node('c1', 5, 28, 27))).toBeNull();
    expect(validFocus(layers, null)).toBeNull();
  });
});

describe('plane cells', () => {
  it('number the nodes of each plane one to one, maps side by side as laid out', () => {
    expect(layers.map((l) => planeSize(l))).toEqual([
      { columns: 32, rows: 32 },
      { columns: 168, rows: 28 },
      { columns: 84, rows: 14 },
      { columns: 80, rows: 20 },
      { columns: 40, rows: 10 },
      { columns: 24, rows: 5 },
      { columns: 24, rows: 4 },
      { columns: 10, rows: 1 },
    ]);
    expect(planeCell(spec('c3'), node('c3', 9, 2, 3))).toEqual({ column: 13, row: 12 });
    for (const s of layers) {
      const seen = new Set<string>();
      for (const ref of every(s)) {
        const cell = planeCell(s, ref);
        expect(nodeAtCell(s, cell)).toEqual(ref);
        seen.add(`${cell.column},${cell.row}`);
      }
      expect(seen.size).toBe(s.shape[0] * s.shape[1] * s.shape[2]);
    }
  });

  it('have no node outside the plane or where an incomplete grid row has no map', () => {
    const f6 = spec('f6');
    expect(nodeAtCell(f6, { column: 11, row: 3 })).toEqual(node('f6', 83));
    expect(nodeAtCell(f6, { column: 12, row: 3 })).toBeNull();
    expect(nodeAtCell(f6, { column: -1, row: 0 })).toBeNull();
    expect(nodeAtCell(spec('c1'), { column: 168, row: 0 })).toBeNull();
    expect(nodeAtCell(spec('c1'), { column: 0, row: 28 })).toBeNull();
  });
});

describe('arrow keys', () => {
  // For every node of every layer: an arrow moves to the nearest node on the same screen line in its
  // direction (right: +x, down: +z, toward the viewer), continuing into the next map, or stays at the end.
  it.each(layers.map((l, i) => [l.id, i] as const))('follow the layout of %s on screen', (id, l) => {
    const placed = networkLayout(layers).layers[l];
    const s = layers[l];
    const at = (ref: NodeRef) => {
      const i = nodeIndex(s, ref);
      return [placed.positions[3 * i], placed.positions[3 * i + 2]];
    };
    const lines = (axis: 0 | 1) => {
      const byLine = new Map<string, NodeRef[]>();
      for (const ref of every(s)) {
        const key = at(ref)[1 - axis].toFixed(3);
        byLine.set(key, [...(byLine.get(key) ?? []), ref]);
      }
      return [...byLine.values()].map((line) => line.sort((a, b) => at(a)[axis] - at(b)[axis]));
    };
    for (const [axis, back, forward] of [
      [0, 'ArrowLeft', 'ArrowRight'],
      [1, 'ArrowUp', 'ArrowDown'],
    ] as const) {
      for (const line of lines(axis)) {
        line.forEach((ref, k) => {
          expect(moveFocus(layers, ref, forward)).toEqual(line[k + 1] ?? ref);
          expect(moveFocus(layers, ref, back)).toEqual(line[k - 1] ?? ref);
        });
      }
    }
  });

  it('cross from map to map: c1 along its row of six maps, c3 between its two rows of eight', () => {
    expect(press(node('c1', 2, 14, 27), 'ArrowRight')).toEqual(node('c1', 3, 14, 0));
    expect(press(node('c1', 3, 14, 0), 'ArrowLeft')).toEqual(node('c1', 2, 14, 27));
    expect(press(node('c1', 5, 14, 27), 'ArrowRight')).toEqual(node('c1', 5, 14, 27));
    expect(press(node('c1', 2, 0, 5), 'ArrowUp')).toEqual(node('c1', 2, 0, 5));
    expect(press(node('c3', 3, 9, 4), 'ArrowDown')).toEqual(node('c3', 11, 0, 4));
    expect(press(node('c3', 11, 0, 4), 'ArrowUp')).toEqual(node('c3', 3, 9, 4));
    expect(press(node('c3', 11, 9, 4), 'ArrowDown')).toEqual(node('c3', 11, 9, 4));
  });

  it("move dense units along their grid of 24 columns, and not into the missing end of f6's last row", () => {
    expect(press(node('c5', 23), 'ArrowRight')).toEqual(node('c5', 23));
    expect(press(node('c5', 23), 'ArrowDown')).toEqual(node('c5', 47));
    expect(press(node('c5', 24), 'ArrowLeft')).toEqual(node('c5', 24));
    expect(press(node('f6', 60), 'ArrowDown')).toEqual(node('f6', 60));
    expect(press(node('f6', 59), 'ArrowDown')).toEqual(node('f6', 83));
    expect(press(node('output', 4), 'ArrowRight', 'ArrowRight')).toEqual(node('output', 6));
    expect(press(node('output', 4), 'ArrowUp')).toEqual(node('output', 4));
  });

  it('jump a whole map with Shift, staying put where no map is', () => {
    expect(moveFocus(layers, node('c1', 0, 5, 7), 'ArrowRight', true)).toEqual(node('c1', 1, 5, 7));
    expect(moveFocus(layers, node('c1', 5, 5, 7), 'ArrowRight', true)).toEqual(node('c1', 5, 5, 7));
    expect(moveFocus(layers, node('c3', 2, 5, 7), 'ArrowDown', true)).toEqual(node('c3', 10, 5, 7));
    expect(moveFocus(layers, node('c3', 10, 5, 7), 'ArrowUp', true)).toEqual(node('c3', 2, 5, 7));
    expect(moveFocus(layers, node('c5', 30), 'ArrowLeft', true)).toEqual(node('c5', 29));
  });
});

describe('Home and End', () => {
  it('go to the first and the last node of the layer', () => {
    for (const s of layers) {
      const [c, h, w] = s.shape;
      expect(moveFocus(layers, node(s.id, c - 1, h - 1, w - 1), 'Home')).toEqual(node(s.id, 0, 0, 0));
      expect(moveFocus(layers, node(s.id, 0, 0, 0), 'End')).toEqual(node(s.id, c - 1, h - 1, w - 1));
    }
  });
});

describe('Page Up and Page Down', () => {
  it('climb from the input to the output and back, keeping the relative place (worked by hand)', () => {
    const up = [
      node('input', 0, 16, 16),
      node('c1', 2, 14, 14),
      node('s2', 2, 7, 7),
      node('c3', 6, 5, 5),
      node('s4', 6, 2, 2),
      node('c5', 43),
      node('f6', 43),
      node('output', 8),
    ];
    up.slice(1).forEach((next, k) => expect(press(up[k], 'PageUp')).toEqual(next));
    expect(press(node('output', 7), 'PageUp')).toEqual(node('output', 7));
    const down = [
      node('output', 7),
      node('f6', 66),
      node('c5', 90),
      node('s4', 14, 2, 0),
      node('c3', 14, 4, 0),
      node('s2', 5, 6, 2),
      node('c1', 5, 12, 4),
      node('input', 0, 14, 6),
    ];
    down.slice(1).forEach((next, k) => expect(press(down[k], 'PageDown')).toEqual(next));
    expect(press(node('input', 0, 14, 6), 'PageDown')).toEqual(node('input', 0, 14, 6));
  });

  it('keep the map and halve the place between a conv layer and its pooling: c1 (2, 14, 9) is over s2 (2, 7, 4)', () => {
    expect(press(node('c1', 2, 14, 9), 'PageUp')).toEqual(node('s2', 2, 7, 4));
    expect(press(node('s2', 2, 7, 4), 'PageDown')).toEqual(node('c1', 2, 14, 8));
    expect(press(node('c3', 15, 9, 9), 'PageUp')).toEqual(node('s4', 15, 4, 4));
  });

  it('go down from a conv node to the centre of its kernel window, in a map it reads', () => {
    for (const [name, archLayers] of ARCHITECTURES) {
      for (const id of ['c1', 'c3']) {
        const conv = spec(id, archLayers);
        if (conv.kind !== 'conv') throw new Error(`${id} is a conv layer`);
        for (const ref of every(conv)) {
          const below = moveFocus(archLayers, ref, 'PageDown');
          expect(conv.connections[ref.c], `${name} ${id} map ${ref.c}`).toContain(below.c);
          expect([below.y, below.x]).toEqual([ref.y + 2, ref.x + 2]);
        }
      }
    }
  });

  it('go up from s2 to a c3 map that reads it, each s2 map to its own c3 maps', () => {
    for (const [name, archLayers] of ARCHITECTURES) {
      const c3 = spec('c3', archLayers);
      if (c3.kind !== 'conv') throw new Error('c3 is a conv layer');
      const reached = Array.from({ length: 6 }, (_, map) => moveFocus(archLayers, node('s2', map, 7, 7), 'PageUp'));
      reached.forEach((above, map) => expect(c3.connections[above.c], `${name} s2 map ${map}`).toContain(map));
      expect(new Set(reached.map((r) => r.c)).size).toBe(6);
    }
    expect(press(node('s2', 0, 7, 7), 'PageUp')).toEqual(node('c3', 1, 5, 5));
    expect(press(node('s2', 5, 0, 13), 'PageUp')).toEqual(node('c3', 14, 0, 9));
  });

  it('return to the node started from after Page Down and Page Up, except where maps share the map below (c1, c3)', () => {
    for (const [, archLayers] of ARCHITECTURES) {
      for (const s of archLayers.slice(1)) {
        for (const ref of every(s)) {
          const back = moveFocus(archLayers, moveFocus(archLayers, ref, 'PageDown'), 'PageUp');
          if (s.id !== 'c1' && s.id !== 'c3') expect(back).toEqual(ref);
          else {
            expect([back.y, back.x]).toEqual([ref.y, ref.x]);
            expect(moveFocus(archLayers, back, 'PageDown')).toEqual(moveFocus(archLayers, ref, 'PageDown'));
          }
        }
      }
    }
  });

  it("return after Page Up and Page Down from the input and s2 where no kernel window clamps, and from c1 at a pool window's first cell", () => {
    for (const [, archLayers] of ARCHITECTURES) {
      const roundTrip = (ref: NodeRef) => moveFocus(archLayers, moveFocus(archLayers, ref, 'PageUp'), 'PageDown');
      for (const ref of every(spec('input', archLayers)))
        if (Math.min(ref.y, ref.x) >= 2 && Math.max(ref.y, ref.x) <= 29) expect(roundTrip(ref)).toEqual(ref);
      for (const ref of every(spec('s2', archLayers)))
        if (Math.min(ref.y, ref.x) >= 2 && Math.max(ref.y, ref.x) <= 11) expect(roundTrip(ref)).toEqual(ref);
      for (const ref of every(spec('c1', archLayers)))
        if (ref.y % 2 === 0 && ref.x % 2 === 0) expect(roundTrip(ref)).toEqual(ref);
    }
    expect(press(node('c1', 0, 15, 15), 'PageUp', 'PageDown')).toEqual(node('c1', 0, 14, 14));
    expect(press(node('input', 0, 0, 31), 'PageUp')).toEqual(node('c1', 2, 0, 27));
  });

  it('land at the same relative place of a dense plane, within a cell, and always on a node of the next layer', () => {
    for (const [, archLayers] of ARCHITECTURES) {
      archLayers.forEach((s, l) => {
        for (const ref of every(s)) {
          for (const [key, target] of [
            ['PageUp', archLayers[Math.min(l + 1, archLayers.length - 1)]],
            ['PageDown', archLayers[Math.max(l - 1, 0)]],
          ] as const) {
            const moved = moveFocus(archLayers, ref, key);
            expect(moved.layer).toBe(target.id);
            expect(validFocus(archLayers, moved)).toEqual(moved);
            if (s.kind !== 'dense' && target.kind !== 'dense') continue;
            const [from, to] = [planeSize(s), planeSize(target)];
            const [a, b] = [planeCell(s, ref), planeCell(target, moved)];
            expect(Math.abs((a.column + 0.5) / from.columns - (b.column + 0.5) / to.columns)).toBeLessThanOrEqual(
              1 / to.columns,
            );
            // One row nearer the far edge where f6's last row has no unit.
            expect(Math.abs((a.row + 0.5) / from.rows - (b.row + 0.5) / to.rows)).toBeLessThanOrEqual(2 / to.rows);
          }
        }
      });
    }
    expect(press(node('c5', 119), 'PageUp')).toEqual(node('f6', 71));
  });
});
