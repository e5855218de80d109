import { useTranslation } from 'react-i18next';
import { useMessageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';
import { formatEpoch } from './formatEpoch';
import './downloads.css';

/**
 * What is on its way for the runs shown: how much of the selected run's history the page holds (its other
 * checkpoints arrive when needed or while the page is idle), the checkpoint asked for, and a failing fetch
 * being retried (naming the file).
 */
export function RunDownloads() {
  const { t } = useTranslation('runs');
  const text = useMessageText();
  const language = useAppStore((s) => s.language);
  const held = useAppStore((s) => (s.run === null ? undefined : s.heldCheckpoints[s.run]));
  const fetching = useAppStore((s) => s.fetching);
  const problem = useAppStore((s) => s.fetchProblem);
  const count = held?.filter(Boolean).length ?? 0;
  const total = held?.length ?? 0;
  const history = t('downloads.history', { held: count, total });
  return (
    <div className="run-downloads">
      {held && count < total && (
        <span className="history-progress" data-testid="history-progress">
          {history} <progress value={count} max={total} aria-label={history} />
        </span>
      )}
      <span role="status" className="fetch-status" data-testid="fetch-status">
        {fetching && <span>{t('downloads.fetching', { epoch: formatEpoch(language, fetching.epoch) })}</span>}
        {problem && <span className="fetch-problem">{text(problem)}</span>}
      </span>
    </div>
  );
}
