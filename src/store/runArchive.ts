/**
 * A run as one file: a zip holding exactly the `lenet5-run/1` folder (manifest.json and one .bin per
 * checkpoint). Import reads and validates it with `readRunArchive` (pure, DOM-free: it can run in the engine
 * worker); a bad or hostile file is refused with a message starting with the file name.
 */
import { zipSync } from 'fflate';
import { readRunArchive } from '../engine/model/runArchiveReader';
import { createManifest, encodeCheckpoint, checkpointFileName } from '../engine/model/runFormat';
import { heldParams, recordFromLoadedRun, type RunRecord } from './runRecord';

/** The zip bytes of a run, every checkpoint of which the page holds (a shipped run: see `wholeRun`). */
export function exportRun(run: RunRecord): Uint8Array {
  const { layers: _layers, ...options } = run.architecture;
  const manifest = {
    ...createManifest(options, { training: { engine: 'browser', testImages: run.testImages } }),
    checkpoints: run.checkpoints.map((c) => ({
      epoch: c.epoch,
      file: checkpointFileName(c.epoch),
      testAccuracy: c.testAccuracy,
      trainLoss: null,
    })),
  };
  const files: Record<string, Uint8Array> = {
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  run.checkpoints.forEach((c, i) => (files[checkpointFileName(c.epoch)] = encodeCheckpoint(heldParams(run, i))));
  return zipSync(files, { level: 6 });
}

/** Reads a run from zip bytes; rejects with a message starting with `fileName` and naming the problem. */
export async function importRun(bytes: Uint8Array, fileName: string): Promise<RunRecord> {
  return recordFromLoadedRun(fileName.replace(/\.zip$/i, ''), await readRunArchive(bytes, fileName));
}
