import type { LayerSpec, LossKind } from '../../engine/model/layerSpec';
import { frameHolder } from '../../store/frameHolder';
import { explainDelta, formatNumber } from '../../viz/deltaExplanation';
import type { NodeRef } from '../../engine/model/nodeRef';

/**
 * The backward view's part of the tooltip: the focused node's error term and how it was computed, in
 * the tutorial's terms with this drawing's numbers, and for a pooling cell where its δ goes in the 2x2
 * window below (the max-pooling winner marked, a tie noted).
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
  const frame = frameHolder.frame;
  const backward = frameHolder.backward;
  if (!frame || !backward) return null;
  const explanation = explainDelta(layers, loss, params, frame, backward, focus);
  const symbol = explanation.dPre !== null ? 'δ = dL/dz' : focus.layer === 'input' ? 'dL/dx' : 'dL/d(output)';
  return (
    <div className="delta-details" data-testid="delta-details">
      <div>
        <strong>
          {symbol} = {formatNumber(explanation.delta)}
        </strong>
        {explanation.dPre !== null && (
          <span className="muted"> (dL/d(activation) {formatNumber(explanation.dOut)})</span>
        )}
      </div>
      <div className="formula">{explanation.formula}</div>
      <div className="worked">{explanation.worked}</div>
      {explanation.notes.map((note, k) => (
        <div key={k} className="muted note">
          {note}
        </div>
      ))}
      {explanation.window && (
        <div
          className="pool-window"
          data-testid="delta-window"
          role="group"
          aria-label="where the δ goes in the 2x2 window below"
        >
          {explanation.window.map((cell, k) => (
            <span key={k} className={cell.winner ? 'winner' : ''} title={`value ${formatNumber(cell.value)}`}>
              {formatNumber(cell.routed)}
            </span>
          ))}
        </div>
      )}
      {explanation.tie && (
        <div className="tie-note">tie in this window: the first cell in row-major order won (PyTorch's rule)</div>
      )}
    </div>
  );
}
