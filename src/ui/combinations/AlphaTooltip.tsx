import { useTranslation } from 'react-i18next';
import type { LayerSpec } from '../../engine/model/layerSpec';
import type { NodeRef } from '../../engine/model/nodeRef';
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';
import { formatFixed, formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { frameHolder } from '../../store/frameHolder';
import { framePart } from '../../viz/deltaSources';
import { ALPHA_TENSOR } from './alphaMatrix';
import { mapLogitGradient } from './logitGradient';
import { SYMBOLS } from './symbols';
import './combinations.css';

/**
 * The tooltip's lines for a c3 node with learned combinations: α of each s2 map it reads; in the backward view also
 * ∂E/∂α and ∂E/∂c of its map in the tutorial's terms (eq. 16–17), beside the backward pass's own ∂E/∂c.
 */
export function AlphaTooltip({
  layers,
  params,
  focus,
  backward,
}: {
  layers: readonly LayerSpec[];
  params: ArrayLike<number>;
  focus: NodeRef;
  backward: boolean;
}) {
  const { t } = useTranslation('combinations');
  const language = useAppStore((s) => s.language);
  const layer = layers.find((l) => l.id === focus.layer);
  if (!layer || layer.kind !== 'conv' || !layer.learnedCombinations) return null;
  const below = layers[layers.indexOf(layer) - 1];
  const frame = frameHolder.frame;
  const shown = backward ? frameHolder.backward : null;
  const s2 = frame ? framePart(frame, below.id, 'out') : null;
  const delta = shown ? framePart(shown, layer.id, 'pre') : null;
  const [, h, w] = layer.shape;
  const map = delta ? delta.subarray(focus.c * h * w, (focus.c + 1) * h * w) : new Float32Array(h * w);
  const gradient = mapLogitGradient(
    layers,
    params,
    s2 ?? new Float32Array(below.shape[0] * below.shape[1] * below.shape[2]),
    map,
    focus.c,
  );
  if (!gradient) return null;
  const inMaps = layer.inShape[0];
  const engineOffset = tensorSpec(parameterLayout(layers), ALPHA_TENSOR).offset + focus.c * inMaps;
  const small = (v: number) => formatSignificant(language, v, 3);
  const withGradient = shown !== null && s2 !== null && delta !== null;
  return (
    <div className="alpha-tooltip" data-testid="tooltip-alpha">
      <div className="muted">{withGradient ? t('tooltip.logitTitle') : t('tooltip.alphaTitle')}</div>
      <div
        className="alpha-tooltip-list"
        style={{ gridTemplateColumns: withGradient ? 'repeat(4, auto)' : 'repeat(2, auto)' }}
      >
        <span className="muted">{t('tooltip.map')}</span>
        <span className="muted">{SYMBOLS.alpha}</span>
        {withGradient && <span className="muted">{SYMBOLS.alphaGradient}</span>}
        {withGradient && <span className="muted">{SYMBOLS.logitGradient}</span>}
        {gradient.alpha.map((a, i) => [
          <span key={`m${i}`}>{i}</span>,
          <span key={`a${i}`} data-testid="tooltip-alpha-value" data-value={a}>
            {formatFixed(language, a, 3)}
          </span>,
          withGradient && <span key={`g${i}`}>{small(gradient.alphaGradient[i])}</span>,
          withGradient && (
            <span key={`c${i}`} data-testid="tooltip-logit-gradient" data-value={gradient.logitGradient[i]}>
              {small(gradient.logitGradient[i])}{' '}
              <span className="muted">{t('tooltip.engine', { value: small(shown.gradients[engineOffset + i]) })}</span>
            </span>
          ),
        ])}
      </div>
    </div>
  );
}
