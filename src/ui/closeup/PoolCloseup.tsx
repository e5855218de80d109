import { useTranslation } from 'react-i18next';
import type { ActivationFrame } from '../../engine/activationFrame';
import type { LayerSpec, PoolLayerSpec } from '../../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { useAppStore } from '../../store/appStore';
import { poolingDetail } from '../../viz/closeup/poolingDetail';
import { shadeFor } from './mapShades';
import { NumberGrid } from './NumberGrid';
import { valueText } from './numberText';
import { SlideView } from '../slide/SlideView';

/**
 * A pooling cell's arithmetic (src/viz/closeup/poolingDetail.ts): its 2x2 window, the winner marked for max
 * pooling, the mean, or LeCun's coefficient × sum + bias and the activation; and the slide mode (stride 2).
 */
export function PoolCloseup({
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
  const layer = layers[index] as PoolLayerSpec;
  const below = layers[index - 1];
  const detail = poolingDetail(layers, frame, params, focus);
  const part = frame.layers[index];
  const at = nodeIndex(layer, focus);
  const value = frame.values[part.out[0] + at];
  const number = (v: number) => valueText(language, v);
  const values = detail.cells.map((cell) => cell.value);
  const where = { layer: below.id, map: focus.c };
  return (
    <>
      <p className="muted closeup-note">{t(`pool.intro.${detail.kind}`, where)}</p>
      <div className="closeup-equation">
        <NumberGrid
          name={t('pool.window', where)}
          values={values}
          columns={2}
          shade={shadeFor(below.id, values)}
          marked={detail.winner}
          testId="pool-window-grid"
        />
      </div>
      <dl className="closeup-totals">
        {detail.winner !== null && (
          <>
            <dt>{t('pool.winner')}</dt>
            <dd>{number(values[detail.winner])}</dd>
          </>
        )}
        {detail.kind !== 'max' && (
          <>
            <dt>{t('pool.sum')}</dt>
            <dd>{number(detail.sum)}</dd>
          </>
        )}
        {detail.mean !== null && (
          <>
            <dt>{t('pool.mean')}</dt>
            <dd>{number(detail.mean)}</dd>
          </>
        )}
        {detail.coefficient !== null && detail.bias !== null && (
          <>
            <dt>{t('pool.coefficient')}</dt>
            <dd>{number(detail.coefficient)}</dd>
            <dt>{t('pool.bias')}</dt>
            <dd>{number(detail.bias)}</dd>
            <dt>{t('pool.z')}</dt>
            <dd data-testid="closeup-z">{number(frame.values[part.pre![0] + at])}</dd>
          </>
        )}
        <dt>{layer.activation ? t('conv.activated', { activation: layer.activation }) : t('pool.value')}</dt>
        <dd data-testid="closeup-value">{number(value)}</dd>
      </dl>
      <SlideView kind="pool" layers={layers} index={index} focus={focus} frame={frame} belowMap={focus.c} />
    </>
  );
}
