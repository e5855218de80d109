import { useAppStore } from '../../store/appStore';

/** The network's answer: the top digit large, and all ten probabilities as bars. */
export function PredictionPanel() {
  const prediction = useAppStore((s) => s.prediction);
  const backward = useAppStore((s) => (s.viewKind === 'backward' ? s.backward : null));
  return (
    <section className="prediction" data-testid="prediction" aria-live="polite">
      {prediction ? (
        <>
          <div className="top-digit">
            <span className="digit">{prediction.label}</span>
            <span className="confidence">{(prediction.probabilities[prediction.label] * 100).toFixed(1)}%</span>
            {backward && (
              <span className="confidence loss">
                loss {backward.loss.toPrecision(3)} if it is a {backward.label}
              </span>
            )}
          </div>
          <ol className="bars">
            {prediction.probabilities.map((p, digit) => (
              <li key={digit} className={digit === prediction.label ? 'top' : ''}>
                <span className="bar-label">{digit}</span>
                <span className="bar" style={{ width: `${Math.max(0.5, p * 100)}%` }} />
                <span className="bar-value">{(p * 100).toFixed(1)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <div className="top-digit empty">draw a digit</div>
      )}
    </section>
  );
}
