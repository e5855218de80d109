/**
 * Working offline (production builds): registers the service worker (vite-plugin-pwa / Workbox, generated at
 * build time: it precaches the app and caches the runs and MNIST as they are fetched), makes sure the selected
 * run's manifest and checkpoint are in its cache (they were fetched before the worker took the page over), and
 * sets the store's `offlineReady` once both are true; a new version waiting sets `updateReady`, and
 * `reloadToUpdate` (the person's button, never automatic) switches to it.
 */
import type { EngineConnection } from '../../store/connectEngine';
import { useAppStore } from '../../store/appStore';

/** The cache the service worker keeps the shipped runs' files in (named by their content: see vite.config.ts). */
export const RUNS_CACHE: string = import.meta.env.VITE_RUNS_CACHE ?? 'lenet-runs';

let update: (() => Promise<void>) | null = null;

/** Switches to the waiting version of the app (the page reloads once the new service worker controls it). */
export function reloadToUpdate(): void {
  void update?.();
}

/** Puts both shipped runs' manifests and the selected checkpoint in the runs cache (when not there yet). */
async function cacheSelectedRun(connection: EngineConnection): Promise<void> {
  const run = connection.selectedRun();
  if (!run.files) return; // a run trained or imported here lives in IndexedDB, not in the cache
  const manifests = [...connection.runs.values()].flatMap((r) => (r.files ? [r.files.manifestUrl] : []));
  const urls = [...manifests, run.files.checkpointUrl(connection.selectedIndex())];
  const cache = await caches.open(RUNS_CACHE);
  for (const url of urls) if (!(await cache.match(url, { ignoreVary: true }))) await cache.add(url);
}

/** Registers the service worker and keeps `offlineReady` and `updateReady` in the store; no-op in development. */
export async function startOffline(connection: EngineConnection): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const set = useAppStore.getState().set;
  let appCached = navigator.serviceWorker.controller !== null; // a worker that controls the page has installed
  let checking = false;
  const check = async () => {
    if (!appCached || checking) return;
    checking = true;
    try {
      const { run, checkpointIndex } = useAppStore.getState();
      await cacheSelectedRun(connection);
      const now = useAppStore.getState();
      if (now.run === run && now.checkpointIndex === checkpointIndex) set({ offlineReady: true });
      else setTimeout(() => void check(), 0); // the selection moved meanwhile: check the new one
    } catch {
      set({ offlineReady: false }); // not fetched (offline): tried again at the next selection
    } finally {
      checking = false;
    }
  };
  const { registerSW } = await import('virtual:pwa-register');
  update = registerSW({
    immediate: true,
    onOfflineReady() {
      appCached = true;
      void check();
    },
    onNeedRefresh: () => set({ updateReady: true }),
  });
  useAppStore.subscribe((s, before) => {
    if (s.run !== before.run || s.checkpointIndex !== before.checkpointIndex) {
      if (s.offlineReady) set({ offlineReady: false });
      void check();
    }
  });
  await check();
  // Runs' caches of earlier versions whose files differ (their names carry the content's hash) are dropped.
  for (const name of await caches.keys())
    if (name.startsWith('lenet-runs-') && name !== RUNS_CACHE) await caches.delete(name);
}
