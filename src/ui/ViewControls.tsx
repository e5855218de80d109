import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore } from '../store/appStore';
import { divergingGradientCss, rampGradientCss } from '../viz/colourRamp';
import { flyTo } from '../viz/sceneHolder';

/** Switches for the view (trace mode, colour ranges, edge colours), camera presets and the colour legend. */
export function ViewControls({ layers }: { layers: readonly LayerSpec[] }) {
  const traceMode = useAppStore((s) => s.traceMode);
  const colourMode = useAppStore((s) => s.colourMode);
  const edgeMode = useAppStore((s) => s.edgeMode);
  const backward = useAppStore((s) => s.viewKind === 'backward');
  const deltaPart = useAppStore((s) => s.deltaPart);
  const cameraPreset = useAppStore((s) => s.cameraPreset);
  const set = useAppStore((s) => s.set);
  return (
    <div className="view-controls">
      <label><input type="checkbox" data-testid="trace-mode" checked={traceMode === 'full'}
        onChange={(e) => set({ traceMode: e.target.checked ? 'full' : 'direct' })} /> trace to the input</label>
      <label>colours <select data-testid="colour-mode" value={colourMode} onChange={(e) => set({ colourMode: e.target.value as typeof colourMode })}>
        <option value="fixed">fixed ranges</option>
        <option value="perDrawing">per drawing</option>
        <option value="difference">change since last checkpoint</option>
      </select></label>
      <label><input type="checkbox" checked={edgeMode === 'contribution'}
        onChange={(e) => set({ edgeMode: e.target.checked ? 'contribution' : 'weight' })} /> edges: weight x activation</label>
      <label>camera <select onChange={(e) => flyTo(e.target.value)} value={cameraPreset} aria-label="Camera preset">
        <option value="overview">overview</option>
        <option value="front">front-on</option>
        {layers.map((l) => <option key={l.id} value={l.id}>{l.id} close up</option>)}
      </select></label>
      {backward ? (
        <div className="legend" data-testid="delta-legend">
          <span>−</span><span className="ramp" style={{ background: divergingGradientCss() }} /><span>+</span>
          <small>{deltaPart === 'pre' ? 'error terms δ = dL/dz (dL/d(output) for pooling and the input)' : 'dL/d(activation) of every layer'}; white = 0;
            each layer scaled to its largest magnitude (beside its name), square-root scale; edges: the W × δ they carry down</small>
        </div>
      ) : (
      <div className="legend" title={colourMode === 'perDrawing' ? 'each layer scaled to this drawing' : 'each layer has a fixed range, the same for every drawing and checkpoint'}>
        <span>negative</span><span className="ramp" style={{ background: rampGradientCss() }} /><span>high</span>
        <small>{{ fixed: 'fixed range per layer', perDrawing: 'range of this drawing', difference: 'blue: lower than one checkpoint before, warm: higher' }[colourMode]}; edges red = positive, blue = negative</small>
      </div>
      )}
    </div>
  );
}
