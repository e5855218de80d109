import { useTranslation } from 'react-i18next';
import './reading.css';
import { formatFixed, formatPercent } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { SHIPPED_RUNS } from '../../store/compareReading';
import type { EngineConnection } from '../../store/connectEngine';
import { isTrainedHere } from '../../store/trainedRuns';
import { useRunName } from '../runs/useRunName';

/**
 * The always-visible line naming the network shown: a shipped run, a run trained here (and where it began) or an
 * imported one, its checkpoint and accuracy, and whether a taught copy replaces it; with the way back to the
 * shipped network whenever another run is shown. A live region, so leaving the shipped network is announced.
 */
export function ShownNetwork({ engine }: { engine: EngineConnection | null }) {
  const { t } = useTranslation('reading');
  const name = useRunName();
  const language = useAppStore((s) => s.language);
  const run = useAppStore((s) => s.run);
  const checkpoint = useAppStore((s) => s.checkpoints[s.checkpointIndex]);
  const testImages = useAppStore((s) => s.testImages);
  const teaching = useAppStore((s) => s.teaching);
  const lastShipped = useAppStore((s) => s.lastShipped);
  if (!run || !checkpoint) return <p className="shown-network" data-testid="shown-network" role="status" />;
  const record = engine?.runs.get(run);
  const epoch = formatFixed(language, checkpoint.epoch, Number.isInteger(checkpoint.epoch) ? 0 : 4);
  const shipped = Object.hasOwn(SHIPPED_RUNS, run);
  const origin = record?.origin;
  const line = shipped
    ? t('shown.shipped', { name: name(run), epoch })
    : !isTrainedHere(run)
      ? t('shown.imported', { name: run, epoch })
      : origin?.kind === 'checkpoint'
        ? t('shown.trainedFrom', {
            name: run,
            origin: name(origin.run),
            originEpoch: formatFixed(language, origin.epoch, 0),
            epoch,
          })
        : t('shown.trainedScratch', { name: run, epoch });
  const back = async () => {
    const target = engine?.runs.get(lastShipped);
    if (engine && target) await engine.showRun(target);
  };
  return (
    <div className="shown-network" data-testid="shown-network" role="status" aria-label={t('shown.label')}>
      <p>
        <strong>{line}</strong>
        {checkpoint.testAccuracy !== null && (
          <span className="muted">
            {' · '}
            {t('shown.accuracy', {
              accuracy: formatPercent(language, checkpoint.testAccuracy, 2),
              images: formatFixed(language, testImages),
            })}
          </span>
        )}
      </p>
      {teaching && <p className="shown-taught">{t('shown.taught', { count: teaching.steps })}</p>}
      {!shipped && (
        <p className="shown-left">
          <span>{t('shown.leftShipped', { shipped: name(lastShipped) })}</span>{' '}
          <button type="button" data-testid="back-to-shipped" onClick={() => void back()}>
            {t('shown.backToShipped', { name: name(lastShipped) })}
          </button>
        </p>
      )}
    </div>
  );
}
