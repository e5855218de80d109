import { useTranslation } from 'react-i18next';
import type { ActivationFrame } from '../../engine/activationFrame';
import type { DenseLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { useAppStore } from '../../store/appStore';
import { denseDetail } from '../../viz/closeup/denseDetail';
import { valueText } from './numberText';

/** How many contributions a dense close-up lists. */
const LISTED = 8;

/**
 * A dense unit's arithmetic (src/viz/closeup/denseDetail.ts): its largest contributions w·x, the others summed,
 * the bias, z and the value (the softmax probability for an output unit), the view's own numbers.
 */
export function DenseCloseup({
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
  const layer = layers[index] as DenseLayerSpec;
  const below = layers[index - 1];
  const detail = denseDetail(layers, frame, params, focus, LISTED);
  const part = frame.layers[index];
  const at = nodeIndex(layer, focus);
  const number = (v: number) => valueText(language, v);
  const output = layer.activation === 'softmax';
  const intro = { inputs: layer.inFeatures, below: below.id };
  return (
    <>
      <p className="muted closeup-note">{output ? t('dense.introOutput', intro) : t('dense.intro', intro)}</p>
      <table className="dense-table" data-testid="dense-contributions">
        <caption>{t('dense.table', { layer: layer.id, unit: focus.c })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dense.input')}</th>
            <th scope="col">{t('dense.x')}</th>
            <th scope="col">{t('dense.w')}</th>
            <th scope="col">{t('dense.product')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.top.map((c) => (
            <tr key={c.input}>
              <th scope="row">
                {below.kind === 'dense'
                  ? t('dense.unit', { layer: below.id, unit: c.node.c })
                  : t('dense.cell', { layer: below.id, map: c.node.c, row: c.node.y, column: c.node.x })}
              </th>
              <td>{number(c.x)}</td>
              <td>{number(c.w)}</td>
              <td>{number(c.product)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('dense.rest', { count: detail.rest.count })}</th>
            <td />
            <td />
            <td>{number(detail.rest.sum)}</td>
          </tr>
        </tbody>
      </table>
      <dl className="closeup-totals">
        <dt>{t('dense.bias')}</dt>
        <dd>{number(detail.bias)}</dd>
        <dt>{t('dense.z')}</dt>
        <dd data-testid="closeup-z">{number(frame.values[part.pre![0] + at])}</dd>
        <dt>{output ? t('dense.probability') : t('dense.value', { activation: layer.activation })}</dt>
        <dd data-testid="closeup-value">{number(frame.values[part.out[0] + at])}</dd>
      </dl>
    </>
  );
}
