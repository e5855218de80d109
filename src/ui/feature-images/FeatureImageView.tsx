import { useTranslation } from 'react-i18next';
import type { FeatureImage } from '../../engine/interpret/featureImage';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { PlaneCanvas } from '../portraits/PlaneCanvas';
import { cropPlane, INPUT_SIDE, type FieldBox } from '../portraits/portraitGeometry';
import './featureImages.css';

/**
 * The input synthesized to excite the node, its receptive field outlined (and enlarged for a conv or pooling
 * node), with its value beside the best test digit's.
 */
export function FeatureImageView({
  feature,
  box,
  crop,
  best,
  label,
}: {
  feature: FeatureImage | null;
  box: FieldBox | null;
  crop: boolean;
  best: number | null;
  label: string;
}) {
  const { t } = useTranslation('featureImages');
  const language = useAppStore((s) => s.language);
  const number = (v: number) => formatSignificant(language, v, 3);
  if (!feature) return <p className="muted">{t('feature.computing')}</p>;
  return (
    <figure className="portrait-feature">
      <span className="portrait-feature-images" role="img" aria-label={label}>
        <PlaneCanvas plane={feature.image} side={INPUT_SIDE} box={box} testId="feature-image" />
        {box && crop && <PlaneCanvas plane={cropPlane(feature.image, box)} side={box.size} />}
      </span>
      <figcaption>
        {t('feature.caption', {
          value: number(feature.value),
          best: best === null ? '-' : number(best),
          steps: feature.steps,
        })}
      </figcaption>
    </figure>
  );
}
