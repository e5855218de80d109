import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import './batchSize.css';

/** The batch sizes offered: 1 is online updates (one image per step), the others batch updates. */
export const BATCH_SIZES = [1, 8, 16, 32, 64, 128, 256] as const;

/**
 * Above this η/(1 − γ), online updates threw the default network off in this page (0.5, 0.1 within seconds on
 * 512 images; 0.05 after some epochs on 2,048), where 0.01 (η 0.01, γ 0) trained to 96%.
 */
const ONLINE_REACH = 0.02;

/**
 * The batch size of the next new network (online updates at 1), with the tutorial's comparison of batch and
 * online updates in its help, and a hint when online updates meet a learning rate made for batches.
 */
export function BatchSizeSelect() {
  const { t } = useTranslation('batch');
  const batchSize = useAppStore((s) => s.batchSize);
  const set = useAppStore((s) => s.set);
  const language = useAppStore((s) => s.language);
  const learningRate = useAppStore((s) => s.learningRate);
  const momentum = useAppStore((s) => s.momentum);
  const reach = learningRate / (1 - momentum);
  const number = (v: number) => formatSignificant(language, v, 3);
  return (
    <div className="batch-size">
      <label>
        {t('label')}{' '}
        <select data-testid="batch-size" value={batchSize} onChange={(e) => set({ batchSize: Number(e.target.value) })}>
          {BATCH_SIZES.map((size) => (
            <option key={size} value={size}>
              {size === 1 ? t('online', { size }) : size}
            </option>
          ))}
        </select>
      </label>{' '}
      <span className="muted">{t('when')}</span>
      {batchSize === 1 && reach > ONLINE_REACH + 1e-9 && (
        <p className="batch-hint" data-testid="batch-hint">
          {t('hint', { learningRate: number(learningRate), momentum: number(momentum), reach: number(reach) })}
        </p>
      )}
      <details className="batch-help">
        <summary>{t('helpSummary')}</summary>
        <blockquote>
          <p>{t('quote')}</p>
          <footer>{t('source')}</footer>
        </blockquote>
        <p>{t('online1')}</p>
        <p>{t('batchB')}</p>
        <p>{t('chart')}</p>
        <p>{t('rule')}</p>
      </details>
    </div>
  );
}
