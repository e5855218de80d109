/**
 * A run as one file: a zip holding exactly the `lenet5-run/1` folder (manifest.json and one .bin per
 * checkpoint). Import reads and validates it with `readRunArchive` (pure, DOM-free: it can run in the engine
 * worker); a bad or hostile file is refused with a message starting with the file name. Export writes only
 * what import accepts: at most MAX_CHECKPOINTS checkpoints (spread evenly over the run, the first and the
 * last kept, when it has more) and none with non-finite weights; `exportNote` says what was left out.
 */
import { zipSync } from 'fflate';
import { readRunArchive } from '../engine/model/runArchiveReader';
import { createManifest, encodeCheckpoint, checkpointFileName } from '../engine/model/runFormat';
import { MAX_CHECKPOINTS } from '../engine/model/runValidation';
import { message, type Message } from '../i18n/message';
import { recordFromLoadedRun, type CheckpointRecord, type RunRecord } from './runRecord';

/** The checkpoints an export keeps: the finite ones, thinned evenly to `max` (the first and last kept). */
export function checkpointsToExport(
  checkpoints: readonly CheckpointRecord[],
  max = MAX_CHECKPOINTS,
): CheckpointRecord[] {
  const finite = checkpoints.filter((c) => c.params?.every(Number.isFinite));
  if (finite.length <= max) return finite;
  const picked = new Set(Array.from({ length: max }, (_, i) => Math.round((i * (finite.length - 1)) / (max - 1))));
  return finite.filter((_, i) => picked.has(i));
}

/** What an export of `run` leaves out, as a message (null when it keeps every checkpoint). */
export function exportNote(run: RunRecord): Message | null {
  const total = run.checkpoints.length;
  const finite = run.checkpoints.filter((c) => c.params?.every(Number.isFinite)).length;
  const kept = checkpointsToExport(run.checkpoints).length;
  if (kept === total) return null;
  const values = { kept, total, broken: total - finite, thinned: finite - kept, most: MAX_CHECKPOINTS };
  const which = values.broken > 0 && values.thinned > 0 ? 'both' : values.broken > 0 ? 'broken' : 'thinned';
  return message('runs', `exported.${which}`, values);
}

/** The zip bytes of a run (what `exportNote` describes). */
export function exportRun(run: RunRecord): Uint8Array {
  const { layers: _layers, ...options } = run.architecture;
  const checkpoints = checkpointsToExport(run.checkpoints);
  const manifest = {
    ...createManifest(options, {
      training: {
        engine: 'browser',
        testImages: run.testImages,
        ...(run.alphaPenalty ? { alphaPenalty: run.alphaPenalty.kind, alphaLambda: run.alphaPenalty.lambda } : {}),
      },
    }),
    checkpoints: checkpoints.map((c) => ({
      epoch: c.epoch,
      file: checkpointFileName(c.epoch),
      testAccuracy: c.testAccuracy !== null && c.testAccuracy >= 0 && c.testAccuracy <= 1 ? c.testAccuracy : null,
      trainLoss: null,
    })),
  };
  const files: Record<string, Uint8Array> = {
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const c of checkpoints) files[checkpointFileName(c.epoch)] = encodeCheckpoint(c.params!);
  return zipSync(files, { level: 6 });
}

/** Reads a run from zip bytes; rejects with a message starting with `fileName` and naming the problem. */
export async function importRun(bytes: Uint8Array, fileName: string): Promise<RunRecord> {
  return recordFromLoadedRun(fileName.replace(/\.zip$/i, ''), await readRunArchive(bytes, fileName));
}
