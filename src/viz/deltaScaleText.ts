/**
 * The colour scale printed beside each layer's label in the backward view: with per-layer scales, the layer's own
 * largest |δ| (its scale); with one shared scale, the layer's own largest |δ| and its share of the shared scale.
 */
import type { TFunction } from 'i18next';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { Language } from '../i18n/catalog';
import { formatPercent, formatSignificant } from '../i18n/format';
import { deltaScales, type DeltaScaleMode } from './deltaView';

/** The symbol of what layer `l` is coloured by: δ = dL/dz where it has a pre-activation, else dL/dx or dL/da. */
function partSymbol(backward: BackwardFrame, l: number, part: 'pre' | 'out'): string {
  if (part === 'pre' && backward.layers[l]?.pre) return 'δ';
  return l === 0 ? 'dL/dx' : 'dL/da';
}

/** One text per layer of the frame, in the viz namespace's words (`t`) and the reader's number format. */
export function deltaScaleTexts(
  t: TFunction<'viz'>,
  language: Language,
  backward: BackwardFrame,
  part: 'pre' | 'out',
  mode: DeltaScaleMode,
): string[] {
  const own = deltaScales(backward, part, 'layer');
  const shared = Math.max(0, ...own);
  return own.map((scale, l) => {
    const symbol = partSymbol(backward, l, part);
    const number = formatSignificant(language, scale, 4);
    if (mode === 'layer') return t('deltaScale.layer', { part: symbol, scale: number });
    const share = formatPercent(language, shared > 0 ? scale / shared : 0, 0);
    return t('deltaScale.shared', { part: symbol, own: number, share });
  });
}
