import { decodePredictions, type CheckpointPredictions, type ManifestPredictions } from './predictions';
import type { RunManifest } from './runFormat';
import { decodeCheckpoint, validateManifest } from './runValidation';

/** Reads one file of a run folder by name (fetch in the browser, fs in Node). */
export type RunFileReader = (fileName: string) => Promise<Uint8Array>;

/** A validated run with the parameters of every checkpoint, in manifest order. */
export interface LoadedRun {
  readonly manifest: RunManifest;
  readonly checkpoints: readonly Float32Array[];
  /** Each checkpoint's test-set predictions, aligned with `checkpoints`; null where the manifest lists none. */
  readonly predictions: readonly (CheckpointPredictions | null)[];
}

/**
 * Loads `manifest.json`, every checkpoint it lists and every predictions file it lists. Any problem (bad JSON,
 * a manifest that does not describe this network, a missing, truncated or non-finite checkpoint, a missing or
 * invalid predictions file) rejects with an error naming it; nothing partial is returned.
 */
export async function loadRun(read: RunFileReader, source = 'run'): Promise<LoadedRun> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await read('manifest.json')));
  } catch (error) {
    throw new Error(`${source}/manifest.json: ${error instanceof Error ? error.message : String(error)}`);
  }
  const manifest = validateManifest(json, `${source}/manifest.json`);
  const readFile = async (file: string): Promise<Uint8Array> => {
    try {
      return await read(file);
    } catch (error) {
      throw new Error(`${source}/${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  const checkpoints: Float32Array[] = [];
  for (const checkpoint of manifest.checkpoints) {
    checkpoints.push(decodeCheckpoint(manifest, await readFile(checkpoint.file), `${source}/${checkpoint.file}`));
  }
  // The weights first: a problem with them is named before any problem with the (optional) predictions.
  const predictions: (CheckpointPredictions | null)[] = [];
  for (const checkpoint of manifest.checkpoints) {
    const entry = (checkpoint as { predictions?: ManifestPredictions }).predictions;
    predictions.push(entry === undefined ? null
      : decodePredictions(await readFile(entry.file), entry.images, `${source}/${entry.file}`));
  }
  return { manifest, checkpoints, predictions };
}
