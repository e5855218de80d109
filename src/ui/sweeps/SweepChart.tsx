import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed, formatPercent } from '../../i18n/format';
import { useAppStore, type InvarianceSweepSet } from '../../store/appStore';
import { runLine } from './sweepColours';
import { readDigit } from './sweepSummary';

const [WIDTH, HEIGHT, LEFT, RIGHT, TOP, ROW] = [300, 110, 30, 8, 8, 12]; // px of the chart and its margins

/**
 * A rotation or scale sweep (`invariance-rotate`, `invariance-scale`): p(the reading) over the sweep's values, one
 * line per run (dashed apart as well as coloured), and under it, per run, the digit read wherever it is another;
 * the pointer or the arrow keys pick a value, and every run's reading there is written below.
 */
export function SweepChart({
  kind,
  sweep,
  digit,
  names,
  summaries,
}: {
  kind: 'rotate' | 'scale';
  sweep: InvarianceSweepSet;
  digit: number;
  names: string[];
  summaries: string[];
}) {
  const { t } = useTranslation('sweeps');
  const { t: tProbe } = useTranslation('probe');
  const language = useAppStore((s) => s.language);
  const values = sweep.values as number[];
  const [cursor, setCursor] = useState(values.indexOf(kind === 'rotate' ? 0 : 1));
  const label = (v: number) =>
    kind === 'rotate'
      ? tProbe('degrees', { value: formatFixed(language, v, 0) })
      : tProbe('times', { value: formatFixed(language, v, 2) });
  const sx = (i: number) => LEFT + (i / (values.length - 1)) * (WIDTH - LEFT - RIGHT);
  const sy = (p: number) => TOP + (1 - p) * (HEIGHT - TOP - 16);
  const height = HEIGHT + sweep.runs.length * ROW + 4;
  const readouts = sweep.runs.map((run, n) => {
    const row = run.probabilities[cursor];
    const p = formatPercent(language, row[digit]);
    return t('sweeps.readoutLine', {
      run: names[n],
      text: t('sweeps.point', { value: label(values[cursor]), label: readDigit(row), digit, p }),
    });
  });
  return (
    <figure className="sweep" data-testid={`invariance-${kind}`}>
      <figcaption>{kind === 'rotate' ? t('sweeps.rotateTitle') : t('sweeps.scaleTitle')}</figcaption>
      <ul className="sweep-legend">
        {sweep.runs.map((run, n) => (
          <li key={`${run.run}-${run.epoch}`}>
            <svg width={26} height={8} aria-hidden="true">
              <line
                x1={0}
                y1={4}
                x2={26}
                y2={4}
                stroke={runLine(n).colour}
                strokeWidth={2}
                strokeDasharray={runLine(n).dash}
              />
            </svg>{' '}
            {names[n]}
          </li>
        ))}
      </ul>
      <svg
        width={WIDTH}
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        tabIndex={0}
        role="slider"
        aria-label={t('sweeps.chartKeys', { summary: summaries.join(' ') })}
        aria-valuemin={0}
        aria-valuemax={values.length - 1}
        aria-valuenow={cursor}
        aria-valuetext={readouts.join('; ')}
        onKeyDown={(e) => {
          const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
          if (!step) return;
          e.preventDefault();
          setCursor(Math.max(0, Math.min(values.length - 1, cursor + step)));
        }}
        onPointerMove={(e) => {
          const x = ((e.clientX - e.currentTarget.getBoundingClientRect().left) / e.currentTarget.clientWidth) * WIDTH;
          setCursor(
            Math.max(
              0,
              Math.min(values.length - 1, Math.round(((x - LEFT) / (WIDTH - LEFT - RIGHT)) * (values.length - 1))),
            ),
          );
        }}
      >
        {[0, 0.5, 1].map((p) => (
          <g key={p}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={sy(p)} y2={sy(p)} className="grid-line" />
            <text x={LEFT - 3} y={sy(p) + 3} className="axis" textAnchor="end">
              {formatPercent(language, p, 0)}
            </text>
          </g>
        ))}
        {(
          [
            [0, 'start'],
            [(values.length - 1) / 2, 'middle'],
            [values.length - 1, 'end'],
          ] as const
        ).map(([i, anchor]) => (
          <text key={i} x={sx(i)} y={HEIGHT - 4} className="axis" textAnchor={anchor}>
            {label(values[i])}
          </text>
        ))}
        <line x1={sx(cursor)} x2={sx(cursor)} y1={TOP} y2={HEIGHT - 16} className="cursor-line" />
        {sweep.runs.map((run, n) => (
          <g key={`${run.run}-${run.epoch}`}>
            <polyline
              points={run.probabilities.map((row, i) => `${sx(i).toFixed(1)},${sy(row[digit]).toFixed(1)}`).join(' ')}
              fill="none"
              stroke={runLine(n).colour}
              strokeWidth={1.6}
              strokeDasharray={runLine(n).dash}
            />
            {run.probabilities.map((row, i) => {
              const read = readDigit(row);
              return read === digit ? null : (
                <text
                  key={i}
                  x={sx(i)}
                  y={HEIGHT + (n + 1) * ROW}
                  fill={runLine(n).colour}
                  className="cell-digit"
                  textAnchor="middle"
                >
                  {read}
                </text>
              );
            })}
          </g>
        ))}
      </svg>
      <ul className="sweep-readout">
        {readouts.map((line, n) => (
          <li key={n}>{line}</li>
        ))}
      </ul>
    </figure>
  );
}
