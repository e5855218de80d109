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
 * Loads `manifest.json`, every checkpoint it lists and every predictions file it lists. Any problem (bad JSON,
 * a manifest over 1 MiB or that does not describe this network, a missing, truncated or non-finite checkpoint,
 * a missing or invalid predictions file) rejects with a `RunFormatError` whose message starts with `source`;
 * nothing partial is returned. A failure this code did not foresee is still reported that way, as an internal error.
 */
export async function loadRun(read: RunFileReader, source = 'run'): Promise<LoadedRun> {
  try {
    return await loadValidated(read, source);
  } catch (error) {
    if (problemOf(error) !== null && (error as Error).message.startsWith(source)) throw error;
    throw runFormatError(inFile(source)(runProblem('loadInternalError', { detail: causeOf(error) })));
  }
}

async function loadValidated(read: RunFileReader, source: string): Promise<LoadedRun> {
  let json: unknown;
  try {
    const bytes = await read('manifest.json');
    if (bytes.byteLength > MAX_MANIFEST_BYTES)
      refuser()('tooManyBytes', { bytes: bytes.byteLength, most: MAX_MANIFEST_BYTES });
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw runFormatError(inFile(`${source}/manifest.json`)(causeOf(error)));
  }
  const manifest = validateManifest(json, `${source}/manifest.json`);
  const readFile = async (file: string): Promise<Uint8Array> => {
    try {
      return await read(file);
    } catch (error) {
      throw runFormatError(inFile(`${source}/${file}`)(runProblem('cannotBeRead', { why: causeOf(error) })));
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
    predictions.push(
      entry === undefined
        ? null
        : decodePredictions(await readFile(entry.file), entry.images, `${source}/${entry.file}`),
    );
  }
  return { manifest, checkpoints, predictions };
}
