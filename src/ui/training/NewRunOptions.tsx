import { useTranslation } from 'react-i18next';
import type { ArchitectureOptions } from '../../engine/model/layerSpec';
import { ARCHITECTURE_CHOICES } from '../../engine/model/lenet5';
import { useAppStore } from '../../store/appStore';
import type { TrainingController } from '../../store/trainingController';
import { PenaltyOptions } from '../penalties/PenaltyOptions';
import { choiceKey } from './architectureWords';
import './training.css';

const OPTIONS = Object.keys(ARCHITECTURE_CHOICES) as (keyof ArchitectureOptions)[];

/**
 * Distortions and the architecture of the next network started here (its batch size: src/ui/batch), each with a
 * visible label, and the rule of when they take effect (the network shown keeps its own).
 */
export function NewRunOptions({ training }: { training?: TrainingController }) {
  const { t } = useTranslation('training');
  const augment = useAppStore((s) => s.augment);
  const architecture = useAppStore((s) => s.architecture);
  const set = useAppStore((s) => s.set);
  return (
    <fieldset className="new-run-options">
      <legend>{t('newRun.heading')}</legend>
      <p className="muted new-run-rule">{t('newRun.rule')}</p>
      <div className="new-run-grid">
        {OPTIONS.map((option) => [
          <label key={`${option}-label`} htmlFor={`new-run-${option}`} title={t(`architectureHelp.${option}`)}>
            {t(`architecture.${option}`)}
          </label>,
          <select
            key={option}
            id={`new-run-${option}`}
            data-testid={`architecture-${option}`}
            title={t(`architectureHelp.${option}`)}
            value={architecture[option]}
            onChange={(e) => set({ architecture: { ...architecture, [option]: e.target.value } })}
          >
            {ARCHITECTURE_CHOICES[option].map((value) => (
              <option key={value} value={value}>
                {t(choiceKey(option, value))}
              </option>
            ))}
          </select>,
        ])}
        <PenaltyOptions enabled={architecture.c3Connectivity === 'learned'} training={training} />
      </div>
      <label className="new-run-augment">
        <input type="checkbox" checked={augment} onChange={(e) => set({ augment: e.target.checked })} />{' '}
        {t('newRun.distortions')}
      </label>
    </fieldset>
  );
}
