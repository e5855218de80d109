import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { PlaneCanvas } from '../portraits/PlaneCanvas';
import { INPUT_SIDE } from '../portraits/portraitGeometry';
import { useFeatureImage } from '../portraits/usePortrait';
import './featureImages.css';

/** One output's feature image: the input that maximizes that digit's probability. */
function OwnDigit({ engine, digit }: { engine: EngineConnection; digit: number }) {
  const { t } = useTranslation('featureImages');
  const language = useAppStore((s) => s.language);
  const { value: feature } = useFeatureImage(engine, { layer: 'output', c: digit, y: 0, x: 0 });
  const label = feature
    ? t('own.label', { digit, value: formatSignificant(language, feature.value, 3) })
    : t('feature.computing');
  return (
    <li>
      <span className="own-digit" role="img" aria-label={label}>
        {feature ? <PlaneCanvas plane={feature.image} side={INPUT_SIDE} /> : <span className="plane pending" />}
        <span aria-hidden="true">{digit}</span>
      </span>
    </li>
  );
}

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** "The network's own 0 … 9": the ten outputs' feature images in a row (each cached per checkpoint). */
export function OwnDigits({ engine }: { engine: EngineConnection }) {
  const { t } = useTranslation('featureImages');
  return (
    <section className="portrait-own" data-testid="own-digits">
      <h3>{t('own.title')}</h3>
      <p className="muted">{t('own.explain')}</p>
      <ol>
        {DIGITS.map((digit) => (
          <OwnDigit key={digit} engine={engine} digit={digit} />
        ))}
      </ol>
    </section>
  );
}
