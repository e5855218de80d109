import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { epochLabel } from '../../store/explorerData';
import { accuracyColour, RAMP_CSS, RAMP_ENDS } from './accuracyRamp';

/**
 * The chart's sizes in pixels: its width, the digits' column on the left, a digit's row, the epochs' row below, the
 * labels' font size and the least distance between two epoch labels (a closer one is left out). Presentation mode
 * draws every label at 18 px (presentation.css), so the rows and gaps grow with it.
 */
const GEOMETRY = {
  normal: { width: 260, left: 14, row: 9, bottom: 14, font: 9, gap: 30 },
  presentation: { width: 420, left: 26, row: 20, bottom: 26, font: 18, gap: 60 },
};
const TOP = 2;
/** Props of {@link ClassAccuracyChart}. */
export interface ClassAccuracyChartProps {
  readonly epochs: readonly number[];
  /** `perClass[checkpoint][digit]`: accuracy, or null while not computed. */
  readonly perClass: readonly (readonly (number | null)[])[];
  /** Index of the selected checkpoint. */
  readonly current: number;
}

/** A heatmap of each digit's test accuracy (rows) at every checkpoint (columns), the selected checkpoint outlined. */
export function ClassAccuracyChart({ epochs, perClass, current }: ClassAccuracyChartProps) {
  const { t } = useTranslation('explorer');
  const language = useAppStore((s) => s.language);
  const [hovered, setHovered] = useState<{ column: number; digit: number } | null>(null);
  const presentation = useAppStore((s) => s.presentation);
  const { width, left, row, bottom, font, gap } = GEOMETRY[presentation ? 'presentation' : 'normal'];
  const height = TOP + 10 * row + bottom;
  if (epochs.length === 0)
    return (
      <figure className="chart" data-testid="class-accuracy">
        <figcaption>{t('classAccuracy.noCheckpoints')}</figcaption>
      </figure>
    );
  const cell = (width - left) / epochs.length;
  const x = (column: number) => left + column * cell;
  const labelled: number[] = [];
  for (const i of [current, 0, epochs.length - 1, ...epochs.flatMap((e, i) => (Number.isInteger(e) ? [i] : []))]) {
    if (i >= 0 && i < epochs.length && labelled.every((j) => Math.abs(x(i) - x(j)) >= gap)) labelled.push(i);
  }
  const column = perClass[current] ?? [];
  const known = column.flatMap((a, digit) => (a === null ? [] : [{ digit, a }]));
  const weakest = known.reduce<{ digit: number; a: number } | null>((w, k) => (w === null || k.a < w.a ? k : w), null);
  const hoveredAccuracy = hovered ? (perClass[hovered.column]?.[hovered.digit] ?? null) : null;
  const readout = hovered
    ? t(hoveredAccuracy === null ? 'classAccuracy.hoveredUnknown' : 'classAccuracy.hovered', {
        digit: hovered.digit,
        epoch: epochLabel(epochs[hovered.column]),
        accuracy: hoveredAccuracy === null ? '' : formatPercent(language, hoveredAccuracy, 2),
      })
    : weakest
      ? t('classAccuracy.weakest', {
          epoch: epochLabel(epochs[current]),
          digit: weakest.digit,
          accuracy: formatPercent(language, weakest.a, 2),
        })
      : t('classAccuracy.unknown', { epoch: epochLabel(epochs[current]) });
  return (
    <figure className="chart class-accuracy" data-testid="class-accuracy">
      <figcaption>
        {t('classAccuracy.caption')} <span className="readout">{readout}</span>
      </figcaption>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={t('classAccuracy.chart', { count: epochs.length })}
        onMouseLeave={() => setHovered(null)}
        onMouseMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const col = Math.floor((e.clientX - box.left - left) / cell);
          const digit = Math.floor((e.clientY - box.top - TOP) / row);
          setHovered(col >= 0 && col < epochs.length && digit >= 0 && digit < 10 ? { column: col, digit } : null);
        }}
      >
        {Array.from({ length: 10 }, (_, digit) => (
          <text
            key={digit}
            x={left - 4}
            y={TOP + digit * row + row / 2}
            fill="#9aa3b5"
            fontSize={font}
            textAnchor="end"
            dominantBaseline="central"
          >
            {digit}
          </text>
        ))}
        {epochs.map((_, c) =>
          Array.from({ length: 10 }, (_, digit) => {
            const a = perClass[c]?.[digit] ?? null;
            return (
              <rect
                key={`${c}-${digit}`}
                x={x(c)}
                y={TOP + digit * row}
                width={cell + 0.3}
                height={row + 0.3}
                fill={a === null ? '#1d2431' : accuracyColour(a)}
              />
            );
          }),
        )}
        <rect x={x(current)} y={TOP} width={cell} height={10 * row} fill="none" stroke="#fff" strokeWidth={1.5} />
        {hovered && (
          <rect
            x={x(hovered.column)}
            y={TOP + hovered.digit * row}
            width={cell}
            height={row}
            fill="none"
            stroke="#21e0ff"
          />
        )}
        {labelled.map((i) => (
          <text
            key={i}
            x={Math.min(width - font, Math.max(left + font, x(i) + cell / 2))}
            y={height - 3}
            textAnchor="middle"
            fontSize={font}
            fill={i === current ? '#ffd27a' : '#9aa3b5'}
          >
            {epochLabel(epochs[i])}
          </text>
        ))}
      </svg>
      <p className="heatmap-legend">
        <span className="ramp-swatch" style={{ background: RAMP_CSS }} />{' '}
        {t('classAccuracy.legend', {
          worst: formatPercent(language, RAMP_ENDS.worst, 0),
          best: formatPercent(language, RAMP_ENDS.best, 1),
        })}
      </p>
    </figure>
  );
}
