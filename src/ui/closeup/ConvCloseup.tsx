import { useTranslation } from 'react-i18next';
import type { ActivationFrame } from '../../engine/activationFrame';
import type { ConvLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { useAppStore } from '../../store/appStore';
import { convolutionDetail } from '../../viz/closeup/convolutionDetail';
import { ConvMapRows } from './ConvMapRows';
import { convolutionShades } from './mapShades';
import { NumberGrid } from './NumberGrid';
import { valueText } from './numberText';
import { SlideView } from '../slide/SlideView';
import { StrideDemo } from '../slide/StrideDemo';

/**
 * A conv node's arithmetic (src/viz/closeup/convolutionDetail.ts): every connected map's window, kernel and 25
 * products as shaded grids with their sum, one row each (ConvMapRows); the chosen map's grids with their numbers;
 * every map's sum, the bias, z and the activated value (the view's own numbers); the slide mode; and, on c1, stride
 * and zero padding.
 */
export function ConvCloseup({
  layers,
  index,
  focus,
  frame,
  params,
}: {
  layers: readonly LayerSpec[];
  index: number;
  focus: NodeRef;
  frame: ActivationFrame;
  params: Float32Array;
}) {
  const { t } = useTranslation('closeup');
  const language = useAppStore((s) => s.language);
  const closeup = useAppStore((s) => s.closeup);
  const set = useAppStore((s) => s.set);
  const layer = layers[index] as ConvLayerSpec;
  const below = layers[index - 1];
  const detail = convolutionDetail(layers, frame, params, focus);
  const j = Math.min(closeup.map, detail.maps.length - 1);
  const shades = convolutionShades(below.id, detail);
  const part = frame.layers[index];
  const at = nodeIndex(layer, focus);
  const z = frame.values[part.pre![0] + at];
  const value = frame.values[part.out[0] + at];
  const number = (v: number) => valueText(language, v);
  return (
    <>
      <p className="muted closeup-note">{t('conv.intro', { size: layer.kernelSize })}</p>
      {detail.maps.length > 1 && (
        <>
          <ConvMapRows
            detail={detail}
            below={below.id}
            columns={layer.kernelSize}
            shades={shades}
            selected={j}
            onSelect={(k) => set({ closeup: { ...closeup, map: k } })}
            number={number}
          />
          <p className="closeup-selected">{t('conv.selected', { layer: below.id, map: detail.maps[j] })}</p>
        </>
      )}
      <div className="closeup-equation">
        <NumberGrid
          name={t('conv.window', { layer: below.id, map: detail.maps[j] })}
          values={detail.windows[j]}
          columns={layer.kernelSize}
          shade={shades.window}
          testId="conv-window"
        />
        <span className="closeup-term">
          <span className="op">×</span>
          <NumberGrid
            name={t('conv.kernel')}
            values={detail.kernels[j]}
            columns={layer.kernelSize}
            shade={shades.kernel}
          />
        </span>
        <span className="closeup-term">
          <span className="op">=</span>
          <NumberGrid
            name={t('conv.products')}
            values={detail.products[j]}
            columns={layer.kernelSize}
            shade={shades.products}
            testId="conv-products"
          />
        </span>
      </div>
      <dl className="closeup-totals">
        <dt>{t('conv.sum')}</dt>
        <dd data-testid="conv-map-sum">{number(detail.sums[j])}</dd>
        {detail.maps.length > 1 && (
          <>
            <dt className="wide">{t('conv.sumsLabel')}</dt>
            <dd className="wide">
              {detail.sums
                .map((sum, k) => (k === 0 ? number(sum) : `${sum < 0 ? '−' : '+'} ${number(Math.abs(sum))}`))
                .join(' ')}
            </dd>
          </>
        )}
        <dt>{t('conv.bias')}</dt>
        <dd>{number(detail.bias)}</dd>
        <dt>{t('conv.total')}</dt>
        <dd data-testid="closeup-z">{number(z)}</dd>
        <dt>{t('conv.activated', { activation: layer.activation })}</dt>
        <dd data-testid="closeup-value">{number(value)}</dd>
      </dl>
      <SlideView kind="conv" layers={layers} index={index} focus={focus} frame={frame} belowMap={detail.maps[j]} />
      {layer.id === 'c1' && <StrideDemo layers={layers} focus={focus} frame={frame} params={params} />}
    </>
  );
}
