import { useState } from 'react';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { GradientCheckTable } from './GradientCheckTable';
import { axisNames, formatNumber, weightLabel } from './gradientCheckText';
import { randomWeight, weightLayers } from '../kernels/kernelImages';

/** What the gradient-check panel reads and calls. */
export interface GradientCheckPanelProps {
  readonly layers: readonly LayerSpec[];
  /** Checks weight `index` of `tensor` for the drawing (selects it and stores the result in the app store). */
  check(tensor: string, index: number): Promise<void>;
}

/**
 * The tutorial's check of one derivative (检查求导是否正确): the selected weight's dL/dw from backprop
 * beside the central finite difference (L(w + ε) − L(w − ε)) / 2ε, and whether they agree.
 */
export function GradientCheckPanel({ layers, check }: GradientCheckPanelProps) {
  const selected = useAppStore((s) => s.selectedWeight);
  const result = useAppStore((s) => s.gradientCheck);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (tensor: string, index: number) => {
    setBusy(true);
    setError(null);
    try {
      await check(tensor, index);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const current =
    result && selected && result.tensor === selected.tensor && result.index === selected.index ? result : null;
  const canPick = weightLayers(layers).length > 0;
  return (
    <section className="gradient-check" data-testid="gradient-check" aria-label="Gradient check">
      <h2>Gradient check</h2>
      <p className="muted">Is backprop's derivative right? Compare it with a central finite difference of the loss.</p>
      <div className="gradient-check-buttons">
        <button
          data-testid="gradcheck-random"
          disabled={busy || !canPick}
          onClick={() => {
            const pick = randomWeight(layers);
            void run(pick.tensor, pick.index);
          }}
        >
          random weight
        </button>
        <button
          data-testid="gradcheck-again"
          disabled={busy || !selected}
          onClick={() => {
            if (selected) void run(selected.tensor, selected.index);
          }}
        >
          check again
        </button>
      </div>
      {selected ? (
        <p className="gradient-check-weight" data-testid="gradcheck-weight">
          <strong>{weightLabel(layers, selected.tensor, selected.index)}</strong>
          <span className="muted">
            {' '}
            {axisNames(selected.tensor, layers)}, entry {selected.index}
          </span>
          {current && <span> = {formatNumber(current.weight)}</span>}
        </p>
      ) : (
        <p className="muted">Click a kernel tap in the parameter gradients, or pick a random weight.</p>
      )}
      {selected && !current && !error && (
        <p className="muted">{busy ? 'checking…' : 'waiting for the check of this weight…'}</p>
      )}
      {current && <GradientCheckTable check={current} />}
      {error && (
        <p className="error" role="alert" data-testid="gradcheck-error">
          {error}
        </p>
      )}
    </section>
  );
}
