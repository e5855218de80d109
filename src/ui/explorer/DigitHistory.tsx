import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { epochLabel } from '../../store/explorerData';
import { learningStory, storyText } from './learningStory';

const WIDTH = 260;
const HEIGHT = 64;
const PAD = 5;
const RIGHT_COLOUR = '#6fd39a';
const WRONG_COLOUR = '#ff6b5b';

/** Props of {@link DigitHistory}. */
export interface DigitHistoryProps {
  readonly epochs: readonly number[];
  /** Per checkpoint: the probability the loaded test digit's true class got, or null while not computed. */
  readonly trueProbability: readonly (number | null)[];
  /** Per checkpoint: whether the digit was read correctly, or null while not computed. */
  readonly correct: readonly (boolean | null)[];
  /** The digit's true class. */
  readonly label: number;
  /** Index of the selected checkpoint. */
  readonly current: number;
}

/** A sparkline of the loaded test digit's probability of its true class at every checkpoint, with the story of when it was learned. */
export function DigitHistory({ epochs, trueProbability, correct, label, current }: DigitHistoryProps) {
  const { t } = useTranslation('explorer');
  const language = useAppStore((s) => s.language);
  const [hovered, setHovered] = useState<number | null>(null);
  const sx = (i: number) => PAD + (epochs.length > 1 ? i / (epochs.length - 1) : 0.5) * (WIDTH - 2 * PAD);
  const sy = (p: number) => HEIGHT - PAD - p * (HEIGHT - 2 * PAD);
  const known = epochs.flatMap((_, i) => (trueProbability[i] != null && correct[i] != null ? [i] : []));
  const path = known
    .map(
      (i, k) =>
        `${k > 0 && known[k - 1] === i - 1 ? 'L' : 'M'}${sx(i).toFixed(1)},${sy(trueProbability[i]!).toFixed(1)}`,
    )
    .join(' ');
  const shown = hovered ?? current;
  const value = trueProbability[shown];
  const epoch = epochs.length ? epochLabel(epochs[shown]) : '-';
  const readout =
    value == null
      ? t('digitHistory.readoutUnknown', { label, epoch })
      : t('digitHistory.readout', { label, epoch, probability: formatPercent(language, value) });
  const story = storyText(
    t,
    learningStory(
      known.map((i) => epochs[i]),
      known.map((i) => correct[i]!),
    ),
  );
  return (
    <figure className="chart digit-history" data-testid="digit-history">
      <figcaption>
        {t('digitHistory.caption', { label })} <span className="readout">{readout}</span>
      </figcaption>
      <svg
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('digitHistory.chart', { label, story })}
        onMouseLeave={() => setHovered(null)}
        onMouseMove={(e) => {
          if (known.length === 0) return;
          const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
          setHovered(known.reduce((best, i) => (Math.abs(sx(i) - x) < Math.abs(sx(best) - x) ? i : best), known[0]));
        }}
      >
        <line x1={PAD} x2={WIDTH - PAD} y1={sy(1)} y2={sy(1)} stroke="#222835" />
        <line x1={PAD} x2={WIDTH - PAD} y1={sy(0)} y2={sy(0)} stroke="#222835" />
        {epochs.length > 0 && (
          <line
            x1={sx(current)}
            x2={sx(current)}
            y1={PAD / 2}
            y2={HEIGHT - PAD / 2}
            stroke="#ffd27a"
            strokeDasharray="2 2"
          />
        )}
        <path d={path} fill="none" stroke="#8c95a8" strokeWidth={1.2} />
        {known.map((i) => (
          <circle
            key={i}
            cx={sx(i)}
            cy={sy(trueProbability[i]!)}
            r={i === current ? 3.5 : 2.2}
            fill={correct[i] ? RIGHT_COLOUR : WRONG_COLOUR}
            stroke={i === current ? '#fff' : 'none'}
          />
        ))}
        {hovered !== null && hovered !== current && (
          <circle cx={sx(hovered)} cy={sy(trueProbability[hovered]!)} r={4} fill="none" stroke="#21e0ff" />
        )}
      </svg>
      <p className="learning-story" data-testid="learning-story">
        {story}
      </p>
    </figure>
  );
}
