import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed } from '../../i18n/format';
import { errorText } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import { TEACHING_TEST_IMAGES, type BackpropController } from '../../store/backpropController';
import { TeachStatus } from './TeachStatus';
import './teach.css';

/**
 * Teaching the network this drawing: SGD steps on it alone (w ← w − η ∂E/∂w) on a scratch copy of
 * the selected checkpoint, how many steps flipped the reading, what it cost on test images, and undo.
 */
export function TeachPanel({ backprop }: { backprop: BackpropController }) {
  const { t } = useTranslation('backprop');
  const language = useAppStore((s) => s.language);
  const teaching = useAppStore((s) => s.teaching);
  const trueLabel = useAppStore((s) => s.trueLabel);
  const prediction = useAppStore((s) => s.prediction);
  const hasInput = useAppStore((s) => s.input !== null);
  const [rate, setRate] = useState('0.01');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const label = trueLabel ?? prediction?.label ?? null;
  const learningRate = Number(rate);
  const rateOk = Number.isFinite(learningRate) && learningRate > 0 && learningRate <= 10;
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    work()
      .catch((e: unknown) => setProblem(errorText(e)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="teach" aria-label={t('teach.region')}>
      <div className="teach-row">
        <button
          type="button"
          data-testid="teach-step"
          disabled={busy || !hasInput || label === null || !rateOk}
          onClick={() => run(() => backprop.teach(label!, 1, learningRate))}
        >
          {label === null ? t('teach.buttonNoLabel') : t('teach.button', { label })}
        </button>
        <label>
          {t('teach.rate')}{' '}
          <input
            data-testid="teach-rate"
            title={t('teach.rateTitle')}
            inputMode="decimal"
            value={rate}
            aria-invalid={!rateOk}
            onChange={(e) => setRate(e.target.value)}
            size={5}
          />
        </label>
        <button
          type="button"
          data-testid="teach-undo"
          disabled={busy || !teaching}
          onClick={() => run(() => backprop.undo())}
        >
          {t('teach.undo')}
        </button>
      </div>
      {!rateOk && <p className="error">{t('teach.rateInvalid')}</p>}
      {teaching && (
        <div className="teach-status" data-testid="teach-status" aria-live="polite">
          <TeachStatus teaching={teaching} />
          {!teaching.cost && (
            <button
              type="button"
              data-testid="teach-cost"
              disabled={busy}
              onClick={() => run(() => backprop.measureCost())}
            >
              {t('teach.costButton', { images: formatFixed(language, TEACHING_TEST_IMAGES) })}
            </button>
          )}
          <p className="muted small">{t('teach.scratch')}</p>
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {t('teach.failed', { detail: problem })}
        </p>
      )}
    </section>
  );
}
