/** Writes a run folder checkpoint by checkpoint, each file and the manifest replaced atomically. */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePredictions, predictionsFileName, type CheckpointPredictions } from '../src/engine/model/predictions';
import {
  checkpointFileName,
  encodeCheckpoint,
  type ManifestCheckpoint,
  type RunManifest,
} from '../src/engine/model/runFormat';

function writeAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** A run folder being written: after every `addCheckpoint` the folder is a complete, loadable run. */
export class RunWriter {
  private manifest: RunManifest;

  constructor(
    readonly dir: string,
    manifest: RunManifest,
  ) {
    if (existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`${dir} already holds a run (manifest.json); choose another --out or move it away`);
    }
    mkdirSync(dir, { recursive: true });
    this.manifest = manifest;
  }

  /**
   * Saves the parameters as the checkpoint of `epoch` (and its test-set predictions when given), then the
   * manifest that lists them.
   */
  addCheckpoint(
    epoch: number,
    params: ArrayLike<number>,
    testAccuracy: number | null,
    trainLoss: number | null,
    extra: Record<string, unknown> = {},
    predictions: CheckpointPredictions | null = null,
  ): ManifestCheckpoint {
    const file = checkpointFileName(epoch);
    const checkpoint = {
      epoch,
      file,
      testAccuracy,
      trainLoss,
      ...extra,
      ...(predictions ? { predictions: { file: predictionsFileName(file), images: predictions.images } } : {}),
    };
    writeAtomically(join(this.dir, checkpoint.file), encodeCheckpoint(params));
    if (predictions) writeAtomically(join(this.dir, predictionsFileName(file)), encodePredictions(predictions));
    this.manifest = { ...this.manifest, checkpoints: [...this.manifest.checkpoints, checkpoint] };
    writeAtomically(join(this.dir, 'manifest.json'), `${JSON.stringify(this.manifest, null, 2)}\n`);
    return checkpoint;
  }
}
