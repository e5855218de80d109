import { describe, expect, it } from 'vitest';
import type { BackwardFrame } from '../../src/engine/backwardFrame';
import { i18n } from '../../src/i18n/i18n';
import { deltaScaleTexts } from '../../src/viz/deltaScaleText';
import { deltaScales, sharedDeltaScale } from '../../src/viz/deltaView';

/** A three-layer backward frame: an input (dL/dx only), a hidden layer and an output (dL/da and δ). */
function frame(): BackwardFrame {
  // input out [0, 2); hidden out [2, 4), pre [4, 6); output out [6, 8), pre [8, 10)
  const values = Float32Array.from([1e-7, -3e-7, 2e-3, -4e-3, 1e-3, -5e-3, -20, 0.5, -0.25, 0.25]);
  return {
    values,
    layers: [
      { id: 'input', out: [0, 2], pre: null },
      { id: 'hidden', out: [2, 2], pre: [4, 2] },
      { id: 'output', out: [6, 2], pre: [8, 2] },
    ],
    gradients: new Float32Array(0),
    loss: 0.3,
    label: 0,
  };
}

describe('the backward view’s colour scales', () => {
  it('scales each layer by its own largest |value| of the part shown', () => {
    expect(deltaScales(frame(), 'pre', 'layer').map((v) => Math.fround(v))).toEqual(
      [3e-7, 5e-3, 0.25].map(Math.fround),
    );
    expect(deltaScales(frame(), 'out', 'layer').map((v) => Math.fround(v))).toEqual([3e-7, 4e-3, 20].map(Math.fround));
  });

  it('gives every layer one shared scale, the largest |value| in the whole network', () => {
    expect(deltaScales(frame(), 'pre', 'shared')).toEqual([0.25, 0.25, 0.25]);
    expect(deltaScales(frame(), 'out', 'shared')).toEqual([20, 20, 20]);
    expect(sharedDeltaScale(frame(), 'pre')).toBe(0.25);
  });

  it('is 0 for an all-zero pass (no layer is coloured)', () => {
    const zero = { ...frame(), values: new Float32Array(10) };
    expect(deltaScales(zero, 'pre', 'shared')).toEqual([0, 0, 0]);
  });

  it('prints each layer’s scale beside its label, and with a shared scale its share of it, in both languages', () => {
    const en = i18n.getFixedT('en', 'viz');
    const zh = i18n.getFixedT('zh', 'viz');
    expect(deltaScaleTexts(en, 'en', frame(), 'pre', 'layer')).toEqual(['dL/dx ±3E-7', 'δ ±0.005', 'δ ±0.25']);
    expect(deltaScaleTexts(en, 'en', frame(), 'pre', 'shared')).toEqual([
      'dL/dx ±3E-7, 0% of the shared scale',
      'δ ±0.005, 2% of the shared scale',
      'δ ±0.25, 100% of the shared scale',
    ]);
    expect(deltaScaleTexts(en, 'en', frame(), 'out', 'layer')[1]).toBe('dL/da ±0.004');
    expect(deltaScaleTexts(zh, 'zh', frame(), 'pre', 'shared')[1]).toBe('δ ±0.005，占共同刻度的 2%');
  });
});
