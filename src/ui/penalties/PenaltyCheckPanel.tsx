import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { checkVerdict, formatNumber } from '../backprop/gradientCheckText';
import type { AlphaCell } from '../combinations/AlphaGrid';
import { ALPHA_TENSOR } from '../combinations/alphaMatrix';
import { logitsOf } from '../combinations/logitGradient';
import { checkPenalty } from './penaltyCheck';
import './penalties.css';

/** The λ the check uses when the new-run λ is 0 (a penalty of weight 0 shows nothing). */
const SHOWN_LAMBDA = 0.01;

/**
 * The gradient check on one logit c_ij with and without each penalty: the loss's ∂E/∂c from the backward view's
 * check (backprop against the central finite difference, the backprop room's `checkGradient`), then λ ∂Ω/∂c of the
 * tutorial's L1 (zero: Σ α = 1) and of the entropy, analytic beside the finite difference of λΩ.
 */
export function PenaltyCheckPanel({ engine, picked }: { engine: EngineConnection; picked: AlphaCell | null }) {
  const { t } = useTranslation('penalties');
  const result = useAppStore((s) => s.gradientCheck);
  const layers = useAppStore((s) => s.layers);
  const chosenLambda = useAppStore((s) => s.alphaLambda);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lambda = chosenLambda > 0 ? chosenLambda : SHOWN_LAMBDA;
  const index = picked ? picked.out * 6 + picked.in : -1;
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      await engine.backprop.checkGradient(ALPHA_TENSOR, index);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const loss = result && result.tensor === ALPHA_TENSOR && result.index === index ? result : null;
  const logits = picked ? logitsOf(layers, engine.params()) : null;
  const penalties = logits
    ? (['l1', 'entropy'] as const).map((kind) => checkPenalty(kind, lambda, logits, 16, 6, index))
    : [];
  return (
    <section className="penalty-check" data-testid="alpha-gradient-check" aria-label={t('check.title')}>
      <h3>{t('check.title')}</h3>
      {!picked ? (
        <p className="muted">{t('check.pick')}</p>
      ) : (
        <>
          <p className="muted">{t('check.intro', { out: picked.out, in: picked.in, lambda })}</p>
          <button type="button" data-testid="alpha-check-run" disabled={busy} onClick={() => void check()}>
            {busy ? t('check.checking') : t('check.run')}
          </button>
          <table className="penalty-check-table">
            <thead>
              <tr>
                <th />
                <th scope="col">{t('check.backprop')}</th>
                <th scope="col">{t('check.numeric')}</th>
                <th scope="col">{t('check.total')}</th>
              </tr>
            </thead>
            <tbody>
              <tr data-testid="alpha-check-loss" data-verdict={loss ? checkVerdict(loss).reason : undefined}>
                <th scope="row">{t('check.loss')}</th>
                <td>{loss ? formatNumber(loss.analytic) : '–'}</td>
                <td>{loss ? formatNumber(loss.numeric) : '–'}</td>
                <td>{loss ? formatNumber(loss.analytic) : '–'}</td>
              </tr>
              {penalties.map((p) => (
                <tr key={p.kind} data-testid={`alpha-check-${p.kind}`} data-analytic={p.analytic}>
                  <th scope="row">{t('check.penaltyRow', { penalty: t(`penalty.choice.${p.kind}`) })}</th>
                  <td>{formatNumber(p.analytic)}</td>
                  <td>{formatNumber(p.numeric)}</td>
                  <td>{loss ? formatNumber(loss.analytic + p.analytic) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">{t('check.zero')}</p>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {t('check.failed', { detail: error })}
        </p>
      )}
    </section>
  );
}
