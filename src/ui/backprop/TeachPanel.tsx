import { useState } from 'react';
import { useAppStore } from '../../store/appStore';
import type { BackpropController } from '../../store/backpropController';

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Teaching the network this drawing: SGD steps on it alone (w ← w − η ∂E/∂w) on a scratch copy of
 * the selected checkpoint, how many steps flipped the reading, what it cost on test images, and undo.
 */
export function TeachPanel({ backprop }: { backprop: BackpropController }) {
  const teaching = useAppStore((s) => s.teaching);
  const trueLabel = useAppStore((s) => s.trueLabel);
  const prediction = useAppStore((s) => s.prediction);
  const hasInput = useAppStore((s) => s.input !== null);
  const [rate, setRate] = useState('0.01');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const label = trueLabel ?? prediction?.label ?? null;
  const learningRate = Number(rate);
  const rateOk = Number.isFinite(learningRate) && learningRate > 0 && learningRate <= 10;
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    work()
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="teach" aria-label="Teach the network this drawing">
      <div className="teach-row">
        <button
          type="button"
          data-testid="teach-step"
          disabled={busy || !hasInput || label === null || !rateOk}
          onClick={() => run(() => backprop.teach(label!, 1, learningRate))}
        >
          teach it {label ?? ''}
        </button>
        <label>
          rate η{' '}
          <input
            data-testid="teach-rate"
            title="the learning rate of the teaching steps"
            inputMode="decimal"
            value={rate}
            aria-invalid={!rateOk}
            onChange={(e) => setRate(e.target.value)}
            size={5}
          />
        </label>
        <button
          type="button"
          data-testid="teach-undo"
          disabled={busy || !teaching}
          onClick={() => run(() => backprop.undo())}
        >
          undo teaching
        </button>
      </div>
      {!rateOk && <p className="error">The learning rate must be a number above 0 and at most 10.</p>}
      {teaching && (
        <div className="teach-status" data-testid="teach-status" aria-live="polite">
          <p>
            {teaching.steps} step{teaching.steps === 1 ? '' : 's'} on this drawing; loss{' '}
            {teaching.lossStart.toPrecision(3)} → {useAppStore.getState().backward?.loss.toPrecision(3) ?? '-'}.{' '}
            {teaching.flippedAfter !== null
              ? `It read your ${label} after ${teaching.flippedAfter} step${teaching.flippedAfter === 1 ? '' : 's'}.`
              : `It does not read a ${label} yet.`}
          </p>
          {teaching.cost ? (
            <p>
              You taught it your {label}; on {teaching.cost.images.toLocaleString('en')} test images it now gets{' '}
              <strong>{percent(teaching.cost.after)}</strong> instead of {percent(teaching.cost.before)}.
            </p>
          ) : (
            <button
              type="button"
              data-testid="teach-cost"
              disabled={busy}
              onClick={() => run(() => backprop.measureCost())}
            >
              what did it cost? (1,000 test images)
            </button>
          )}
          <p className="muted small">
            A scratch copy: the stored checkpoints are untouched; undo returns to the checkpoint exactly.
          </p>
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          Teaching: {problem}
        </p>
      )}
    </section>
  );
}
