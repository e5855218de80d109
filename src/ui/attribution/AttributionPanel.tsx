import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import './attribution.css';

/**
 * The method, target and options of the heatmap, and its read-outs, split out of the first bundle (React.lazy):
 * loaded when the heatmap is turned on.
 */
const LazyAttributionControls = lazy(() =>
  import('./AttributionControls').then((m) => ({ default: m.AttributionControls })),
);

/**
 * "Why this reading?": the switch of the heatmap laid over the pad (AttributionOverlay.tsx), in the page from
 * load; once on, the method, the digit explained (and the one it is contrasted with), the method's options, what
 * the method means and where it misleads, and the map's scale.
 */
export function AttributionPanel({ engine }: { engine: EngineConnection | null }) {
  const { t } = useTranslation('attribution');
  const on = useAppStore((s) => s.attribution.on);
  const toggle = (checked: boolean) =>
    useAppStore.getState().set({ attribution: { ...useAppStore.getState().attribution, on: checked } });
  return (
    <section className="attribution" aria-label={t('attribution.region')}>
      <label className="attribution-switch">
        <input
          type="checkbox"
          data-testid="attribution-toggle"
          checked={on}
          disabled={!engine}
          onChange={(e) => toggle(e.target.checked)}
        />{' '}
        {t('attribution.toggle')}
      </label>
      {on && engine && (
        <Suspense fallback={null}>
          <LazyAttributionControls engine={engine} />
        </Suspense>
      )}
    </section>
  );
}
