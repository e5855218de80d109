/** Saving a training run's checkpoint in the worker: the engine's weights, checked finite, held and posted. */
import type { MnistSet } from '../engine/data/mnistInput';
import type { EngineSlot } from './engineSlot';
import type { EngineEvent } from './protocol';
import type { TrainingSession } from './trainingSession';
import { pollSleep } from './waitTurn';

/** What saving a checkpoint needs from the training pump. */
export interface CheckpointContext {
  readonly slot: EngineSlot;
  readonly hooks: {
    post(event: EngineEvent): void;
    /** The MNIST sets sent with `setDataset`, or null before. */
    data(): { train: MnistSet; test: MnistSet } | null;
  };
  /** The run being trained, if any (read once the weights are taken). */
  session(): TrainingSession | null;
}

/**
 * Saves (and posts) the current weights; automatic checkpoints carry the epoch mark they stand for (1/16, 1, 2...)
 * and are evaluated on the first `evaluateImages` test images (0: none).
 */
export async function saveCheckpoint(
  context: CheckpointContext,
  requestId: number | null,
  evaluateImages = 0,
  mark: number | null = null,
): Promise<void> {
  const { slot, hooks } = context;
  const backend = slot.require();
  const { params, velocity } = await backend.snapshot(pollSleep);
  const limit = Math.min(evaluateImages, hooks.data()?.test.count ?? 0);
  const testAccuracy = limit > 0 ? (await backend.evaluate(hooks.data()!.test, limit, pollSleep)).accuracy : null;
  const session = context.session();
  const step = session?.step ?? 0;
  const epoch = mark ?? session?.epoch ?? 0;
  if (params.some((v) => !Number.isFinite(v))) {
    throw new Error(`the weights at epoch ${epoch.toFixed(3)} are not finite; the checkpoint was not saved`);
  }
  slot.hold(params, velocity, step);
  hooks.post({
    type: 'checkpointSaved',
    requestId: requestId ?? -1,
    epoch,
    step,
    params,
    velocity,
    testAccuracy,
  });
}
