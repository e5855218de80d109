import { useTranslation } from 'react-i18next';
import type { ArchitectureOptions } from '../../engine/model/layerSpec';
import { ARCHITECTURE_CHOICES } from '../../engine/model/lenet5';
import { useAppStore } from '../../store/appStore';

const BATCH_SIZES = [16, 32, 64, 128, 256];
const OPTIONS = Object.keys(ARCHITECTURE_CHOICES) as (keyof ArchitectureOptions)[];

/** The catalog key of every value of every option: the typecheck fails if the catalog misses one. */
type ChoiceKey = {
  [K in keyof ArchitectureOptions]: `choice.${K}.${ArchitectureOptions[K]}`;
}[keyof ArchitectureOptions];

function choiceKey(option: keyof ArchitectureOptions, value: string): ChoiceKey {
  return `choice.${option}.${value}` as ChoiceKey;
}

/** Batch size, distortions and the architecture: they shape the next run, which Reset starts. */
export function NewRunOptions() {
  const { t } = useTranslation('training');
  const batchSize = useAppStore((s) => s.batchSize);
  const augment = useAppStore((s) => s.augment);
  const architecture = useAppStore((s) => s.architecture);
  const set = useAppStore((s) => s.set);
  return (
    <>
      <div className="training-knobs" title={t('newRun.hint')}>
        <label>
          {t('newRun.batch')}{' '}
          <select value={batchSize} onChange={(e) => set({ batchSize: Number(e.target.value) })}>
            {BATCH_SIZES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={augment} onChange={(e) => set({ augment: e.target.checked })} />{' '}
          {t('newRun.distortions')}
        </label>
        <small className="muted">{t('newRun.note')}</small>
      </div>
      <div className="training-knobs architecture" title={t('newRun.architectureHint')}>
        {OPTIONS.map((option) => (
          <label key={option} title={t(`architectureHelp.${option}`)}>
            {t(`architecture.${option}`)}{' '}
            <select
              data-testid={`architecture-${option}`}
              value={architecture[option]}
              onChange={(e) => set({ architecture: { ...architecture, [option]: e.target.value } })}
            >
              {ARCHITECTURE_CHOICES[option].map((value) => (
                <option key={value} value={value}>
                  {t(choiceKey(option, value))}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </>
  );
}
