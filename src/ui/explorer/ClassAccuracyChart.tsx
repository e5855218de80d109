import { useState } from 'react';
import { epochLabel } from '../../store/explorerData';

const WIDTH = 260;
const LEFT = 14;
const TOP = 2;
const ROW = 9;
const HEIGHT = TOP + 10 * ROW + 14;
/** X labels closer than this (pixels) to one already placed are left out. */
const LABEL_GAP = 30;
/** Viridis stops: dark purple (every image wrong) through teal to yellow (error at or below 0.1%). */
const RAMP = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
const RAMP_CSS = `linear-gradient(to right, ${RAMP.map((c) => `rgb(${c.join(',')})`).join(', ')})`;

/** The colour of an accuracy: error rate on a log scale, 100% error darkest, 0.1% or less brightest. */
function accuracyColour(accuracy: number): string {
  const t = Math.min(1, Math.max(0, -Math.log10(Math.max(1e-3, 1 - accuracy)) / 3)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(t));
  const f = t - i;
  return `rgb(${RAMP[i].map((c, k) => Math.round(c + (RAMP[i + 1][k] - c) * f)).join(',')})`;
}

/** Props of {@link ClassAccuracyChart}. */
export interface ClassAccuracyChartProps {
  readonly epochs: readonly number[];
  /** `perClass[checkpoint][digit]`: accuracy, or null while not computed. */
  readonly perClass: readonly (readonly (number | null)[])[];
  /** Index of the selected checkpoint. */
  readonly current: number;
}

function percent(value: number | null | undefined): string {
  return value == null ? 'not computed yet' : `${(value * 100).toFixed(2)}%`;
}

/** A heatmap of each digit's test accuracy (rows) at every checkpoint (columns), the selected checkpoint outlined. */
export function ClassAccuracyChart({ epochs, perClass, current }: ClassAccuracyChartProps) {
  const [hovered, setHovered] = useState<{ column: number; digit: number } | null>(null);
  if (epochs.length === 0)
    return (
      <figure className="chart" data-testid="class-accuracy">
        <figcaption>accuracy per digit: no checkpoints yet</figcaption>
      </figure>
    );
  const cell = (WIDTH - LEFT) / epochs.length;
  const x = (column: number) => LEFT + column * cell;
  const labelled: number[] = [];
  for (const i of [current, 0, epochs.length - 1, ...epochs.flatMap((e, i) => (Number.isInteger(e) ? [i] : []))]) {
    if (i >= 0 && i < epochs.length && labelled.every((j) => Math.abs(x(i) - x(j)) >= LABEL_GAP)) labelled.push(i);
  }
  const column = perClass[current] ?? [];
  const known = column.flatMap((a, digit) => (a === null ? [] : [{ digit, a }]));
  const weakest = known.reduce<{ digit: number; a: number } | null>((w, k) => (w === null || k.a < w.a ? k : w), null);
  const readout = hovered
    ? `digit ${hovered.digit} at epoch ${epochLabel(epochs[hovered.column])}: ${percent(perClass[hovered.column]?.[hovered.digit])}`
    : `epoch ${epochLabel(epochs[current])}: ${weakest ? `weakest digit ${weakest.digit} at ${percent(weakest.a)}` : 'not computed yet'}`;
  return (
    <figure className="chart class-accuracy" data-testid="class-accuracy">
      <figcaption>
        accuracy per digit: <span className="readout">{readout}</span>
      </figcaption>
      <svg
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`Test accuracy of each digit at ${epochs.length} checkpoints`}
        onMouseLeave={() => setHovered(null)}
        onMouseMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const col = Math.floor((e.clientX - box.left - LEFT) / cell);
          const digit = Math.floor((e.clientY - box.top - TOP) / ROW);
          setHovered(col >= 0 && col < epochs.length && digit >= 0 && digit < 10 ? { column: col, digit } : null);
        }}
      >
        {Array.from({ length: 10 }, (_, digit) => (
          <text
            key={digit}
            x={LEFT - 4}
            y={TOP + digit * ROW + ROW / 2}
            fill="#9aa3b5"
            fontSize={9}
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
                y={TOP + digit * ROW}
                width={cell + 0.3}
                height={ROW + 0.3}
                fill={a === null ? '#1d2431' : accuracyColour(a)}
              />
            );
          }),
        )}
        <rect x={x(current)} y={TOP} width={cell} height={10 * ROW} fill="none" stroke="#fff" strokeWidth={1.5} />
        {hovered && (
          <rect
            x={x(hovered.column)}
            y={TOP + hovered.digit * ROW}
            width={cell}
            height={ROW}
            fill="none"
            stroke="#21e0ff"
          />
        )}
        {labelled.map((i) => (
          <text
            key={i}
            x={Math.min(WIDTH - 8, Math.max(LEFT + 8, x(i) + cell / 2))}
            y={HEIGHT - 3}
            textAnchor="middle"
            fontSize={9}
            fill={i === current ? '#ffd27a' : '#9aa3b5'}
          >
            {epochLabel(epochs[i])}
          </text>
        ))}
      </svg>
      <p className="heatmap-legend">
        <span className="ramp-swatch" style={{ background: RAMP_CSS }} /> error 100% → 0.1% (log scale)
      </p>
    </figure>
  );
}
