/** Which pinned node has a close-up: a conv, pooling or dense node inside its layer; not an input pixel, not a hovered node. */
import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { closeupLayer } from '../../../src/ui/closeup/closeupTarget';

const layers = lenet5Layers();

describe('the close-up target', () => {
  it('is the pinned node of a conv, pooling or dense layer', () => {
    expect(closeupLayer(layers, { layer: 'c1', c: 2, y: 27, x: 0 }, true)).toMatchObject({ index: 1 });
    expect(closeupLayer(layers, { layer: 's2', c: 0, y: 0, x: 0 }, true)?.layer.kind).toBe('pool');
    expect(closeupLayer(layers, { layer: 'output', c: 9, y: 0, x: 0 }, true)?.layer.kind).toBe('dense');
  });

  it('is nothing for a hovered node, an input pixel, a node outside its layer or of a layer this run lacks', () => {
    expect(closeupLayer(layers, { layer: 'c1', c: 0, y: 0, x: 0 }, false)).toBeNull();
    expect(closeupLayer(layers, { layer: 'input', c: 0, y: 3, x: 3 }, true)).toBeNull();
    expect(closeupLayer(layers, { layer: 'c1', c: 6, y: 0, x: 0 }, true)).toBeNull();
    expect(closeupLayer(layers, { layer: 'c7', c: 0, y: 0, x: 0 }, true)).toBeNull();
    expect(closeupLayer(layers, null, true)).toBeNull();
  });
});
