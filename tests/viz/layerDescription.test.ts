/** A layer's description beside its plane and in the tooltip, in English and in the tutorial's Chinese. */
import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { zhTerm } from '../../src/i18n/glossary';
import { i18n } from '../../src/i18n/i18n';
import { describeLayer } from '../../src/viz/layerDescription';

const en = i18n.getFixedT('en', 'viz');
const zh = i18n.getFixedT('zh', 'viz');

describe('describeLayer', () => {
  it('gives each layer of the modern LeNet-5 its kind and shape', () => {
    expect(lenet5Layers().map((l) => describeLayer(en, l))).toEqual([
      '1@32x32 pixels',
      'conv 5x5 + relu, 6@28x28',
      'max pooling 2x2, 6@14x14',
      'conv 5x5 + relu, 16@10x10',
      'max pooling 2x2, 16@5x5',
      'fully connected, 120 units',
      'fully connected, 84 units',
      'fully connected, 10 units',
    ]);
  });

  it('uses the tutorial terms in Chinese, subsampling and mean pooling included', () => {
    const [, c1, s2, , , c5] = lenet5Layers();
    expect(describeLayer(zh, c1)).toBe(`${zhTerm.convolution} 5x5 + relu，6@28x28`);
    expect(describeLayer(zh, s2)).toBe(`${zhTerm.maxPooling} 2x2，6@14x14`);
    expect(describeLayer(zh, c5)).toBe(`${zhTerm.denseLayer}，120 个单元`);
    const classic = lenet5Layers({
      activation: 'tanh',
      pooling: 'subsample',
      c3Connectivity: 'lenet5',
      loss: 'mean-squared-error',
    });
    expect(describeLayer(zh, classic[2])).toBe(`${zhTerm.subsamplingLayer} 2x2，6@14x14`);
    const mean = lenet5Layers({
      activation: 'sigmoid',
      pooling: 'mean',
      c3Connectivity: 'full',
      loss: 'mean-squared-error',
    });
    expect(describeLayer(en, mean[2])).toBe('mean pooling 2x2, 6@14x14');
    expect(describeLayer(zh, mean[2])).toBe(`${zhTerm.meanPooling} 2x2，6@14x14`);
  });
});
