import { useTranslation } from 'react-i18next';
import { formatFixed, formatPercent, formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';

/** The network's answer: the top digit large, and all ten probabilities as bars. */
export function PredictionPanel() {
  const { t } = useTranslation('reading');
  const language = useAppStore((s) => s.language);
  const prediction = useAppStore((s) => s.prediction);
  const backward = useAppStore((s) => (s.viewKind === 'backward' ? s.backward : null));
  return (
    <section className="prediction" data-testid="prediction" aria-live="polite">
      {prediction ? (
        <>
          <div className="top-digit">
            <span className="digit">{prediction.label}</span>
            <span className="confidence">{formatPercent(language, prediction.probabilities[prediction.label])}</span>
            {backward && (
              <span className="confidence loss">
                {t('lossIfItIs', { loss: formatSignificant(language, backward.loss), label: backward.label })}
              </span>
            )}
          </div>
          <ol className="bars" aria-label={t('probabilities')}>
            {prediction.probabilities.map((p, digit) => (
              <li key={digit} className={digit === prediction.label ? 'top' : ''}>
                <span className="bar-label">{digit}</span>
                <span className="bar" style={{ width: `${Math.max(0.5, p * 100)}%` }} />
                <span className="bar-value">{formatFixed(language, p * 100, 1)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <div className="top-digit empty">{t('drawADigit')}</div>
      )}
    </section>
  );
}
