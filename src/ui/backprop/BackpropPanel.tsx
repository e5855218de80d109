import { useAppStore } from '../../store/appStore';

const LOSS_NAMES = {
  'softmax-cross-entropy': 'cross-entropy, −log p[label]',
  'mean-squared-error': 'mean squared error over the 10 outputs',
};

/**
 * The backward view's switches: what the drawing should be (preselected to the network's reading),
 * the view itself, δ or dL/d(activation), the loss of this drawing, and skipping the sweep.
 */
export function BackpropPanel({ loss }: { loss: keyof typeof LOSS_NAMES }) {
  const trueLabel = useAppStore((s) => s.trueLabel);
  const prediction = useAppStore((s) => s.prediction);
  const viewKind = useAppStore((s) => s.viewKind);
  const deltaPart = useAppStore((s) => s.deltaPart);
  const backward = useAppStore((s) => s.backward);
  const sweeping = useAppStore((s) => s.sweepStart !== null);
  const set = useAppStore((s) => s.set);
  const label = trueLabel ?? prediction?.label ?? null;
  return (
    <section className="backprop" aria-label="Backward pass">
      <div className="true-label" role="group" aria-label="This drawing is a">
        <span>this is a</span>
        {Array.from({ length: 10 }, (_, digit) => (
          <button
            key={digit}
            type="button"
            data-testid={`true-label-${digit}`}
            aria-pressed={label === digit}
            className={trueLabel === null && label === digit ? 'reading' : ''}
            onClick={() => set({ trueLabel: digit })}
          >
            {digit}
          </button>
        ))}
      </div>
      <p className="muted small">
        {trueLabel === null
          ? "preselected: the network's reading; press the digit it should be"
          : `you say it is a ${trueLabel}`}
      </p>
      <label>
        <input
          type="checkbox"
          data-testid="backprop-toggle"
          checked={viewKind === 'backward'}
          onChange={(e) => set({ viewKind: e.target.checked ? 'backward' : 'forward' })}
        />{' '}
        show the backward pass (error terms δ)
      </label>
      {viewKind === 'backward' && (
        <>
          <label>
            <input
              type="checkbox"
              data-testid="delta-part"
              checked={deltaPart === 'out'}
              onChange={(e) => set({ deltaPart: e.target.checked ? 'out' : 'pre' })}
            />{' '}
            dL/d(activation) instead of δ = dL/dz
          </label>
          {sweeping && (
            <button type="button" data-testid="sweep-skip" onClick={() => set({ sweepStart: null })}>
              skip the sweep
            </button>
          )}
          <p className="backprop-loss" data-testid="backprop-loss">
            {backward ? (
              <>
                loss for a {backward.label}: <strong>{backward.loss.toPrecision(4)}</strong>{' '}
                <span className="muted">({LOSS_NAMES[loss]})</span>
              </>
            ) : (
              'draw a digit to see how the network would learn from it'
            )}
          </p>
        </>
      )}
    </section>
  );
}
