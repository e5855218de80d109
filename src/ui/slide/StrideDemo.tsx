import { useTranslation } from 'react-i18next';
import type { ActivationFrame } from '../../engine/activationFrame';
import type { LayerSpec } from '../../engine/model/layerSpec';
import type { NodeRef } from '../../engine/model/nodeRef';
import { PADDINGS, STRIDES } from '../../store/closeupSettings';
import { useAppStore } from '../../store/appStore';
import { networkInput } from '../../store/networkInput';
import { strideDemo } from '../../viz/closeup/strideDemo';
import { rampShade } from '../closeup/mapShades';
import { MapCanvas } from './MapCanvas';
import { rangeOf } from '../../viz/colourRamp';
import './slide.css';

/**
 * Stride and zero padding, computed (步长, 零填充): the focused c1 node's kernel, bias and activation applied to the
 * input the network reads with the stride and padding chosen, its size ⌊(32 + 2p − 5)/s⌋ + 1, beside the network's
 * own stride-1, unpadded map, both on one colour scale.
 */
export function StrideDemo({
  layers,
  focus,
  frame,
  params,
}: {
  layers: readonly LayerSpec[];
  focus: NodeRef;
  frame: ActivationFrame;
  params: Float32Array;
}) {
  const { t } = useTranslation('slide');
  const closeup = useAppStore((s) => s.closeup);
  const set = useAppStore((s) => s.set);
  const { stride, padding } = closeup;
  const demo = strideDemo(layers, networkInput() ?? new Float32Array(1024), params, { c: focus.c, stride, padding });
  const [size] = demo.shape;
  const c1 = layers.findIndex((l) => l.id === 'c1');
  const [, height, width] = layers[c1].shape;
  const start = frame.layers[c1].out[0] + focus.c * height * width;
  const own = frame.values.subarray(start, start + height * width);
  const shade = rampShade(rangeOf([...own, ...demo.map]));
  const choose = (key: 'stride' | 'padding', value: number) => set({ closeup: { ...closeup, [key]: value } });
  return (
    <section className="stride-demo" aria-label={t('stride.heading')}>
      <h3>{t('stride.heading')}</h3>
      <div className="stride-choices">
        <label>
          {t('stride.stride')}{' '}
          <select data-testid="stride-select" value={stride} onChange={(e) => choose('stride', Number(e.target.value))}>
            {STRIDES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stride.padding')}{' '}
          <select
            data-testid="padding-select"
            value={padding}
            onChange={(e) => choose('padding', Number(e.target.value))}
          >
            {PADDINGS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="stride-size" data-testid="stride-size">
        {t('stride.size', { stride, padding, size })}
      </p>
      <div className="stride-maps">
        <figure>
          <MapCanvas
            values={demo.map}
            height={size}
            width={size}
            shade={shade}
            cell={3}
            testId="stride-map"
            label={t('stride.chosen', { map: focus.c, stride, padding, size })}
          />
          <figcaption>{t('stride.chosen', { map: focus.c, stride, padding, size })}</figcaption>
        </figure>
        <figure>
          <MapCanvas values={own} height={height} width={width} shade={shade} cell={3} label={t('stride.own')} />
          <figcaption>{t('stride.own')}</figcaption>
        </figure>
      </div>
      <p className="muted closeup-note">{t('stride.note')}</p>
    </section>
  );
}
