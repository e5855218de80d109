import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import type { ProbeController } from '../../store/probeController';

/** The panel's code, loaded when the section first opens (or earlier, with `preloadProbe`). */
const load = () => import('./ProbeContent');
const LazyProbeContent = lazy(() => load().then((m) => ({ default: m.ProbeContent })));

/** Fetches the panel's code without showing it (a failure is left to its first showing). */
export function preloadProbe(): void {
  load().catch(() => undefined);
}

/**
 * The transform probe's section in the controls column (`data-section="probe"`): open while the person keeps it
 * open or a transform is set (also one set through the API), so its controls and reset are then on the page;
 * closing it clears the transform.
 */
export function ProbeSection({ probe }: { probe: ProbeController }) {
  const { t } = useTranslation('probe');
  const panel = useAppStore((s) => s.probePanel);
  const transform = useAppStore((s) => s.probe);
  const set = useAppStore((s) => s.set);
  const open = panel.open || transform !== null;
  return (
    <details
      className="panel probe-section"
      data-section="probe"
      data-testid="probe-panel"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now === open) return;
        set({ probePanel: { ...useAppStore.getState().probePanel, open: now } });
        if (!now && transform) void probe.setProbe(null);
      }}
    >
      <summary data-testid="probe-toggle">{t('section')}</summary>
      {open && (
        <Suspense fallback={null}>
          <LazyProbeContent probe={probe} />
        </Suspense>
      )}
    </details>
  );
}
