import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed, formatSignificant } from '../../i18n/format';
import { seriesPoints } from '../../store/boundedSeries';
import { useAppStore } from '../../store/appStore';
import { ChartPlot } from '../charts/ChartPlot';
import { selectHistories, useSampled } from '../charts/useSampled';
import { MomentumHelp } from './MomentumHelp';
import { MomentumTable } from './MomentumTable';
import { QUANTITIES, quantitySeries, readingAt, statLayers } from './momentumSeries';
import '../charts/charts.css';
import './momentum.css';

/**
 * For each parameter layer of `run` (trained in this page), the gradient norm, the velocity norm and the
 * update-to-weight ratio at each progress report, as three small charts with one line per layer and a shared
 * cursor, the values of every layer at the cursor, and why momentum helps (the tutorial's words).
 */
export function MomentumCharts({ run }: { run: string }) {
  const { t } = useTranslation('momentum');
  const { t: tCharts } = useTranslation('charts');
  const language = useAppStore((s) => s.language);
  const history = useSampled(selectHistories)[run];
  const [cursor, setCursor] = useState<number | null>(null);
  if (!history) return null;
  const points = seriesPoints(history.layerStats);
  const reading = readingAt(points, cursor);
  if (!reading) return null;
  const layers = statLayers(points);
  const stepText = (step: number) => tCharts('axis.step', { step: formatFixed(language, step) });
  return (
    <section className="momentum-charts" data-testid="momentum-charts" aria-label={t('momentum.heading')}>
      <h3>{t('momentum.heading')}</h3>
      <p className="muted chart-intro">{t('momentum.intro')}</p>
      {QUANTITIES.map((quantity) => {
        const title = t(`momentum.quantity.${quantity}`);
        return (
          <figure key={quantity} className="chart">
            <figcaption>{title}</figcaption>
            <ChartPlot
              label={t('momentum.plot', { title })}
              testId={`momentum-${quantity}`}
              series={quantitySeries(points, quantity)}
              scale="log"
              cursor={cursor}
              onCursor={setCursor}
              formatX={(step) => formatFixed(language, step)}
              formatY={(value) => formatSignificant(language, value, 2)}
              valueText={stepText}
            />
          </figure>
        );
      })}
      <MomentumTable reading={reading} layers={layers} />
      <MomentumHelp />
    </section>
  );
}
