import { lazy, Suspense } from 'react';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { closeupLayer } from './closeupTarget';

/** The close-up's code, loaded the first time a node is pinned (or earlier, with `preloadCloseup`). */
const load = () => import('./CloseupDock');
const LazyCloseupDock = lazy(() => load().then((m) => ({ default: m.CloseupDock })));

/** Fetches the close-up's code without showing it (a failure is left to its first showing). */
export function preloadCloseup(): void {
  load().catch(() => undefined);
}

/** Where the close-up docks: shown while a conv, pooling or dense node is pinned. */
export function CloseupMount({ layers, params }: { layers: readonly LayerSpec[]; params: () => Float32Array }) {
  const shown = useAppStore((s) => closeupLayer(layers, s.focus, s.pinned) !== null);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <LazyCloseupDock layers={layers} params={params} />
    </Suspense>
  );
}
