import { useAppStore } from '../../store/appStore';
import { LineChart } from './LineChart';

/** Loss per report, test accuracy per epoch and time per epoch of the run trained here. */
export function TrainingCharts() {
  const history = useAppStore((s) => s.history);
  const testImages = useAppStore((s) => s.testImages);
  if (history.losses.length === 0 && history.epochs.length === 0) return null;
  const accuracy = history.epochs
    .filter((e) => e.testAccuracy !== null)
    .map((e) => [e.epoch, e.testAccuracy! * 100] as const);
  const times = history.epochs.filter((e) => e.seconds !== null).map((e) => [e.epoch, e.seconds!] as const);
  return (
    <div className="charts">
      <LineChart
        title="training loss"
        testId="chart-loss"
        points={history.losses}
        format={(step, loss) => `${loss.toFixed(4)} at step ${step}`}
      />
      <LineChart
        title={`test accuracy (${testImages.toLocaleString()} images)`}
        testId="chart-accuracy"
        points={accuracy}
        format={(epoch, acc) => `${acc.toFixed(2)}% at epoch ${epoch}`}
      />
      <LineChart
        title="time per epoch"
        testId="chart-time"
        points={times}
        format={(epoch, s) => `${s.toFixed(1)} s for epoch ${epoch}`}
      />
    </div>
  );
}
