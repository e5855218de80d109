import { useTranslation } from 'react-i18next';
import { formatFixed } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { useRunName } from '../runs/useRunName';

/** Compare mode: both shipped networks' probabilities for the same input, side by side. */
export function ComparePanel({ runNames }: { runNames: readonly string[] }) {
  const compare = useAppStore((s) => s.compare);
  const comparison = useAppStore((s) => s.comparison);
  const prediction = useAppStore((s) => s.prediction);
  const run = useAppStore((s) => s.run);
  const set = useAppStore((s) => s.set);
  const language = useAppStore((s) => s.language);
  const { t } = useTranslation('reading');
  const name = useRunName();
  if (!runNames.includes('lenet5-classic') || !runNames.includes('lenet5-default')) return null;
  return (
    <section className="compare">
      <label>
        <input
          type="checkbox"
          data-testid="compare-toggle"
          checked={compare}
          onChange={(e) => set({ compare: e.target.checked })}
        />{' '}
        {t('compareToggle')}
      </label>
      {compare && prediction && comparison && (
        <table className="compare-table" data-testid="compare-prediction">
          <thead>
            <tr>
              <th>{t('digit')}</th>
              <th>{name(run)}</th>
              <th>{t('lastEpoch', { name: name(comparison.run) })}</th>
            </tr>
          </thead>
          <tbody>
            {prediction.probabilities.map((p, digit) => (
              <tr key={digit}>
                <th>{digit}</th>
                <td className={digit === prediction.label ? 'top' : ''}>
                  <span className="bar" style={{ width: `${Math.max(1, p * 100)}%` }} />
                  {formatFixed(language, p * 100, 1)}
                </td>
                <td className={digit === comparison.label ? 'top' : ''}>
                  <span className="bar" style={{ width: `${Math.max(1, comparison.probabilities[digit] * 100)}%` }} />
                  {formatFixed(language, comparison.probabilities[digit] * 100, 1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
