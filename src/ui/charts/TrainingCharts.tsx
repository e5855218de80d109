import { useTranslation } from 'react-i18next';
import { formatFixed, formatPercent } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { epochLabel } from '../../store/explorerData';
import type { RunRecord } from '../../store/runRecord';
import { LineChart } from './LineChart';
import { StepLossChart } from './StepLossChart';
import { RunCompare } from '../compare/RunCompare';
import { MomentumCharts } from '../momentum/MomentumCharts';
import { belongsToShown } from '../training/trainingIntent';

/**
 * Loss per report, test accuracy per epoch and training time per epoch of the run shown, if it trains in this
 * tab, its single steps' loss and per-layer momentum charts, and the comparison of the runs `runs` holds.
 */
export function TrainingCharts({ runs }: { runs: ReadonlyMap<string, RunRecord> }) {
  return (
    <>
      <RunHistoryCharts />
      <ShownMomentum />
      <RunCompare runs={runs} />
    </>
  );
}

/**
 * The single steps' loss and the momentum charts of the run shown (nothing for a run without them in this
 * page's history).
 */
function ShownMomentum() {
  const shown = useAppStore((s) => s.run);
  if (shown === null) return null;
  return (
    <>
      <StepLossChart run={shown} />
      <MomentumCharts run={shown} />
    </>
  );
}

/** Loss per report, test accuracy per epoch and training time per epoch of the run shown, if it trains in this tab. */
function RunHistoryCharts() {
  const { t } = useTranslation('training');
  const language = useAppStore((s) => s.language);
  const history = useAppStore((s) => s.history);
  const testImages = useAppStore((s) => s.testImages);
  const shown = useAppStore((s) => s.run);
  if (!belongsToShown(history.run, shown)) return null;
  if (history.losses.length === 0 && history.epochs.length === 0) return null;
  const accuracy = history.epochs
    .filter((e) => e.testAccuracy !== null)
    .map((e) => [e.epoch, e.testAccuracy!] as const);
  const times = history.epochs.filter((e) => e.seconds !== null).map((e) => [e.epoch, e.seconds!] as const);
  return (
    <div className="charts">
      <LineChart
        title={t('chart.loss')}
        testId="chart-loss"
        points={history.losses}
        format={(step, loss) =>
          t('chart.lossPoint', { loss: formatFixed(language, loss, 4), step: formatFixed(language, step) })
        }
      />
      <LineChart
        title={t('chart.accuracy', { images: formatFixed(language, testImages) })}
        testId="chart-accuracy"
        points={accuracy}
        format={(epoch, acc) =>
          t('chart.accuracyPoint', { accuracy: formatPercent(language, acc, 2), epoch: epochLabel(epoch) })
        }
      />
      <LineChart
        title={t('chart.time')}
        testId="chart-time"
        points={times}
        format={(epoch, s) => t('chart.timePoint', { seconds: formatFixed(language, s, 1), epoch: epochLabel(epoch) })}
      />
    </div>
  );
}
