import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { divergingGradientCss, rampGradientCss } from '../../viz/colourRamp';

/** The ramps and scales of a conv layer's kernel images (each scaled by its tensor's largest |value|; null: not shown). */
export function ScaleCaption({
  tensor,
  weightScale,
  gradientScale,
}: {
  tensor: string;
  weightScale: number | null;
  gradientScale: number | null;
}) {
  const { t } = useTranslation('kernels');
  const language = useAppStore((s) => s.language);
  return (
    <p className="kernel-caption">
      {weightScale !== null && (
        <span className="kernel-scale">
          <span className="ramp-swatch" style={{ background: rampGradientCss() }} />{' '}
          {t('scale.weight', { scale: formatSignificant(language, weightScale) })}
        </span>
      )}
      {gradientScale !== null && (
        <span className="kernel-scale">
          <span className="ramp-swatch" style={{ background: divergingGradientCss() }} />{' '}
          {t('scale.gradient', { scale: formatSignificant(language, gradientScale) })}
        </span>
      )}
      <span className="muted"> {t('scale.caption', { tensor })}</span>
    </p>
  );
}
