import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { useMessageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';
import { formatEpoch } from '../runs/formatEpoch';
import { useRunName } from '../runs/useRunName';

/** Which engine runs, which checkpoint is shown, and why the engine fell back if it did. */
export function EngineStatus() {
  const { t } = useTranslation('engineStatus');
  const language = useAppStore((s) => s.language);
  const backend = useAppStore((s) => s.backend);
  const renderer = useAppStore((s) => s.renderer);
  const note = useAppStore((s) => s.engineNote);
  const text = useMessageText();
  const runName = useRunName();
  const checkpoint = useAppStore((s) => s.checkpoints[s.checkpointIndex]);
  const run = useAppStore((s) => s.run);
  const shown = checkpoint && { run: runName(run), epoch: formatEpoch(language, checkpoint.epoch) };
  return (
    <div className="engine-status" role="status" aria-live="polite" data-testid="engine-status">
      <div>{t('engine', { name: t(`name.${backend ?? 'starting'}`) })}</div>
      {renderer && (
        <div className="muted" title={renderer}>
          {renderer.length > 60 ? `${renderer.slice(0, 57)}…` : renderer}
        </div>
      )}
      {shown && (
        <div>
          {checkpoint.testAccuracy === null
            ? t('checkpoint', shown)
            : t('checkpointWithAccuracy', { ...shown, accuracy: formatPercent(language, checkpoint.testAccuracy, 2) })}
        </div>
      )}
      {note && <div className="muted">{text(note)}</div>}
    </div>
  );
}
