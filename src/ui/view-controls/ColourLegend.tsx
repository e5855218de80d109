import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { divergingGradientCss, rampGradientCss } from '../../viz/colourRamp';

/** The colour legend of the frame shown: activations, or the backward view's error terms. */
export function ColourLegend() {
  const { t } = useTranslation('viewControls');
  const colourMode = useAppStore((s) => s.colourMode);
  const backward = useAppStore((s) => s.viewKind === 'backward');
  const deltaPart = useAppStore((s) => s.deltaPart);
  if (backward) {
    return (
      <div className="legend" data-testid="delta-legend">
        <span>−</span>
        <span className="ramp" style={{ background: divergingGradientCss() }} />
        <span>+</span>
        <small>{deltaPart === 'pre' ? t('legend.deltaPre') : t('legend.deltaOut')}</small>
      </div>
    );
  }
  return (
    <div className="legend" title={colourMode === 'perDrawing' ? t('legend.titlePerDrawing') : t('legend.titleFixed')}>
      <span>{t('legend.negative')}</span>
      <span className="ramp" style={{ background: rampGradientCss() }} />
      <span>{t('legend.high')}</span>
      <small>{t(`legend.note.${colourMode}`)}</small>
    </div>
  );
}
