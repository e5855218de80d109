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

/** Each URL not in the runs cache yet is fetched into it (the HTTP cache usually answers: the page fetched it). */
async function cacheUrls(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(RUNS_CACHE);
  for (const url of urls) if (!(await cache.match(url, { ignoreVary: true }))) await cache.add(url);
}

/** Both shipped runs' manifests and the selected checkpoint: what the page needs to start offline. */
function selectedUrls(connection: EngineConnection): string[] {
  const run = connection.selectedRun();
  if (!run.files) return []; // a run trained or imported here lives in IndexedDB, not in the cache
  const manifests = [...connection.runs.values()].flatMap((r) => (r.files ? [r.files.manifestUrl] : []));
  return [...manifests, run.files.checkpointUrl(connection.selectedIndex())];
}

/** The selected run's other checkpoints the page holds (those fetched before the service worker took over). */
function heldUrls(connection: EngineConnection): string[] {
  const run = connection.selectedRun();
  const files = run.files;
  return files ? run.checkpoints.flatMap((c, i) => (c.params ? [files.checkpointUrl(i)] : [])) : [];
}

/** Registers the service worker and keeps `offlineReady` and `updateReady` in the store; no-op in development. */
export async function startOffline(connection: EngineConnection): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const set = useAppStore.getState().set;
  let appCached = navigator.serviceWorker.controller !== null; // a worker that controls the page has installed
  let checking = false;
  let again = false;
  const check = async () => {
    if (!appCached) return;
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      do {
        again = false;
        const { run, checkpointIndex } = useAppStore.getState();
        try {
          await cacheUrls(selectedUrls(connection));
          const now = useAppStore.getState();
          if (now.run === run && now.checkpointIndex === checkpointIndex) set({ offlineReady: true });
          else again = true; // the selection moved meanwhile: check the new one
          await cacheUrls(heldUrls(connection));
        } catch {
          // Not fetched (the network is down): tried again at the next selection or checkpoint fetched.
        }
      } while (again);
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
    const moved = s.run !== before.run || s.checkpointIndex !== before.checkpointIndex;
    if (moved && s.offlineReady) set({ offlineReady: false });
    if (moved || s.heldCheckpoints !== before.heldCheckpoints) void check();
  });
  await check();
  // Runs' caches of earlier versions whose files differ (their names carry the content's hash) are dropped.
  for (const name of await caches.keys())
    if (name.startsWith('lenet-runs-') && name !== RUNS_CACHE) await caches.delete(name);
}
