import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';

/** Beside the reading, for as long as a taught copy replaces the checkpoint: says so, with undo. */
export function TeachingBadge({ engine }: { engine: EngineConnection | null }) {
  const { t } = useTranslation('reading');
  const teaching = useAppStore((s) => s.teaching);
  if (!teaching || !engine) return null;
  return (
    <p className="teaching-badge" data-testid="teaching-badge" role="status">
      <span className="badge">{t('taught.badge')}</span>{' '}
      <span>{t('taught.detail', { label: teaching.label, count: teaching.steps })}</span>{' '}
      <button type="button" onClick={() => void engine.backprop.undo()}>
        {t('taught.undo')}
      </button>
    </p>
  );
}
