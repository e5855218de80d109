import { useAppStore } from '../../store/appStore';
import { SHIPPED_RUNS } from '../../store/compareReading';

/** Compare mode: both shipped networks' probabilities for the same input, side by side. */
export function ComparePanel({ runNames }: { runNames: readonly string[] }) {
  const compare = useAppStore((s) => s.compare);
  const comparison = useAppStore((s) => s.comparison);
  const prediction = useAppStore((s) => s.prediction);
  const run = useAppStore((s) => s.run);
  const set = useAppStore((s) => s.set);
  if (!runNames.includes('lenet5-classic') || !runNames.includes('lenet5-default')) return null;
  const name = (id: string | null) => (id && Object.hasOwn(SHIPPED_RUNS, id) ? SHIPPED_RUNS[id] : (id ?? ''));
  return (
    <section className="compare">
      <label>
        <input
          type="checkbox"
          data-testid="compare-toggle"
          checked={compare}
          onChange={(e) => set({ compare: e.target.checked })}
        />{' '}
        compare both shipped networks
      </label>
      {compare && prediction && comparison && (
        <table className="compare-table" data-testid="compare-prediction">
          <thead>
            <tr>
              <th>digit</th>
              <th>{name(run)}</th>
              <th>{name(comparison.run)} (last epoch)</th>
            </tr>
          </thead>
          <tbody>
            {prediction.probabilities.map((p, digit) => (
              <tr key={digit}>
                <th>{digit}</th>
                <td className={digit === prediction.label ? 'top' : ''}>
                  <span className="bar" style={{ width: `${Math.max(1, p * 100)}%` }} />
                  {(p * 100).toFixed(1)}
                </td>
                <td className={digit === comparison.label ? 'top' : ''}>
                  <span className="bar" style={{ width: `${Math.max(1, comparison.probabilities[digit] * 100)}%` }} />
                  {(comparison.probabilities[digit] * 100).toFixed(1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
