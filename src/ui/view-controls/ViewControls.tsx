import { useState } from 'react';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { divergingGradientCss, rampGradientCss } from '../../viz/colourRamp';
import { flyTo } from '../../viz/sceneHolder';

const COLOUR_NOTES = {
  fixed: 'fixed range per layer',
  perDrawing: 'range of this drawing',
  difference: 'blue: lower than one checkpoint before, warm: higher',
} as const;

/** The colour legend of the frame shown: activations, or the backward view's error terms. */
function Legend() {
  const colourMode = useAppStore((s) => s.colourMode);
  const backward = useAppStore((s) => s.viewKind === 'backward');
  const deltaPart = useAppStore((s) => s.deltaPart);
  if (backward) {
    return (
      <div className="legend" data-testid="delta-legend">
        <span>−</span>
        <span className="ramp" style={{ background: divergingGradientCss() }} />
        <span>+</span>
        <small>
          {deltaPart === 'pre'
            ? 'error terms δ = dL/dz (dL/d(output) for pooling and the input)'
            : 'dL/d(activation) of every layer'}
          ; white = 0; each layer scaled to its largest magnitude (beside its name), square-root scale; edges: the W × δ
          they carry down
        </small>
      </div>
    );
  }
  return (
    <div
      className="legend"
      title={
        colourMode === 'perDrawing'
          ? 'each layer scaled to this drawing'
          : 'each layer has a fixed range, the same for every drawing and checkpoint'
      }
    >
      <span>negative</span>
      <span className="ramp" style={{ background: rampGradientCss() }} />
      <span>high</span>
      <small>{COLOUR_NOTES[colourMode]}; edges red = positive, blue = negative</small>
    </div>
  );
}

/**
 * Switches for the view (trace mode, colour ranges, edge colours), camera presets and the colour legend,
 * behind one "view options" button on a phone (the CSS shows them open on larger screens).
 */
export function ViewControls({ layers }: { layers: readonly LayerSpec[] }) {
  const traceMode = useAppStore((s) => s.traceMode);
  const colourMode = useAppStore((s) => s.colourMode);
  const edgeMode = useAppStore((s) => s.edgeMode);
  const cameraPreset = useAppStore((s) => s.cameraPreset);
  const viewGuide = useAppStore((s) => s.viewGuide);
  const set = useAppStore((s) => s.set);
  const [open, setOpen] = useState(false);
  return (
    <div className="view-controls" data-open={open}>
      <button
        type="button"
        className="view-toggle"
        aria-expanded={open}
        aria-controls="view-options"
        data-testid="view-toggle"
        onClick={() => setOpen(!open)}
      >
        {open ? 'Close view options' : 'View options'}
      </button>
      <div className="view-options" id="view-options">
        <label>
          <input
            type="checkbox"
            data-testid="trace-mode"
            checked={traceMode === 'full'}
            onChange={(e) => set({ traceMode: e.target.checked ? 'full' : 'direct' })}
          />{' '}
          trace to the input
        </label>
        <label>
          colours{' '}
          <select
            data-testid="colour-mode"
            value={colourMode}
            onChange={(e) => set({ colourMode: e.target.value as typeof colourMode })}
          >
            <option value="fixed">fixed ranges</option>
            <option value="perDrawing">per drawing</option>
            <option value="difference">change since last checkpoint</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={edgeMode === 'contribution'}
            onChange={(e) => set({ edgeMode: e.target.checked ? 'contribution' : 'weight' })}
          />{' '}
          edges: weight x activation
        </label>
        <div className="camera-presets" role="group" aria-label="Camera">
          <button
            type="button"
            aria-pressed={cameraPreset === 'overview'}
            data-testid="camera-overview"
            onClick={() => flyTo('overview')}
          >
            3D overview
          </button>
          <button
            type="button"
            aria-pressed={cameraPreset === 'front'}
            data-testid="camera-front"
            onClick={() => flyTo('front')}
          >
            front-on
          </button>
          <select
            data-testid="camera-preset"
            aria-label="Camera preset"
            onChange={(e) => flyTo(e.target.value)}
            value={cameraPreset}
          >
            <option value="overview">overview</option>
            <option value="front">front-on</option>
            {layers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.id} close up
              </option>
            ))}
          </select>
        </div>
        <Legend />
        {!viewGuide && (
          <button type="button" className="link-button" onClick={() => set({ viewGuide: true })}>
            how to read this view
          </button>
        )}
      </div>
    </div>
  );
}
