import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/message';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { GradientCheckTable } from './GradientCheckTable';
import { axisNames, formatNumber, weightLabel } from './gradientCheckText';
import { randomWeight, weightLayers } from '../kernels/kernelImages';

/** What the gradient-check panel reads and calls. */
export interface GradientCheckPanelProps {
  readonly layers: readonly LayerSpec[];
  /** Checks weight `index` of `tensor` for the drawing (selects it and stores the result in the app store). */
  check(tensor: string, index: number): Promise<void>;
}

/**
 * The tutorial's check of one derivative (检查求导是否正确): the selected weight's dL/dw from backprop
 * beside the central finite difference (L(w + ε) − L(w − ε)) / 2ε, and whether they agree.
 */
export function GradientCheckPanel({ layers, check }: GradientCheckPanelProps) {
  const selected = useAppStore((s) => s.selectedWeight);
  const result = useAppStore((s) => s.gradientCheck);
  const { t } = useTranslation('backprop');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (tensor: string, index: number) => {
    setBusy(true);
    setError(null);
    try {
      await check(tensor, index);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const current =
    result && selected && result.tensor === selected.tensor && result.index === selected.index ? result : null;
  const canPick = weightLayers(layers).length > 0;
  return (
    <section className="gradient-check" data-testid="gradient-check" aria-label={t('check.title')}>
      <h2>{t('check.title')}</h2>
      <p className="muted">{t('check.intro')}</p>
      <div className="gradient-check-buttons">
        <button
          data-testid="gradcheck-random"
          disabled={busy || !canPick}
          onClick={() => {
            const pick = randomWeight(layers);
            void run(pick.tensor, pick.index);
          }}
        >
          {t('check.random')}
        </button>
        <button
          data-testid="gradcheck-again"
          disabled={busy || !selected}
          onClick={() => {
            if (selected) void run(selected.tensor, selected.index);
          }}
        >
          {t('check.again')}
        </button>
      </div>
      {selected ? (
        <p className="gradient-check-weight" data-testid="gradcheck-weight">
          <strong>{weightLabel(layers, selected.tensor, selected.index)}</strong>
          <span className="muted">
            {' '}
            {t('check.entry', { axes: axisNames(selected.tensor, layers), index: selected.index })}
          </span>
          {current && <span> = {formatNumber(current.weight)}</span>}
        </p>
      ) : (
        <p className="muted">{t('check.pickHint')}</p>
      )}
      {selected && !current && !error && <p className="muted">{busy ? t('check.checking') : t('check.waiting')}</p>}
      {current && <GradientCheckTable check={current} />}
      {error && (
        <p className="error" role="alert" data-testid="gradcheck-error">
          {t('check.failed', { detail: error })}
        </p>
      )}
    </section>
  );
}
