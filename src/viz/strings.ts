/** The view's own words (the layers' names beside their planes and in the tooltip), in English and Chinese (the tutorial's terms). */
import type { Catalog } from '../i18n/catalog';
import { zhTerm } from '../i18n/glossary';

export const en = {
  layer: {
    input: '{{shape}} pixels',
    conv: 'conv {{size}}x{{size}} + {{activation}}, {{shape}}',
    pool: {
      max: 'max pooling 2x2, {{shape}}',
      mean: 'mean pooling 2x2, {{shape}}',
      subsample: 'subsample pooling 2x2, {{shape}}',
    },
    dense: 'fully connected, {{units}} units',
  },
  deltaScale: {
    layer: '{{part}} ±{{scale}}',
    shared: '{{part}} ±{{own}}, {{share}} of the shared scale',
  },
};

export const zh: Catalog<typeof en> = {
  layer: {
    input: '{{shape}} 像素',
    conv: `${zhTerm.convolution} {{size}}x{{size}} + {{activation}}，{{shape}}`,
    pool: {
      max: `${zhTerm.maxPooling} 2x2，{{shape}}`,
      mean: `${zhTerm.meanPooling} 2x2，{{shape}}`,
      subsample: `${zhTerm.subsamplingLayer} 2x2，{{shape}}`,
    },
    dense: `${zhTerm.denseLayer}，{{units}} 个单元`,
  },
  deltaScale: {
    layer: '{{part}} 刻度 ±{{scale}}',
    shared: '{{part}} ±{{own}}，占共同刻度的 {{share}}',
  },
};
