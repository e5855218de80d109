/**
 * The shipped runs, served from public/models: opening one fetches its manifest only; each checkpoint's weights
 * and predictions are fetched when asked (the selected checkpoint first, the rest when needed or when the page
 * is idle), once, and the store's `heldCheckpoints` says which the page holds.
 */
import type { CheckpointPredictions } from '../../engine/model/predictions';
import {
  loadCheckpoint,
  loadCheckpointPredictions,
  loadManifest,
  predictionsEntry,
} from '../../engine/model/runLoader';
import { useAppStore } from '../../store/appStore';
import { recordFromManifest, type RunFiles, type RunRecord } from '../../store/runRecord';
import { fetchFileBytes } from './runFileFetch';

/** Where the shipped, trained run is served from. */
export const SHIPPED_RUN_URL = `${import.meta.env.BASE_URL}models/lenet5-default`;

/** Where the classic 1998 LeNet-5 (tanh, trainable subsampling, LeCun's C3 table) is served from. */
export const CLASSIC_RUN_URL = `${import.meta.env.BASE_URL}models/lenet5-classic`;

/** Where the modern run with learned C3 combinations (the sparsifying penalty) is served from. */
export const LEARNED_RUN_URL = `${import.meta.env.BASE_URL}models/lenet5-learned`;

/** A fetch in flight, and whether it is a quiet prefetch (which a request that needs the file must not rely on). */
interface Pending<T> {
  readonly promise: Promise<T>;
  readonly idle: boolean;
}

/**
 * Opens the run `name` served at `baseUrl`: its manifest is fetched and validated now (`idle`: one attempt,
 * otherwise retried while it fails); its checkpoints come later through the record's `files`.
 */
export async function openShippedRun(name: string, baseUrl: string, idle = false): Promise<RunRecord> {
  const reader = (quiet: boolean) => (file: string) => fetchFileBytes(`${baseUrl}/${file}`, `${name}/${file}`, quiet);
  const manifest = await loadManifest(reader(idle), baseUrl);
  const held = manifest.checkpoints.map(() => false);
  const weights = new Map<number, Pending<Float32Array>>();
  const predictions = new Map<number, Promise<CheckpointPredictions | null>>();
  const heldPredictions = new Map<number, CheckpointPredictions>();
  const publish = () =>
    useAppStore.getState().set({ heldCheckpoints: { ...useAppStore.getState().heldCheckpoints, [name]: [...held] } });

  const files: RunFiles = {
    checkpoint(index, quiet = false) {
      if (!(index >= 0 && index < held.length))
        return Promise.reject(new RangeError(`no checkpoint ${index} in ${name}`));
      const pending = weights.get(index);
      // A needed checkpoint whose quiet prefetch fails is fetched again, this time retried until it arrives.
      if (pending)
        return pending.idle && !quiet ? pending.promise.catch(() => files.checkpoint(index)) : pending.promise;
      const promise = loadCheckpoint(reader(quiet), manifest, index, baseUrl).then((params) => {
        record.checkpoints[index] = { ...record.checkpoints[index], params };
        held[index] = true;
        publish();
        return params;
      });
      weights.set(index, { promise, idle: quiet });
      promise.catch(() => weights.delete(index));
      return promise;
    },
    predictions(index) {
      let pending = predictions.get(index);
      if (!pending) {
        pending = loadCheckpointPredictions(reader(false), manifest, index, baseUrl).then((p) => {
          if (p) heldPredictions.set(index, p);
          return p;
        });
        predictions.set(index, pending);
        pending.catch(() => predictions.delete(index));
      }
      return pending;
    },
    hasPredictions: (index) => index >= 0 && index < held.length && predictionsEntry(manifest, index) !== null,
    heldPredictions: (index) => heldPredictions.get(index) ?? null,
    manifestUrl: `${baseUrl}/manifest.json`,
    checkpointUrl: (index) => `${baseUrl}/${manifest.checkpoints[index].file}`,
  };
  const record = recordFromManifest(name, manifest, files);
  publish();
  return record;
}
