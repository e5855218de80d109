import { useTranslation } from 'react-i18next';
import type { LayerSpec, LossKind } from '../../engine/model/layerSpec';
import { frameHolder } from '../../store/frameHolder';
import { explainDelta, formatNumber } from '../../viz/deltaExplanation';
import type { NodeRef } from '../../engine/model/nodeRef';
import './deltaDetails.css';

/**
 * The backward view's part of the tooltip: first the short form, the focused node's error term, the rule and the
 * rule with this drawing's numbers; then, folded behind "more", where dL/d(output) came from and what the node
 * passes down, for a pooling cell where its δ goes in the 2x2 window below (the max-pooling winner marked, a tie
 * noted), and the tutorial's sections it follows.
 */
export function DeltaDetails({
  layers,
  loss,
  params,
  focus,
}: {
  layers: readonly LayerSpec[];
  loss: LossKind;
  params: Float32Array;
  focus: NodeRef;
}) {
  const { t } = useTranslation('delta');
  const frame = frameHolder.frame;
  const backward = frameHolder.backward;
  if (!frame || !backward) return null;
  const explanation = explainDelta(t, layers, loss, params, frame, backward, focus);
  const value = formatNumber(explanation.delta);
  const summary =
    explanation.dPre !== null
      ? t('summary.delta', { value })
      : focus.layer === 'input'
        ? t('summary.input', { value })
        : t('summary.output', { value });
  return (
    <div className="delta-details" data-testid="delta-details">
      <div>
        <strong>{summary}</strong>
        {explanation.dPre !== null && (
          <span className="muted"> {t('summary.activation', { value: formatNumber(explanation.dOut) })}</span>
        )}
      </div>
      <div className="formula">{explanation.formula}</div>
      <div className="worked">{explanation.worked}</div>
      <details className="delta-more" data-testid="delta-more">
        <summary>{t('details.more')}</summary>
        {explanation.notes.map((note, k) => (
          <div key={k} className="muted note">
            {note}
          </div>
        ))}
        {explanation.window && (
          <div className="pool-window" data-testid="delta-window" role="group" aria-label={t('details.window')}>
            {explanation.window.map((cell, k) => (
              <span
                key={k}
                className={cell.winner ? 'winner' : ''}
                title={t('details.cellValue', { value: formatNumber(cell.value) })}
              >
                {formatNumber(cell.routed)}
              </span>
            ))}
          </div>
        )}
        {explanation.tie && <div className="tie-note">{t('details.tie')}</div>}
        {explanation.tutorial.map((line, k) => (
          <div key={`tutorial-${k}`} className="muted note tutorial-note">
            {line}
          </div>
        ))}
      </details>
    </div>
  );
}
