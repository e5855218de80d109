import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { frameHolder } from '../../store/frameHolder';
import { placeOf } from '../view/nodeWords';
import { useFrameVersion } from '../view/useFrameVersion';
import { FeatureImageView } from '../feature-images/FeatureImageView';
import { OwnDigits } from '../feature-images/OwnDigits';
import { PortraitProgress } from './PortraitProgress';
import { receptiveBox } from './portraitGeometry';
import { TopDigits } from './TopDigits';
import { useFeatureImage, usePortraitData } from './usePortrait';
import { ValueHistogram } from './ValueHistogram';

/** The node's value for the input shown now (after its activation; the probability for an output), or null. */
function useShownValue(node: NodeRef): number | null {
  useFrameVersion();
  const layers = useAppStore((s) => s.layers);
  const frame = frameHolder.frame;
  const l = layers.findIndex((layer) => layer.id === node.layer);
  const part = frame?.layers[l];
  return part ? frame!.values[part.out[0] + nodeIndex(layers[l], node)] : null;
}

/**
 * What the node responds to at the selected checkpoint: the test digits that excite it most (receptive field
 * outlined, a click loads one), beside them the input synthesized to excite it, the histogram of its values with
 * this input's marked; for an output, also the network's own 0 … 9.
 */
export function PortraitContent({ engine, node }: { engine: EngineConnection; node: NodeRef }) {
  const { t } = useTranslation('portraits');
  const { t: tView } = useTranslation('view');
  const { t: tFeature } = useTranslation('featureImages');
  const language = useAppStore((s) => s.language);
  const layers = useAppStore((s) => s.layers);
  const layer = layers.find((l) => l.id === node.layer);
  const portrait = usePortraitData(engine, node);
  const feature = useFeatureImage(engine, node);
  const value = useShownValue(node);
  const { layer: id, c, y, x } = node;
  const box = useMemo(() => receptiveBox(layers, { layer: id, c, y, x }), [layers, id, c, y, x]);
  if (!layer) return null;
  const crop = layer.kind === 'conv' || layer.kind === 'pool';
  const data = portrait.value;
  const problem = portrait.problem ?? feature.problem;
  const featureLabel = tFeature('feature.label', {
    layer: node.layer,
    where: placeOf(tView, layer, node),
    value: feature.value ? formatSignificant(language, feature.value.value, 3) : '-',
  });
  return (
    <div className="portrait-content">
      {problem && (
        <p className="error" role="alert">
          {t('portrait.problem', { detail: problem })}
        </p>
      )}
      {!data && !portrait.problem && <PortraitProgress />}
      {data && (
        <div className="portrait-grid">
          <section className="portrait-digits">
            <h3>{t('portrait.top.title')}</h3>
            <p className="muted">
              {layer.kind === 'input'
                ? t('portrait.inputNode')
                : box
                  ? t('portrait.top.field', { size: box.size })
                  : t('portrait.top.whole')}
            </p>
            <TopDigits
              top={data.top}
              test={data.test}
              box={box}
              crop={crop}
              onLoad={(index) => void engine.explorer.loadTestDigit(index)}
            />
          </section>
          <section className="portrait-synth">
            <h3>{tFeature('feature.title')}</h3>
            <FeatureImageView
              feature={feature.value}
              box={box}
              crop={crop}
              best={data.top[0]?.value ?? null}
              label={featureLabel}
            />
            <p className="muted">{tFeature('feature.explain')}</p>
          </section>
          <section className="portrait-values">
            <h3>{t('portrait.histogram.title')}</h3>
            <ValueHistogram histogram={data.histogram} value={value} />
          </section>
        </div>
      )}
      {node.layer === 'output' && <OwnDigits engine={engine} />}
    </div>
  );
}
