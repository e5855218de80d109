import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHIFT_RANGE } from '../../engine/probe/invarianceSweep';
import { formatPercent } from '../../i18n/format';
import { useAppStore, type InvarianceSweepSet } from '../../store/appStore';
import { probabilityFill } from './sweepColours';
import { readDigit } from './sweepSummary';

const SIDE = 2 * SHIFT_RANGE + 1;
const CELL = 15;
const MARGIN = 14;

/**
 * The shift sweep (`invariance-shift`): for each run a 17x17 grid over dx (across) and dy (down) from −8 to 8, each
 * cell as bright as p(the reading) and showing the digit read there when it is another; the pointer or the arrow
 * keys pick a cell, and every run's reading there is written below.
 */
export function ShiftSweep({
  sweep,
  digit,
  names,
  summaries,
}: {
  sweep: InvarianceSweepSet;
  digit: number;
  names: string[];
  summaries: string[];
}) {
  const { t } = useTranslation('sweeps');
  const language = useAppStore((s) => s.language);
  const [cursor, setCursor] = useState({ dx: 0, dy: 0 });
  const at = (dx: number, dy: number) => (dy + SHIFT_RANGE) * SIDE + dx + SHIFT_RANGE;
  const clamp = (v: number) => Math.max(-SHIFT_RANGE, Math.min(SHIFT_RANGE, v));
  const move: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const size = MARGIN + SIDE * CELL;
  const readout = (n: number) => {
    const row = sweep.runs[n].probabilities[at(cursor.dx, cursor.dy)];
    return t('sweeps.cell', { ...cursor, label: readDigit(row), digit, p: formatPercent(language, row[digit]) });
  };
  return (
    <figure className="sweep" data-testid="invariance-shift">
      <figcaption>{t('sweeps.shiftTitle')}</figcaption>
      <p className="muted probe-note">{t('sweeps.colour', { digit })}</p>
      <div className="shift-grids">
        {sweep.runs.map((run, n) => (
          <div key={`${run.run}-${run.epoch}`} className="shift-grid">
            <span className="sweep-run">{names[n]}</span>
            <svg
              width={size}
              height={size}
              viewBox={`0 0 ${size} ${size}`}
              tabIndex={0}
              role="slider"
              aria-label={t('sweeps.chartKeys', { summary: summaries[n] })}
              aria-valuemin={0}
              aria-valuemax={SIDE * SIDE - 1}
              aria-valuenow={at(cursor.dx, cursor.dy)}
              aria-valuetext={readout(n)}
              onKeyDown={(e) => {
                const step = move[e.key];
                if (!step) return;
                e.preventDefault();
                setCursor({ dx: clamp(cursor.dx + step[0]), dy: clamp(cursor.dy + step[1]) });
              }}
            >
              <text x={MARGIN + (SIDE * CELL) / 2} y={9} className="axis" textAnchor="middle">
                {t('sweeps.dxAxis')}
              </text>
              <text
                x={2}
                y={MARGIN + (SIDE * CELL) / 2}
                className="axis"
                textAnchor="middle"
                transform={`rotate(90 6 ${MARGIN + (SIDE * CELL) / 2})`}
              >
                {t('sweeps.dyAxis')}
              </text>
              {run.probabilities.map((row, v) => {
                const dx = (v % SIDE) - SHIFT_RANGE,
                  dy = Math.floor(v / SIDE) - SHIFT_RANGE;
                const read = readDigit(row);
                const { fill, text } = probabilityFill(row[digit]);
                const x = MARGIN + (dx + SHIFT_RANGE) * CELL,
                  y = MARGIN + (dy + SHIFT_RANGE) * CELL;
                return (
                  <g key={v} onPointerEnter={() => setCursor({ dx, dy })}>
                    <rect x={x} y={y} width={CELL - 1} height={CELL - 1} fill={fill} />
                    {read !== digit && (
                      <text
                        x={x + (CELL - 1) / 2}
                        y={y + CELL - 4}
                        fill={text}
                        className="cell-digit"
                        textAnchor="middle"
                      >
                        {read}
                      </text>
                    )}
                  </g>
                );
              })}
              <rect
                x={MARGIN + SHIFT_RANGE * CELL}
                y={MARGIN + SHIFT_RANGE * CELL}
                width={CELL - 1}
                height={CELL - 1}
                className="identity"
              />
              <rect
                x={MARGIN + (cursor.dx + SHIFT_RANGE) * CELL - 1}
                y={MARGIN + (cursor.dy + SHIFT_RANGE) * CELL - 1}
                width={CELL + 1}
                height={CELL + 1}
                className="cursor"
              />
            </svg>
          </div>
        ))}
      </div>
      <ul className="sweep-readout">
        {sweep.runs.map((run, n) => (
          <li key={`${run.run}-${run.epoch}`}>{t('sweeps.readoutLine', { run: names[n], text: readout(n) })}</li>
        ))}
      </ul>
    </figure>
  );
}
