import { useEffect, useEffectEvent, useRef, useState } from 'react';
import './timeline.css';
import { useTranslation } from 'react-i18next';
import { formatFixed, formatPercent } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { formatEpoch } from './formatEpoch';
import { RunDownloads } from './RunDownloads';

/** Test sets this large are the whole MNIST test set. */
const WHOLE_TEST_SET = 10_000;

/**
 * One tick per checkpoint with its test accuracy; click or drag along it, or press left/right while it has the
 * keyboard focus, to step; the play button walks through the epochs. The drawing is re-read at every checkpoint.
 */
export function EpochTimeline({ select }: { select: (index: number) => Promise<void> }) {
  const { t } = useTranslation('runs');
  const language = useAppStore((s) => s.language);
  const checkpoints = useAppStore((s) => s.checkpoints);
  const index = useAppStore((s) => s.checkpointIndex);
  const testImages = useAppStore((s) => s.testImages);
  const held = useAppStore((s) => (s.run === null ? undefined : s.heldCheckpoints[s.run]));
  const pending = useAppStore((s) => (s.fetching && s.fetching.run === s.run ? s.fetching.index : null));
  const [playing, setPlaying] = useState(false);
  const track = useRef<HTMLOListElement>(null);
  const dragging = useRef(false);
  const last = checkpoints.length - 1;

  /** Shows checkpoint `next` (clamped); resolves once it is shown (at once when it already is). */
  const go = (next: number): Promise<void> => {
    const clamped = Math.max(0, Math.min(last, next));
    return clamped !== useAppStore.getState().checkpointIndex ? select(clamped) : Promise.resolve();
  };

  /** ← and → (and Home, End) step the checkpoints while the timeline's track has the keyboard focus, and only then. */
  const onKey = (event: React.KeyboardEvent) => {
    const by = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[event.key];
    if (by === undefined || event.defaultPrevented) return;
    event.preventDefault();
    const from = useAppStore.getState().checkpointIndex;
    void go(Number.isFinite(by) ? from + by : by < 0 ? 0 : last);
  };

  // Playing: the next checkpoint every 700 ms; at the last one, playing stops.
  const advance = useEffectEvent(() => (index >= last ? setPlaying(false) : void go(index + 1)));
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => advance(), index >= last ? 0 : 700);
    return () => clearTimeout(timer);
  }, [playing, index, last]);

  const pick = (clientX: number) => {
    const rect = track.current!.getBoundingClientRect();
    void go(Math.round(((clientX - rect.left) / rect.width) * last));
  };

  const play = () => {
    if (playing) setPlaying(false);
    // From the last checkpoint, playing starts again at the first, once it is shown.
    else if (index === last) void go(0).then(() => setPlaying(true));
    else setPlaying(true);
  };

  if (checkpoints.length === 0) return null;
  const current = checkpoints[index];
  const accuracy = (value: number | null) => (value === null ? '-' : formatPercent(language, value, 2));
  const epoch = formatEpoch(language, current.epoch);
  return (
    <div className="timeline" data-testid="epoch-timeline">
      <button type="button" aria-label={playing ? t('timeline.pause') : t('timeline.play')} onClick={play}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <div
        className="timeline-track"
        role="slider"
        tabIndex={0}
        data-testid="timeline-track"
        onKeyDown={onKey}
        aria-label={t('timeline.ticks')}
        aria-valuemin={0}
        aria-valuemax={last}
        aria-valuenow={index}
        aria-valuetext={t('timeline.tick', { epoch, accuracy: accuracy(current.testAccuracy) })}
      >
        <ol
          ref={track}
          className="ticks"
          onPointerDown={(e) => {
            dragging.current = true;
            e.currentTarget.setPointerCapture(e.pointerId);
            pick(e.clientX);
          }}
          onPointerMove={(e) => {
            if (dragging.current) pick(e.clientX);
          }}
          onPointerUp={() => {
            dragging.current = false;
          }}
        >
          {checkpoints.map((c, i) => {
            const missing = held !== undefined && !held[i];
            const title = t(missing ? 'timeline.tickNotFetched' : 'timeline.tick', {
              epoch: formatEpoch(language, c.epoch),
              accuracy: accuracy(c.testAccuracy),
            });
            return (
              <li
                key={c.epoch}
                className={i === index ? 'current' : i === pending ? 'pending' : missing ? 'missing' : ''}
                title={title}
                aria-label={title}
                aria-current={i === index ? 'true' : undefined}
                style={{ left: `${(i / last) * 100}%`, height: `${6 + 22 * (c.testAccuracy ?? 0)}px` }}
              />
            );
          })}
        </ol>
      </div>
      <span className="timeline-label">
        {current.testAccuracy === null
          ? t('timeline.epoch', { epoch })
          : testImages >= WHOLE_TEST_SET
            ? t('timeline.onTestSet', { epoch, accuracy: accuracy(current.testAccuracy) })
            : t('timeline.onTestImages', {
                count: testImages,
                epoch,
                accuracy: accuracy(current.testAccuracy),
                images: formatFixed(language, testImages),
              })}
      </span>
      <RunDownloads />
    </div>
  );
}
