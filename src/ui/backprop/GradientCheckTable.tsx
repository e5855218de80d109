import type { GradientCheckState } from '../../store/appStore';
import { checkVerdict, formatNumber, relativeDifference } from './gradientCheckText';

/** One checked derivative: backprop's dL/dw (engine and float64), the central finite difference, their agreement. */
export function GradientCheckTable({ check }: { check: GradientCheckState }) {
  const verdict = checkVerdict(check);
  const rows: [string, number, string?][] = [
    ['w', check.weight],
    ['dL/dw, backprop (engine, float32)', check.engineGradient],
    ['dL/dw, backprop (float64)', check.analytic, 'a'],
    ['ε', check.epsilon],
    ['L(w + ε)', check.lossPlus],
    ['L(w − ε)', check.lossMinus],
    ['(L(w + ε) − L(w − ε)) / 2ε', check.numeric, 'n'],
    ['|a − n| / max(|a|, |n|)', check.relativeDifference],
  ];
  return (
    <>
      <table className="gradient-check-table">
        <tbody>
          {rows.map(([name, value, symbol]) => (
            <tr key={name}>
              <th scope="row">
                {name}
                {symbol ? <span className="muted"> = {symbol}</span> : null}
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
        {verdict.text}
      </p>
      <p className="muted">
        engine (float32) against float64 backprop: relative difference{' '}
        {formatNumber(relativeDifference(check.engineGradient, check.analytic))}
      </p>
    </>
  );
}
