import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { frameHolder } from '../../store/frameHolder';
import { divergingGradientCss, rampGradientCss } from '../../viz/colourRamp';
import { sharedDeltaScale } from '../../viz/deltaView';

/** The backward view's note: what is coloured, and how it is scaled (per layer, or one shared scale, printed). */
function DeltaNote() {
  const { t } = useTranslation('viewControls');
  const language = useAppStore((s) => s.language);
  const deltaPart = useAppStore((s) => s.deltaPart);
  const shared = useAppStore((s) => s.deltaScale === 'shared');
  useAppStore((s) => s.backward); // a new backward pass: a new shared scale
  const backward = frameHolder.backward;
  if (!shared) return <small>{deltaPart === 'pre' ? t('legend.deltaPre') : t('legend.deltaOut')}</small>;
  const scale = formatSignificant(language, backward ? sharedDeltaScale(backward, deltaPart) : 0, 4);
  return (
    <small data-testid="delta-shared-scale">
      {deltaPart === 'pre' ? t('legend.deltaPreShared', { scale }) : t('legend.deltaOutShared', { scale })}
    </small>
  );
}

/** The colour legend of the frame shown: activations, or the backward view's error terms. */
export function ColourLegend() {
  const { t } = useTranslation('viewControls');
  const colourMode = useAppStore((s) => s.colourMode);
  const backward = useAppStore((s) => s.viewKind === 'backward');
  if (backward) {
    return (
      <div className="legend" data-testid="delta-legend">
        <span>−</span>
        <span className="ramp" style={{ background: divergingGradientCss() }} />
        <span>+</span>
        <DeltaNote />
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
