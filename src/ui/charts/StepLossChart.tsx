import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../../i18n/format';
import { seriesPoints } from '../../store/boundedSeries';
import { useAppStore } from '../../store/appStore';
import { formatEpoch } from '../runs/formatEpoch';
import { ChartPlot } from './ChartPlot';
import { pointAt, type ChartSeries } from './chartScale';
import { selectHistories, useSampled } from './useSampled';
import './charts.css';

const STEP_COLOUR = '#4fc3f7';
const MEAN_COLOUR = '#ff9c38';

/**
 * The loss of one step (the last before each report) beside the mean of every step since the report before:
 * at batch size 1 the single steps scatter widely around the mean (online updates' noise), at larger batches
 * they keep close to it. Shown for `run` once its engine reports single steps' losses.
 */
export function StepLossChart({ run }: { run: string }) {
  const { t } = useTranslation('charts');
  const language = useAppStore((s) => s.language);
  const history = useSampled(selectHistories)[run];
  const [cursor, setCursor] = useState<number | null>(null);
  if (!history) return null;
  const steps = seriesPoints(history.stepLosses);
  if (steps.length < 2) return null;
  const means = seriesPoints(history.losses);
  const series: ChartSeries[] = [
    { key: 'mean', colour: MEAN_COLOUR, points: means },
    { key: 'step', colour: STEP_COLOUR, points: steps },
  ];
  const at = cursor ?? steps[steps.length - 1][0];
  const value = (points: typeof steps) => {
    const p = pointAt(points, at);
    return p ? formatSignificant(language, p[1], 3) : t('axis.none');
  };
  const epoch = (x: number) => formatEpoch(language, Number(x.toFixed(3)));
  const title = t('steps.title');
  return (
    <figure className="chart step-loss" data-testid="chart-step-loss">
      <figcaption>{title}</figcaption>
      <ChartPlot
        label={t('steps.plot', { title })}
        series={series}
        scale="log"
        cursor={cursor}
        onCursor={setCursor}
        formatX={epoch}
        formatY={(y) => formatSignificant(language, y, 2)}
        valueText={(x) => t('axis.epoch', { epoch: epoch(x) })}
      />
      <p className="chart-at">{t('steps.at', { epoch: epoch(at), step: value(steps), mean: value(means) })}</p>
      <ul className="chart-legend">
        <li>
          <span className="swatch" style={{ background: STEP_COLOUR }} />
          {history.batchSize === 1 ? t('steps.stepOnline') : t('steps.step', { batchSize: history.batchSize })}
        </li>
        <li>
          <span className="swatch" style={{ background: MEAN_COLOUR }} />
          {t('steps.mean')}
        </li>
      </ul>
    </figure>
  );
}
