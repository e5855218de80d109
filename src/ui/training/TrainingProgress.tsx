import { useTranslation } from 'react-i18next';
import { formatFixed, formatPercent } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { useRunName } from '../runs/useRunName';
import { durationText } from './duration';
import { belongsToShown } from './trainingIntent';

/**
 * The MNIST download's progress, then the run's (only beside the run it belongs to): epoch and step, images this
 * epoch, speed, time left, loss.
 */
export function TrainingProgress() {
  const { t } = useTranslation('training');
  const language = useAppStore((s) => s.language);
  const state = useAppStore((s) => s.training);
  const datasetProgress = useAppStore((s) => s.datasetProgress);
  const run = useAppStore((s) => s.run);
  const runName = useRunName();
  const left = state.imagesPerSecond > 0 ? (state.imagesInEpoch - state.imagesDone) / state.imagesPerSecond : NaN;
  const leftText = durationText(t, language, left);
  const images = { done: formatFixed(language, state.imagesDone), total: formatFixed(language, state.imagesInEpoch) };
  return (
    <>
      {datasetProgress !== null && (
        <div className="dataset-progress">
          {t('loadingMnist')} <progress value={datasetProgress} max={1} /> {formatPercent(language, datasetProgress, 0)}
        </div>
      )}
      {state.status !== 'idle' && belongsToShown(state.run, run) && (
        <div className="training-progress" data-testid="training-progress">
          <div>
            {t('progress.position', {
              run: runName(run),
              epoch: formatFixed(language, state.epoch, 2),
              step: formatFixed(language, state.step),
            })}
          </div>
          <div>
            {leftText === null
              ? t('progress.images', images)
              : t('progress.imagesTiming', {
                  ...images,
                  rate: formatFixed(language, state.imagesPerSecond),
                  left: leftText,
                })}
          </div>
          {state.loss !== null && (
            <div>
              {t('progress.loss', {
                loss: formatFixed(language, state.loss, 4),
                accuracy: formatPercent(language, state.accuracy ?? 0),
              })}
            </div>
          )}
        </div>
      )}
    </>
  );
}
