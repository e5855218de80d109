import { useTranslation } from 'react-i18next';
import { ALPHA_PENALTIES, type AlphaPenalty } from '../../engine/model/learnedCombination';
import { useAppStore } from '../../store/appStore';
import type { TrainingController } from '../../store/trainingController';
import { SYMBOLS } from '../combinations/symbols';
import './penalties.css';

/**
 * The α penalty of the next run and its λ, two rows of the new-run options' grid (label, control), usable when the
 * new run's C3 option is `learned`; each penalty's help (the tutorial's L1 doing nothing, the entropy's derivation)
 * is the select's tooltip and the line under it. λ also reaches a run training now (`setAlphaLambda`).
 */
export function PenaltyOptions({ enabled, training }: { enabled: boolean; training?: TrainingController }) {
  const { t } = useTranslation('penalties');
  const penalty = useAppStore((s) => s.alphaPenalty);
  const lambda = useAppStore((s) => s.alphaLambda);
  const set = useAppStore((s) => s.set);
  const setLambda = (value: number) => (training ? training.setAlphaLambda(value) : set({ alphaLambda: value }));
  return (
    <>
      <label htmlFor="new-run-alpha-penalty" title={t(`penalty.help.${penalty}`)}>
        {t('penalty.label')}
      </label>
      <select
        id="new-run-alpha-penalty"
        data-testid="alpha-penalty"
        disabled={!enabled}
        title={t(`penalty.help.${penalty}`)}
        aria-describedby={enabled ? 'new-run-alpha-help' : undefined}
        value={penalty}
        onChange={(e) => set({ alphaPenalty: e.target.value as AlphaPenalty })}
      >
        {ALPHA_PENALTIES.map((kind) => (
          <option key={kind} value={kind} title={t(`penalty.help.${kind}`)}>
            {t(`penalty.choice.${kind}`)}
          </option>
        ))}
      </select>
      <label htmlFor="new-run-alpha-lambda" title={t('penalty.lambdaHelp')}>
        {SYMBOLS.lambda}
      </label>
      <input
        id="new-run-alpha-lambda"
        data-testid="alpha-lambda"
        type="number"
        min={0}
        max={10}
        step={0.001}
        disabled={!enabled}
        title={t('penalty.lambdaHelp')}
        value={lambda}
        onChange={(e) => {
          const value = Number(e.target.value);
          if (Number.isFinite(value) && value >= 0) setLambda(value);
        }}
      />
      {enabled && (
        <p id="new-run-alpha-help" className="muted small new-run-alpha-help" data-testid="alpha-penalty-help">
          {t(`penalty.help.${penalty}`)}
        </p>
      )}
    </>
  );
}
