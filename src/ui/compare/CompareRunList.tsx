import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { useRunName } from '../runs/useRunName';
import { selectHistories, useSampled } from '../charts/useSampled';
import { runColour, type RunCurves } from './compareCurves';

/**
 * The runs that can be compared, each a checkbox with its colour, its name, its settings (runs trained here) and
 * its loss and accuracy at the cursor's epoch: the comparison's legend, picker and read-out in one.
 */
export function CompareRunList({
  candidates,
  picked,
  curves,
  values,
  atEpoch,
}: {
  candidates: readonly string[];
  picked: readonly string[];
  curves: ReadonlyMap<string, RunCurves>;
  values: (run: string) => string;
  atEpoch: string | null;
}) {
  const { t } = useTranslation('compare');
  const { t: tCharts } = useTranslation('charts');
  const language = useAppStore((s) => s.language);
  const histories = useSampled(selectHistories);
  const set = useAppStore((s) => s.set);
  const runName = useRunName();
  const toggle = (run: string, on: boolean) =>
    set({ compareRuns: candidates.filter((c) => (c === run ? on : picked.includes(c))) });
  const number = (v: number) => formatSignificant(language, v, 3);
  return (
    <fieldset className="compare-runs">
      <legend>{t('compare.pick')}</legend>
      {atEpoch !== null && picked.length > 0 && <p className="chart-at">{t('compare.at', { epoch: atEpoch })}</p>}
      {candidates.map((run) => {
        const history = histories[run];
        const on = picked.includes(run);
        const source = curves.get(run)?.lossFrom === 'reports' ? 'lossFromReports' : 'lossFromCheckpoints';
        return (
          <label key={run} className="compare-run" data-run={run} title={t(`compare.${source}`)}>
            <input type="checkbox" checked={on} onChange={(e) => toggle(run, e.target.checked)} />
            <span className="swatch" style={{ background: runColour(candidates, run) }} />
            <span className="compare-name">
              {runName(run)}
              {history && (
                <span className="muted">
                  {' '}
                  {t('compare.settings', {
                    momentum: history.momenta.map(number).join(' → ') || tCharts('axis.none'),
                    learningRate: history.learningRates.map(number).join(' → ') || tCharts('axis.none'),
                    batchSize: history.batchSize,
                  })}
                </span>
              )}
              {on && <span className="readout compare-values">{values(run)}</span>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
