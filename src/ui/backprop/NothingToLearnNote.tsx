import { useTranslation } from 'react-i18next';
import { formatPercent, formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { nothingToLearn } from './nothingToLearn';

/**
 * Says plainly when the backward pass has almost nothing to learn (the label is already read with near certainty,
 * nothingToLearn.ts), why the colours still look vivid with per-layer scales, and offers the two runner-up digits
 * as the label instead.
 */
export function NothingToLearnNote() {
  const { t } = useTranslation('backprop');
  const language = useAppStore((s) => s.language);
  const backward = useAppStore((s) => s.backward);
  const probabilities = useAppStore((s) => s.prediction?.probabilities ?? null);
  const perLayer = useAppStore((s) => s.deltaScale === 'layer');
  const set = useAppStore((s) => s.set);
  const found = backward && probabilities ? nothingToLearn(probabilities, backward.label) : null;
  if (!backward || !probabilities || !found) return null;
  return (
    <div className="nothing-to-learn" data-testid="backward-nothing-to-learn" role="status">
      <p>
        {t('nothing.text', {
          label: backward.label,
          probability: formatPercent(language, found.probability, 3),
          loss: formatSignificant(language, backward.loss, 2),
        })}
      </p>
      {perLayer && <p>{t('nothing.layerScale')}</p>}
      <div className="nothing-to-learn-labels" role="group" aria-label={t('nothing.try')}>
        <span>{t('nothing.try')}</span>
        {found.runnersUp.map((digit) => (
          <button
            key={digit}
            type="button"
            data-testid={`nothing-to-learn-label-${digit}`}
            onClick={() => set({ trueLabel: digit })}
          >
            {t('nothing.label', { digit, probability: formatSignificant(language, probabilities[digit], 2) })}
          </button>
        ))}
      </div>
    </div>
  );
}
