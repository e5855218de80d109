import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import type { RunRecord } from '../../store/runRecord';
import { formatEpoch } from '../runs/formatEpoch';
import { ChartPlot } from '../charts/ChartPlot';
import { pointAt, type ChartSeries } from '../charts/chartScale';
import { selectCheckpoints, selectHistories, selectRunNames, useSampled } from '../charts/useSampled';
import { defaultCompareRuns, hasCurves, runColour, runCurves, type RunCurves } from './compareCurves';
import { CompareRunList } from './CompareRunList';
import '../charts/charts.css';
import './compare.css';

/** How often the comparison follows the runs, at most (ms): it redraws every run's curves. */
const COMPARE_REFRESH_MS = 2000;

/**
 * The training loss and test accuracy of the runs the person picks, overlaid against the epoch, each run in its
 * colour, with a shared cursor (pointer or arrow keys) whose values every run's line reads out.
 */
export function RunCompare({ runs }: { runs: ReadonlyMap<string, RunRecord> }) {
  const { t } = useTranslation('compare');
  const { t: tCharts } = useTranslation('charts');
  const language = useAppStore((s) => s.language);
  const runNames = useSampled(selectRunNames, COMPARE_REFRESH_MS);
  const histories = useSampled(selectHistories, COMPARE_REFRESH_MS);
  const chosen = useAppStore((s) => s.compareRuns);
  useSampled(selectCheckpoints, COMPARE_REFRESH_MS); // a new checkpoint of the run shown adds to its accuracy curve
  const [cursor, setCursor] = useState<number | null>(null);
  const curves = new Map<string, RunCurves>();
  for (const name of runNames) {
    const c = runCurves(runs.get(name), histories[name]);
    if (hasCurves(c)) curves.set(name, c);
  }
  const candidates = [...curves.keys()];
  if (candidates.length === 0) return null;
  const picked = (chosen ?? defaultCompareRuns(candidates, histories)).filter((run) => curves.has(run));
  const lines = (part: 'loss' | 'accuracy'): ChartSeries[] =>
    picked.map((run) => ({ key: run, colour: runColour(candidates, run), points: curves.get(run)![part] }));
  const loss = lines('loss');
  const accuracy = lines('accuracy');
  const all = [...loss, ...accuracy].flatMap((s) => s.points.map((p) => p[0]));
  const at = cursor ?? (all.length > 0 ? Math.max(...all) : null);
  const epochText = (epoch: number) => tCharts('axis.epoch', { epoch: formatEpoch(language, epoch) });
  const values = (run: string) => {
    const c = curves.get(run)!;
    const end = Math.max(...[...c.loss, ...c.accuracy].map((p) => p[0]));
    const l = at === null ? null : pointAt(c.loss, at, end);
    const a = at === null ? null : pointAt(c.accuracy, at, end);
    return t('compare.runValues', {
      loss: l ? formatSignificant(language, l[1], 3) : tCharts('axis.none'),
      accuracy: a ? formatPercent(language, a[1], 1) : tCharts('axis.none'),
    });
  };
  const plot = (part: 'loss' | 'accuracy', series: ChartSeries[]) => {
    const title = t(`compare.${part}`);
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <ChartPlot
          label={t('compare.plot', { title })}
          testId={`compare-${part}`}
          series={series}
          scale={part === 'loss' ? 'log' : 'linear'}
          cursor={cursor}
          onCursor={setCursor}
          formatX={(epoch) => formatEpoch(language, Number(epoch.toFixed(2)))}
          formatY={(y) => (part === 'loss' ? formatSignificant(language, y, 2) : formatPercent(language, y, 0))}
          valueText={epochText}
        />
      </figure>
    );
  };
  return (
    <section className="run-compare" data-testid="run-compare" aria-label={t('compare.heading')}>
      <h3>{t('compare.heading')}</h3>
      <CompareRunList
        candidates={candidates}
        picked={picked}
        curves={curves}
        values={values}
        atEpoch={at === null ? null : formatEpoch(language, at)}
      />
      {picked.length === 0 ? (
        <p className="muted">{t('compare.pickSome')}</p>
      ) : (
        <>
          {plot('loss', loss)}
          {plot('accuracy', accuracy)}
        </>
      )}
    </section>
  );
}
