import { useMessageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';
import { SHIPPED_RUNS } from '../../store/compareReading';

/** Which engine runs, which checkpoint is shown, and why the engine fell back if it did. */
export function EngineStatus() {
  const backend = useAppStore((s) => s.backend);
  const renderer = useAppStore((s) => s.renderer);
  const note = useAppStore((s) => s.engineNote);
  const text = useMessageText();
  const checkpoint = useAppStore((s) => s.checkpoints[s.checkpointIndex]);
  const run = useAppStore((s) => s.run);
  return (
    <div className="engine-status" role="status" aria-live="polite" data-testid="engine-status">
      <div>
        engine:{' '}
        {backend === 'webgl2'
          ? 'WebGL2 (worker)'
          : backend === 'wasm'
            ? 'WebAssembly SIMD (worker)'
            : backend === 'cpu'
              ? 'CPU reference (worker)'
              : 'starting…'}
      </div>
      {renderer && (
        <div className="muted" title={renderer}>
          {renderer.length > 60 ? `${renderer.slice(0, 57)}…` : renderer}
        </div>
      )}
      {checkpoint && (
        <div>
          {run && Object.hasOwn(SHIPPED_RUNS, run) ? SHIPPED_RUNS[run] : run === 'my-run' ? 'your run' : run}, epoch{' '}
          {Number(checkpoint.epoch.toFixed(4))}
          {checkpoint.testAccuracy !== null ? `, test accuracy ${(checkpoint.testAccuracy * 100).toFixed(2)}%` : ''}
        </div>
      )}
      {note && <div className="muted">{text(note)}</div>}
    </div>
  );
}
