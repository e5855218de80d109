import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import type { TrainingController } from '../../store/trainingController';

/** Learning rate, momentum and weight decay: changed at once, even while the run trains. */
export function HyperparameterInputs({ training }: { training: TrainingController }) {
  const { t } = useTranslation('training');
  const learningRate = useAppStore((s) => s.learningRate);
  const momentum = useAppStore((s) => s.momentum);
  const weightDecay = useAppStore((s) => s.weightDecay);
  return (
    <div className="training-knobs">
      <label>
        {t('knobs.learningRate')}{' '}
        <input
          type="number"
          min={0.0001}
          max={10}
          step={0.01}
          value={learningRate}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (v > 0) training.setHyperparameters(v, momentum, weightDecay);
          }}
        />
      </label>
      <label>
        {t('knobs.momentum')}{' '}
        <input
          type="number"
          min={0}
          max={0.99}
          step={0.05}
          value={momentum}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (v >= 0 && v < 1) training.setHyperparameters(learningRate, v, weightDecay);
          }}
        />
      </label>
      <label>
        {t('knobs.weightDecay')}{' '}
        <input
          type="number"
          min={0}
          max={0.1}
          step={0.0001}
          value={weightDecay}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (v >= 0) training.setHyperparameters(learningRate, momentum, v);
          }}
        />
      </label>
    </div>
  );
}
