import { useTranslation } from 'react-i18next';
import { formatPercent, formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { attributionScale, overlayGradientCss } from '../../viz/attributionColours';
import { completenessOf } from './completeness';
import { useAttributionStatus, useShownAttribution } from './useShownAttribution';

/**
 * What the map shown explains and at what scale: the score z (one logit, or the difference of two), the
 * legend of its colours over the paper with the scale printed, and for integrated gradients the completeness
 * check (Σ map against z(x) − z(0)); or why there is no map.
 */
export function AttributionReadout() {
  const { t } = useTranslation('attribution');
  const language = useAppStore((s) => s.language);
  const hasInput = useAppStore((s) => s.input !== null);
  const attribution = useShownAttribution();
  const status = useAttributionStatus();
  const number = (v: number) => formatSignificant(language, v, 4);
  if (!hasInput) return <p className="muted">{t('attribution.empty')}</p>;
  const scale = attribution ? attributionScale(attribution.method, attribution.map) : null;
  const check = attribution ? completenessOf(attribution) : null;
  const shown = scale ? formatSignificant(language, scale.scale, 3) : '';
  return (
    <div className="attribution-readout" aria-live="polite">
      {status.sameDigits !== null && (
        <p className="note">{t('attribution.sameDigits', { digit: status.sameDigits })}</p>
      )}
      {status.problem && (
        <p className="error" role="alert">
          {t('attribution.problem', { detail: status.problem })}
        </p>
      )}
      {attribution && scale && (
        <>
          <p data-testid="attribution-score">
            {attribution.contrast === null
              ? t('attribution.scoreOne', { target: attribution.target, score: number(attribution.score) })
              : t('attribution.scoreContrast', {
                  target: attribution.target,
                  contrast: attribution.contrast,
                  score: number(attribution.score),
                })}
          </p>
          {scale.scale > 0 ? (
            <div className="attribution-legend" data-testid="attribution-legend">
              <span>{scale.signed ? <>−{shown}</> : <>0</>}</span>
              <span className="attribution-ramp" style={{ backgroundImage: overlayGradientCss(scale.signed) }} />
              <span>+{shown}</span>
              <p className="muted">
                {scale.signed
                  ? t('attribution.legendSigned', { scale: shown })
                  : t('attribution.legendUnsigned', { scale: shown })}{' '}
                · {t('attribution.legendSqrt')}
              </p>
            </div>
          ) : (
            <p className="muted">{t('attribution.flat')}</p>
          )}
          {check && (
            <p data-testid="attribution-completeness">
              {t('attribution.completeness', {
                sum: number(check.sum),
                score: number(attribution.score),
                baseline: number(check.baseline),
                difference: number(check.difference),
                gap: number(check.gap),
                share: formatPercent(language, Math.abs(check.relativeGap), 2),
              })}
            </p>
          )}
        </>
      )}
      {status.busy && <p className="muted">{t('attribution.computing')}</p>}
    </div>
  );
}
