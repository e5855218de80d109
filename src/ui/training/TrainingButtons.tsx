import { useTranslation } from 'react-i18next';
import { errorText, message } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import type { RunOrigin } from '../../store/runRecord';
import type { TrainingController } from '../../store/trainingController';
import { formatEpoch } from '../runs/formatEpoch';
import { useRunName } from '../runs/useRunName';
import type { TrainingIntent } from './trainingIntent';

/**
 * Train/pause, one batch, one epoch and reset, each saying what it does to the run shown: on a shipped or
 * imported run they start a new network; on a run trained here they train it further, and reset begins it again.
 */
export function TrainingButtons({
  training,
  intent,
  origin,
}: {
  training: TrainingController;
  intent: TrainingIntent;
  /** Where the run shown began, for a run trained here. */
  origin: RunOrigin | undefined;
}) {
  const { t } = useTranslation('training');
  const runName = useRunName();
  const language = useAppStore((s) => s.language);
  const shown = useAppStore((s) => s.run);
  const running = useAppStore((s) => s.training.status === 'running');
  const copy = useAppStore((s) => s.trainFrom === 'checkpoint');
  const report = (promise: Promise<void>) =>
    promise.catch((e: unknown) =>
      useAppStore.getState().set({ error: message('messages', 'failed', { detail: errorText(e) }) }),
    );
  const fresh = intent.kind === 'newRun';
  const toggle = running
    ? t('buttons.pause')
    : fresh
      ? t('buttons.trainNew')
      : intent.resumable
        ? t('buttons.resume')
        : t('buttons.train');
  const from =
    origin?.kind === 'checkpoint'
      ? t('origin.fromCheckpoint', { run: runName(origin.run), epoch: formatEpoch(language, origin.epoch) })
      : t('origin.fromScratch');
  return (
    <div className="training-buttons">
      <button
        type="button"
        data-testid="train-toggle"
        onClick={() => void report(running ? training.pause() : training.start())}
      >
        {toggle}
      </button>
      <button type="button" data-testid="train-step" disabled={running} onClick={() => void report(training.step())}>
        {fresh ? t('buttons.oneBatchNew') : t('buttons.oneBatch')}
      </button>
      <button
        type="button"
        data-testid="train-epoch"
        disabled={running}
        onClick={() => void report(training.stepEpoch())}
      >
        {fresh ? t('buttons.oneEpochNew') : t('buttons.oneEpoch')}
      </button>
      <button
        type="button"
        data-testid="train-reset"
        title={
          !fresh
            ? t('buttons.resetRunTitle', { name: shown, from })
            : t(copy ? 'buttons.resetCopyTitle' : 'buttons.resetScratchTitle', { name: intent.name })
        }
        onClick={() => void report(training.reset())}
      >
        {!fresh ? t('buttons.resetRun') : copy ? t('buttons.resetCopy') : t('buttons.resetScratch')}
      </button>
    </div>
  );
}
