import { useTranslation } from 'react-i18next';
import type { GradientCheckState } from '../../store/appStore';
import { AGREEMENT, checkVerdict, formatNumber, relativeDifference } from './gradientCheckText';

type Row = 'weight' | 'engine' | 'analytic' | 'epsilon' | 'lossPlus' | 'lossMinus' | 'numeric' | 'relative';

/** One checked derivative: backprop's dL/dw (engine and float64), the central finite difference, their agreement. */
export function GradientCheckTable({ check }: { check: GradientCheckState }) {
  const { t } = useTranslation('backprop');
  const verdict = checkVerdict(check);
  const rows: [Row, number, string?][] = [
    ['weight', check.weight],
    ['engine', check.engineGradient],
    ['analytic', check.analytic, 'a'],
    ['epsilon', check.epsilon],
    ['lossPlus', check.lossPlus],
    ['lossMinus', check.lossMinus],
    ['numeric', check.numeric, 'n'],
    ['relative', check.relativeDifference],
  ];
  return (
    <>
      <table className="gradient-check-table">
        <tbody>
          {rows.map(([name, value, symbol]) => (
            <tr key={name}>
              <th scope="row">
                {t(`check.rows.${name}`)}
                {symbol ? (
                  <span className="muted" style={{ whiteSpace: 'nowrap' }}>
                    {' '}
                    = {symbol}
                  </span>
                ) : null}
              </th>
              <td>{formatNumber(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p
        className={verdict.agree ? 'gradient-verdict agree' : 'gradient-verdict differ'}
        data-testid="gradcheck-verdict"
      >
        {t(`check.verdict.${verdict.reason}`, { threshold: AGREEMENT.toExponential(0) })}
      </p>
      <p className="muted">
        {t('check.engineAgainst', { value: formatNumber(relativeDifference(check.engineGradient, check.analytic)) })}
      </p>
      <p className="muted small">{t('check.epsilonNote', { epsilon: check.epsilon.toExponential() })}</p>
    </>
  );
}
