import type { RunManifest } from './runFormat';
import { decodeCheckpoint, validateManifest } from './runValidation';

/** Reads one file of a run folder by name (fetch in the browser, fs in Node). */
export type RunFileReader = (fileName: string) => Promise<Uint8Array>;

/** A validated run with the parameters of every checkpoint, in manifest order. */
export interface LoadedRun {
  readonly manifest: RunManifest;
  readonly checkpoints: readonly Float32Array[];
}

/**
 * Loads `manifest.json` and every checkpoint it lists. Any problem (bad JSON, a manifest that does
 * not describe this network, a missing, truncated or non-finite checkpoint) rejects with an error
 * naming it; nothing partial is returned.
 */
export async function loadRun(read: RunFileReader, source = 'run'): Promise<LoadedRun> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await read('manifest.json')));
  } catch (error) {
    throw new Error(`${source}/manifest.json: ${error instanceof Error ? error.message : String(error)}`);
  }
  const manifest = validateManifest(json, `${source}/manifest.json`);
  const checkpoints: Float32Array[] = [];
  for (const checkpoint of manifest.checkpoints) {
    const name = `${source}/${checkpoint.file}`;
    let bytes: Uint8Array;
    try {
      bytes = await read(checkpoint.file);
    } catch (error) {
      throw new Error(`${name}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    checkpoints.push(decodeCheckpoint(manifest, bytes, name));
  }
  return { manifest, checkpoints };
}
