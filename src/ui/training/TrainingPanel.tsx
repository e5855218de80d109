import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { MNIST_BYTES_INDEX } from '../../engine/data/mnistBytes';
import { formatFixed } from '../../i18n/format';
import { errorText, message } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import type { TrainingController } from '../../store/trainingController';
import { HyperparameterInputs } from './HyperparameterInputs';
import { NewRunOptions } from './NewRunOptions';
import { TrainingProgress } from './TrainingProgress';
import { LazyTrainingCharts } from '../shell/lazyPanels';

/** Train LeNet-5 here on MNIST: play/pause, one batch, one epoch, reset, the knobs, progress and charts. */
export function TrainingPanel({ training }: { training: TrainingController }) {
  const { t } = useTranslation('training');
  const language = useAppStore((s) => s.language);
  const status = useAppStore((s) => s.training.status);
  const trainImages = useAppStore((s) => s.trainImages);
  const running = status === 'running';
  const report = (promise: Promise<void>) =>
    promise.catch((e: unknown) =>
      useAppStore.getState().set({ error: message('messages', 'failed', { detail: errorText(e) }) }),
    );
  return (
    <section className="training" aria-label={t('region')}>
      <h2>
        {trainImages < MNIST_BYTES_INDEX.train.count
          ? t('headingSubset', { images: formatFixed(language, trainImages) })
          : t('heading')}
      </h2>
      <div className="training-buttons">
        <button
          type="button"
          data-testid="train-toggle"
          onClick={() => void report(running ? training.pause() : training.start())}
        >
          {running ? t('buttons.pause') : status === 'paused' ? t('buttons.resume') : t('buttons.train')}
        </button>
        <button type="button" data-testid="train-step" disabled={running} onClick={() => void report(training.step())}>
          {t('buttons.oneBatch')}
        </button>
        <button
          type="button"
          data-testid="train-epoch"
          disabled={running}
          onClick={() => void report(training.stepEpoch())}
        >
          {t('buttons.oneEpoch')}
        </button>
        <button type="button" data-testid="train-reset" onClick={() => void report(training.reset())}>
          {t('buttons.reset')}
        </button>
      </div>
      <HyperparameterInputs training={training} />
      <NewRunOptions />
      <TrainingProgress />
      <Suspense fallback={null}>
        <LazyTrainingCharts />
      </Suspense>
    </section>
  );
}
