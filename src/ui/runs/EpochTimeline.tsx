import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/appStore';

/**
 * One tick per checkpoint with its test accuracy; click or drag along it, or press left/right, to
 * step; the play button walks through the epochs. The drawing is re-read at every checkpoint.
 */
export function EpochTimeline({ select }: { select: (index: number) => Promise<void> }) {
  const checkpoints = useAppStore((s) => s.checkpoints);
  const index = useAppStore((s) => s.checkpointIndex);
  const testImages = useAppStore((s) => s.testImages);
  const [playing, setPlaying] = useState(false);
  const track = useRef<HTMLOListElement>(null);
  const dragging = useRef(false);

  const go = (next: number) => {
    const clamped = Math.max(0, Math.min(checkpoints.length - 1, next));
    if (clamped !== useAppStore.getState().checkpointIndex) void select(clamped);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Not while typing or choosing, nor when the 3D view used the arrow to move its focused node.
      if (
        event.defaultPrevented ||
        event.target instanceof HTMLInputElement ||
        event.target instanceof HTMLSelectElement ||
        event.target instanceof HTMLTextAreaElement
      )
        return;
      if (event.key === 'ArrowLeft') go(useAppStore.getState().checkpointIndex - 1);
      if (event.key === 'ArrowRight') go(useAppStore.getState().checkpointIndex + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (!playing) return;
    if (index >= checkpoints.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => go(index + 1), 700);
    return () => clearTimeout(timer);
  }, [playing, index, checkpoints.length]);

  const pick = (clientX: number) => {
    const rect = track.current!.getBoundingClientRect();
    go(Math.round(((clientX - rect.left) / rect.width) * (checkpoints.length - 1)));
  };

  if (checkpoints.length === 0) return null;
  const current = checkpoints[index];
  return (
    <div className="timeline" data-testid="epoch-timeline">
      <button
        type="button"
        aria-label={playing ? 'Pause' : 'Play through the epochs'}
        onClick={() => {
          if (!playing && index === checkpoints.length - 1) go(0);
          setPlaying(!playing);
        }}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <ol
        ref={track}
        className="ticks"
        aria-label="Checkpoints (the left and right arrow keys step through them)"
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
          const title = `epoch ${c.epoch}: test accuracy ${c.testAccuracy === null ? '-' : (c.testAccuracy * 100).toFixed(2) + '%'}`;
          return (
            <li
              key={c.epoch}
              className={i === index ? 'current' : ''}
              title={title}
              aria-label={title}
              aria-current={i === index ? 'true' : undefined}
              style={{
                left: `${(i / (checkpoints.length - 1)) * 100}%`,
                height: `${6 + 22 * (c.testAccuracy ?? 0)}px`,
              }}
            />
          );
        })}
      </ol>
      <span className="timeline-label">
        epoch {Number(current.epoch.toFixed(4))}
        {current.testAccuracy !== null
          ? ` · ${(current.testAccuracy * 100).toFixed(2)}% on ${testImages >= 10000 ? 'the test set' : `${testImages.toLocaleString()} test images`}`
          : ''}
      </span>
    </div>
  );
}
