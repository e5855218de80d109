/**
 * What the tooltip and the live region say about a node, in both languages: the English the e2e tests read
 * (a node's place, "maps {0,1,2} + bias, then tanh"), and Chinese in the tutorial's terms with the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import type { LayerSpec } from '../../../src/engine/model/layerSpec';
import { zhTerm } from '../../../src/i18n/glossary';
import { i18n } from '../../../src/i18n/i18n';
import { computationOf, placeOf, summaryOf } from '../../../src/ui/view/nodeWords';

const en = i18n.getFixedT('en', 'view');
const zh = i18n.getFixedT('zh', 'view');
const modern = lenet5Layers();
const classic = lenet5Layers({
  activation: 'tanh',
  pooling: 'subsample',
  c3Connectivity: 'lenet5',
  loss: 'mean-squared-error',
});
const layer = (layers: LayerSpec[], id: string) => layers.find((l) => l.id === id)!;

describe('the words for a node', () => {
  it('name its place: a unit of a dense layer, a cell of a map', () => {
    expect(placeOf(en, layer(modern, 'f6'), { layer: 'f6', c: 40, y: 0, x: 0 })).toBe('unit 40');
    expect(placeOf(en, layer(modern, 'c3'), { layer: 'c3', c: 2, y: 5, x: 7 })).toBe('map 2, row 5, column 7');
    expect(placeOf(zh, layer(modern, 'c3'), { layer: 'c3', c: 2, y: 5, x: 7 })).toBe(
      `${zhTerm.featureMap} 2，行 5，列 7`,
    );
  });

  it('say how a conv node was computed, one map or several', () => {
    const c1 = computationOf(en, layer(modern, 'c1'), { layer: 'c1', c: 0, y: 0, x: 0 });
    expect(c1).toBe('sum of the 5x5 window x kernel over map {0} + bias, then relu');
    const c3 = computationOf(en, layer(classic, 'c3'), { layer: 'c3', c: 0, y: 0, x: 0 });
    expect(c3).toMatch(/maps \{0,1,2\} \+ bias, then tanh$/);
    const zhC3 = computationOf(zh, layer(classic, 'c3'), { layer: 'c3', c: 0, y: 0, x: 0 });
    expect(zhC3).toContain(zhTerm.kernel);
    expect(zhC3).toContain('{0,1,2}');
    expect(zhC3).toContain('5x5');
    expect(zhC3).toMatch(/tanh$/);
  });

  it('say how pooling, subsampling and the output were computed', () => {
    const s2 = { layer: 's2', c: 0, y: 0, x: 0 };
    expect(computationOf(en, layer(modern, 's2'), s2)).toBe('the largest of its 2x2 window');
    expect(computationOf(zh, layer(modern, 's2'), s2)).toBe('它的 2x2 窗口中的最大值');
    expect(computationOf(en, layer(classic, 's2'), s2)).toBe('coefficient x sum of its 2x2 window + bias, then tanh');
    expect(computationOf(zh, layer(classic, 's2'), s2)).toContain(zhTerm.multiplicativeBias);
    const out = { layer: 'output', c: 3, y: 0, x: 0 };
    expect(computationOf(en, layer(modern, 'output'), out)).toContain('the 84 f6 units');
    expect(computationOf(zh, layer(modern, 'output'), out)).toContain('84 个单元');
  });

  it('announce the node with its value formatted for the language, or say it is not computed yet', () => {
    const f6 = layer(modern, 'f6');
    const focus = { layer: 'f6', c: 40, y: 0, x: 0 };
    expect(summaryOf(en, 'en', f6, focus, -0.123456)).toBe(
      'f6 unit 40: value -0.1235, weights . all 120 inputs + bias, then relu',
    );
    expect(summaryOf(en, 'en', f6, focus, null)).toMatch(/^f6 unit 40: value not computed yet, /);
    expect(summaryOf(zh, 'zh', f6, focus, 0.5)).toMatch(/^f6 单元 40：值 0\.5000，/);
  });
});
