import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { MNIST_BYTES_INDEX } from '../../engine/data/mnistBytes';
import { formatFixed } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import type { RunRecord } from '../../store/runRecord';
import type { TrainingController } from '../../store/trainingController';
import { BatchSizeSelect } from '../batch/BatchSizeSelect';
import { HyperparameterInputs } from './HyperparameterInputs';
import { TrainingButtons } from './TrainingButtons';
import { trainingIntent } from './trainingIntent';
import { TrainingOrigin } from './TrainingOrigin';
import { TrainingProgress } from './TrainingProgress';
import './training.css';
import { LazyTrainingCharts } from '../shell/lazyPanels';

/**
 * Train LeNet-5 here on MNIST: what the buttons will train (a new network beside a shipped or imported run, or the
 * run trained here shown), the buttons, the live knobs, the batch size of the next new network, and the progress
 * and charts of the run shown.
 */
export function TrainingPanel({
  training,
  runs,
}: {
  training: TrainingController;
  /** The runs the page holds (where a run trained here began). */
  runs: ReadonlyMap<string, RunRecord>;
}) {
  const { t } = useTranslation('training');
  const language = useAppStore((s) => s.language);
  const trainImages = useAppStore((s) => s.trainImages);
  const shown = useAppStore((s) => s.run);
  const runNames = useAppStore((s) => s.runNames);
  const trainingRun = useAppStore((s) => s.training.run);
  const status = useAppStore((s) => s.training.status);
  const intent = trainingIntent(shown, runNames, { run: trainingRun, status });
  return (
    <section className="training" aria-label={t('region')}>
      {trainImages < MNIST_BYTES_INDEX.train.count && (
        <h2>{t('headingSubset', { images: formatFixed(language, trainImages) })}</h2>
      )}
      <TrainingOrigin intent={intent} />
      <TrainingButtons training={training} intent={intent} origin={shown ? runs.get(shown)?.origin : undefined} />
      <HyperparameterInputs training={training} />
      <BatchSizeSelect />
      <TrainingProgress />
      <Suspense fallback={null}>
        <LazyTrainingCharts runs={runs} />
      </Suspense>
    </section>
  );
}
