import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { formatEpoch } from '../runs/formatEpoch';
import { useRunName } from '../runs/useRunName';
import { architectureText } from './architectureWords';
import type { TrainingIntent } from './trainingIntent';

/**
 * Beside the training buttons, what they start from. On a shipped or imported run (which stays as it is): the
 * choice of a new network from scratch (its architecture named) or of this run's selected checkpoint continued as a
 * new run. On a run trained here: that it is trained further, from its last checkpoint.
 */
export function TrainingOrigin({ intent }: { intent: TrainingIntent }) {
  const { t } = useTranslation('training');
  const runName = useRunName();
  const language = useAppStore((s) => s.language);
  const shown = useAppStore((s) => s.run);
  const selected = useAppStore((s) => s.checkpoints[s.checkpointIndex]);
  const last = useAppStore((s) => s.checkpoints.at(-1));
  const trainFrom = useAppStore((s) => s.trainFrom);
  const architecture = useAppStore((s) => s.architecture);
  const set = useAppStore((s) => s.set);
  if (intent.kind === 'continue')
    return (
      <p className="training-continues">
        {t('origin.continues', { name: shown, epoch: formatEpoch(language, last?.epoch ?? 0) })}
      </p>
    );
  return (
    <fieldset className="training-origin" data-testid="training-origin">
      <legend>{t('origin.legend', { shown: runName(shown), name: intent.name })}</legend>
      <label>
        <input
          type="radio"
          name="training-origin"
          value="scratch"
          checked={trainFrom === 'scratch'}
          onChange={() => set({ trainFrom: 'scratch' })}
        />{' '}
        {t('origin.scratch', { architecture: architectureText(t, architecture) })}
      </label>
      <label>
        <input
          type="radio"
          name="training-origin"
          value="checkpoint"
          checked={trainFrom === 'checkpoint'}
          onChange={() => set({ trainFrom: 'checkpoint' })}
        />{' '}
        {t('origin.checkpoint', { epoch: formatEpoch(language, selected?.epoch ?? 0) })}
      </label>
    </fieldset>
  );
}
