import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import './batchSize.css';

/** The batch sizes offered: 1 is online updates (one image per step), the others batch updates. */
export const BATCH_SIZES = [1, 8, 16, 32, 64, 128, 256] as const;

/**
 * The batch size of the next new network (online updates at 1), with the tutorial's comparison of batch and
 * online updates in its help.
 */
export function BatchSizeSelect() {
  const { t } = useTranslation('batch');
  const batchSize = useAppStore((s) => s.batchSize);
  const set = useAppStore((s) => s.set);
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
