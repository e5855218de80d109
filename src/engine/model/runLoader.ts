import { decodePredictions, type CheckpointPredictions, type ManifestPredictions } from './predictions';
import type { RunManifest } from './runFormat';
import { causeOf, inFile, problemOf, refuser, runFormatError } from './runFormatError';
import { runProblem } from './runProblems';
import { decodeCheckpoint, MAX_MANIFEST_BYTES, validateManifest } from './runValidation';

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
 * Runs `load`; an error it did not word itself (one whose message does not start with `source`) is reported as
 * an internal error of `source`, so every rejection names the run.
 */
async function namingSource<T>(source: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (problemOf(error) !== null && (error as Error).message.startsWith(source)) throw error;
    throw runFormatError(inFile(source)(runProblem('loadInternalError', { detail: causeOf(error) })));
  }
}

/** Reads `file` with `read`; a failure to read is reported as `source/file: cannot be read (...)`. */
async function readNamed(read: RunFileReader, source: string, file: string): Promise<Uint8Array> {
  try {
    return await read(file);
  } catch (error) {
    throw runFormatError(inFile(`${source}/${file}`)(runProblem('cannotBeRead', { why: causeOf(error) })));
  }
}

/**
 * Loads and validates `manifest.json` alone (bad JSON, over 1 MiB, or not this network: rejected with a
 * `RunFormatError` whose message starts with `source`). The checkpoints it lists are read later, one at a time, with
 * `loadCheckpoint` and `loadCheckpointPredictions`.
 */
export function loadManifest(read: RunFileReader, source = 'run'): Promise<RunManifest> {
  return namingSource(source, async () => {
    let json: unknown;
    try {
      const bytes = await read('manifest.json');
      if (bytes.byteLength > MAX_MANIFEST_BYTES)
        refuser()('tooManyBytes', { bytes: bytes.byteLength, most: MAX_MANIFEST_BYTES });
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw runFormatError(inFile(`${source}/manifest.json`)(causeOf(error)));
    }
    return validateManifest(json, `${source}/manifest.json`);
  });
}

/** Reads and checks checkpoint `index` of `manifest` (missing, truncated or non-finite: rejected naming the file). */
export function loadCheckpoint(
  read: RunFileReader,
  manifest: RunManifest,
  index: number,
  source = 'run',
): Promise<Float32Array> {
  return namingSource(source, async () => {
    const { file } = manifest.checkpoints[index];
    return decodeCheckpoint(manifest, await readNamed(read, source, file), `${source}/${file}`);
  });
}

/** The predictions file checkpoint `index` lists, or null where it lists none. */
export function predictionsEntry(manifest: RunManifest, index: number): ManifestPredictions | null {
  return (manifest.checkpoints[index] as { predictions?: ManifestPredictions }).predictions ?? null;
}

/** Reads and checks checkpoint `index`'s test-set predictions; null where the manifest lists none. */
export function loadCheckpointPredictions(
  read: RunFileReader,
  manifest: RunManifest,
  index: number,
  source = 'run',
): Promise<CheckpointPredictions | null> {
  return namingSource(source, async () => {
    const entry = predictionsEntry(manifest, index);
    if (entry === null) return null;
    return decodePredictions(await readNamed(read, source, entry.file), entry.images, `${source}/${entry.file}`);
  });
}

/**
 * Loads `manifest.json`, every checkpoint it lists and every predictions file it lists. Any problem (bad JSON,
 * a manifest over 1 MiB or that does not describe this network, a missing, truncated or non-finite checkpoint,
 * a missing or invalid predictions file) rejects with a `RunFormatError` whose message starts with `source`;
 * nothing partial is returned. A failure this code did not foresee is still reported that way, as an internal error.
 */
export async function loadRun(read: RunFileReader, source = 'run'): Promise<LoadedRun> {
  const manifest = await loadManifest(read, source);
  const checkpoints: Float32Array[] = [];
  for (let i = 0; i < manifest.checkpoints.length; i++)
    checkpoints.push(await loadCheckpoint(read, manifest, i, source));
  // The weights first: a problem with them is named before any problem with the (optional) predictions.
  const predictions: (CheckpointPredictions | null)[] = [];
  for (let i = 0; i < manifest.checkpoints.length; i++)
    predictions.push(await loadCheckpointPredictions(read, manifest, i, source));
  return { manifest, checkpoints, predictions };
}
