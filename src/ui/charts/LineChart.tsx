import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTH = 260;
const HEIGHT = 70;
const PAD = 4;

/** A small line chart with a hover read-out of the nearest point; `title` and `format` give text in the language shown. */
export function LineChart({
  title,
  points,
  format,
  testId,
}: {
  title: string;
  points: readonly (readonly [number, number])[];
  format: (x: number, y: number) => string;
  testId: string;
}) {
  const { t } = useTranslation('training');
  const [hovered, setHovered] = useState<number | null>(null);
  if (points.length === 0)
    return (
      <figure className="chart" data-testid={testId}>
        <figcaption>{t('chart.noData', { title })}</figcaption>
      </figure>
    );
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => PAD + ((x - x0) / (x1 - x0 || 1)) * (WIDTH - 2 * PAD);
  const sy = (y: number) => HEIGHT - PAD - ((y - y0) / (y1 - y0 || 1)) * (HEIGHT - 2 * PAD);
  const path = points.map(([x, y], i) => `${i ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
  const shown = hovered ?? points.length - 1;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        {t('chart.caption', { title })}
        <span className="readout">{format(points[shown][0], points[shown][1])}</span>
      </figcaption>
      <svg
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('chart.points', { title, count: points.length })}
        onMouseLeave={() => setHovered(null)}
        onMouseMove={(e) => {
          const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
          let best = 0;
          points.forEach((p, i) => {
            if (Math.abs(sx(p[0]) - x) < Math.abs(sx(points[best][0]) - x)) best = i;
          });
          setHovered(best);
        }}
      >
        <path d={path} fill="none" stroke="#ff9c38" strokeWidth={1.5} />
        {points.length < 40 && points.map(([x, y], i) => <circle key={i} cx={sx(x)} cy={sy(y)} r={2} fill="#ffd27a" />)}
        <circle cx={sx(points[shown][0])} cy={sy(points[shown][1])} r={3.5} fill="none" stroke="#fff" />
      </svg>
    </figure>
  );
}
