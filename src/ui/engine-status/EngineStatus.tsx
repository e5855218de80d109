import { useTranslation } from 'react-i18next';
import { useMessageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';
import './engineStatus.css';

/** Which engine runs, in one short line; what it is (the GPU's renderer) and why it was chosen behind "details". */
export function EngineStatus() {
  const { t } = useTranslation('engineStatus');
  const backend = useAppStore((s) => s.backend);
  const renderer = useAppStore((s) => s.renderer);
  const reason = useAppStore((s) => s.engineReason);
  const text = useMessageText();
  return (
    <div className="engine-status" data-testid="engine-status">
      <p role="status" aria-live="polite">
        {t('engine', { name: t(`name.${backend ?? 'starting'}`) })}
      </p>
      {backend && (
        <details className="engine-details">
          <summary>{t('details')}</summary>
          <p>{t(`about.${backend}`, { renderer })}</p>
          {reason && <p data-testid="engine-reason">{text(reason)}</p>}
        </details>
      )}
    </div>
  );
}
