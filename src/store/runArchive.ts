/**
 * A run as one file: a zip holding exactly the `lenet5-run/1` folder (manifest.json and one .bin per
 * checkpoint). Import validates it like any run folder; a bad file is refused with the problem named.
 */
import { unzipSync, zipSync } from 'fflate';
import { createManifest, encodeCheckpoint, checkpointFileName } from '../engine/model/runFormat';
import { loadRun } from '../engine/model/runLoader';
import { recordFromLoadedRun, type RunRecord } from './runRecord';

/** The zip bytes of a run. */
export function exportRun(run: RunRecord): Uint8Array {
  const { layers: _layers, ...options } = run.architecture;
  const manifest = {
    ...createManifest(options, { training: { engine: 'browser', testImages: run.testImages } }),
    checkpoints: run.checkpoints.map((c) => ({ epoch: c.epoch, file: checkpointFileName(c.epoch), testAccuracy: c.testAccuracy, trainLoss: null })),
  };
  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const c of run.checkpoints) files[checkpointFileName(c.epoch)] = encodeCheckpoint(c.params);
  return zipSync(files, { level: 6 });
}

/** Reads a run from zip bytes; rejects with a message naming the problem. */
export async function importRun(bytes: Uint8Array, fileName: string): Promise<RunRecord> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new Error(`${fileName}: not a run file (a zip of a lenet5-run/1 folder): ${error instanceof Error ? error.message : String(error)}`);
  }
  const run = await loadRun(async (name) => {
    const entry = entries[name];
    if (!entry) throw new Error('missing from the file');
    return entry;
  }, fileName);
  return recordFromLoadedRun(fileName.replace(/\.zip$/i, ''), run);
}
