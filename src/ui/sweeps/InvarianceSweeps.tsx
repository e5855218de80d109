import { useTranslation } from 'react-i18next';
import type { SweepKind } from '../../engine/probe/invarianceSweep';
import { formatFixed } from '../../i18n/format';
import { useAppStore, type InvarianceSweepSet } from '../../store/appStore';
import type { ProbeController } from '../../store/probeController';
import { formatEpoch } from '../runs/formatEpoch';
import { useRunName } from '../runs/useRunName';
import { ShiftSweep } from './ShiftSweep';
import { SweepChart } from './SweepChart';
import { countReading, identityIndex, readDigit, readingRange, shiftRadius } from './sweepSummary';
import { useSweeps } from './useSweeps';
import './sweeps.css';

/**
 * The invariance sweeps (池化层的目的与好处): the reading of the untransformed input over shifts, rotations and
 * scales for the selected checkpoint and the shipped networks beside it, each chart with a sentence per run on how
 * far the reading holds, and a few sentences in the tutorial's terms on what the sweeps show.
 */
export function InvarianceSweeps({ probe }: { probe: ProbeController }) {
  const { t } = useTranslation('sweeps');
  const { t: tProbe } = useTranslation('probe');
  const language = useAppStore((s) => s.language);
  const input = useAppStore((s) => s.input);
  const sweeps = useAppStore((s) => s.sweeps);
  const runName = useRunName();
  const { running, problem } = useSweeps(probe);
  const shift = sweeps.shift;
  // The reading: the selected checkpoint's digit for the untransformed input.
  const digit = shift ? readDigit(shift.runs[0].probabilities[identityIndex('shift', shift.values)]) : null;
  const names = (sweep: InvarianceSweepSet) =>
    sweep.runs.map((r) => t('sweeps.run', { run: runName(r.run), epoch: formatEpoch(language, r.epoch) }));
  const summaries = (kind: SweepKind, sweep: InvarianceSweepSet, reading: number): string[] =>
    sweep.runs.map((run, n) => {
      const name = names(sweep)[n];
      const identity = identityIndex(kind, sweep.values);
      const label = readDigit(run.probabilities[identity]);
      if (kind === 'shift') {
        const radius = shiftRadius(run.probabilities, reading);
        const count = countReading(run.probabilities, reading);
        return radius < 0
          ? t('sweeps.shiftSummaryNone', { run: name, digit: reading, count, label })
          : t('sweeps.shiftSummary', { run: name, digit: reading, count, radius });
      }
      const range = readingRange(run.probabilities, reading, identity);
      const values = sweep.values as number[];
      const text = (i: number) =>
        kind === 'rotate'
          ? tProbe('degrees', { value: formatFixed(language, values[i], 0) })
          : tProbe('times', { value: formatFixed(language, values[i], 2) });
      return range
        ? t('sweeps.rangeSummary', { run: name, digit: reading, from: text(range.from), to: text(range.to) })
        : t('sweeps.rangeSummaryNone', { run: name, digit: reading, label });
    });
  return (
    <section className="sweeps" aria-label={t('sweeps.heading')}>
      <h3>{t('sweeps.heading')}</h3>
      <p className="muted probe-note">{t('sweeps.intro')}</p>
      {!input && <p className="muted">{t('sweeps.empty')}</p>}
      {problem && <p className="error">{t('sweeps.problem', { detail: problem })}</p>}
      {running && !problem && (
        <p className="muted" role="status">
          {t('sweeps.computing')}
        </p>
      )}
      {shift && digit !== null && (
        <>
          <ShiftSweep sweep={shift} digit={digit} names={names(shift)} summaries={summaries('shift', shift, digit)} />
          <ul className="sweep-summary">
            {summaries('shift', shift, digit).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          <p className="probe-note">{t('sweeps.explain')}</p>
        </>
      )}
      {(['rotate', 'scale'] as const).map((kind) => {
        const sweep = sweeps[kind];
        if (!sweep || digit === null) return null;
        const lines = summaries(kind, sweep, digit);
        return (
          <div key={kind}>
            <SweepChart kind={kind} sweep={sweep} digit={digit} names={names(sweep)} summaries={lines} />
            <p className="muted probe-note">{t('sweeps.digitsRow', { digit })}</p>
            <ul className="sweep-summary">
              {lines.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        );
      })}
      {sweeps.rotate && <p className="probe-note">{t('sweeps.explainRotate')}</p>}
      {shift && <p className="muted probe-note">{t('sweeps.explainTraining')}</p>}
    </section>
  );
}
