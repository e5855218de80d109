/** Runs trained in the page: their names, and what a new or restarted one begins from. */
import { describe, expect, it } from 'vitest';
import { initialParameters } from '../../src/engine/model/initialize';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import type { RunRecord } from '../../src/store/runRecord';
import { checkStoredRun } from '../../src/store/storedRunValidation';
import { isTrainedHere, newTrainedRun, nextRunName, restartedRun, TRAINING_SEED } from '../../src/store/trainedRuns';

const layers = lenet5Layers(DEFAULT_ARCHITECTURE);
const shipped: RunRecord = {
  name: 'lenet5-default',
  architecture: { ...DEFAULT_ARCHITECTURE, layers },
  testImages: 10000,
  ranges: null,
  checkpoints: [0, 1, 2].map((epoch) => ({
    epoch,
    testAccuracy: 0.9,
    params: (initialParameters(layers, 10 + epoch) as Float32Array).slice(),
  })),
};

describe('runs trained in the page', () => {
  it('are named my-run, then my-run-2, my-run-3 … (the first free name)', () => {
    expect(nextRunName(['lenet5-default', 'lenet5-classic'])).toBe('my-run');
    expect(nextRunName(['lenet5-default', 'my-run'])).toBe('my-run-2');
    expect(nextRunName(['my-run', 'my-run-2', 'my-run-4'])).toBe('my-run-3');
    expect(['my-run', 'my-run-2', 'my-run-17'].every(isTrainedHere)).toBe(true);
    expect(['lenet5-default', 'lenet5-classic', 'imported', null, 'my-run-x'].some(isTrainedHere)).toBe(false);
  });

  it('begin from seeded random weights, or from a copy of a checkpoint that stays untouched', () => {
    const scratch = newTrainedRun('my-run', { kind: 'scratch', options: DEFAULT_ARCHITECTURE });
    expect(scratch.origin).toEqual({ kind: 'scratch' });
    expect(scratch.checkpoints).toHaveLength(1);
    expect(scratch.checkpoints[0].params).toEqual(initialParameters(layers, TRAINING_SEED));

    const before = shipped.checkpoints[1].params!.slice();
    const copy = newTrainedRun('my-run-2', { kind: 'checkpoint', from: shipped, index: 1 });
    expect(copy.origin).toEqual({ kind: 'checkpoint', run: 'lenet5-default', epoch: 1 });
    expect(copy.architecture).toBe(shipped.architecture);
    expect(copy.checkpoints[0].params).toEqual(before);
    copy.checkpoints[0].params![0] += 1; // training the copy...
    expect(shipped.checkpoints[1].params).toEqual(before); // ...leaves the shipped checkpoint as it was
  });

  it('restart from where they began, and are stored and read back with their origin', () => {
    const copy = newTrainedRun('my-run', { kind: 'checkpoint', from: shipped, index: 2 });
    const trained = { ...copy, checkpoints: [...copy.checkpoints, { ...shipped.checkpoints[0], epoch: 1 }] };
    const again = restartedRun(trained, DEFAULT_ARCHITECTURE);
    expect(again.origin).toEqual(copy.origin);
    expect(again.checkpoints.map((c) => c.epoch)).toEqual([0]);
    expect(again.checkpoints[0].params).toEqual(shipped.checkpoints[2].params);
    expect(
      restartedRun(newTrainedRun('my-run', { kind: 'scratch', options: DEFAULT_ARCHITECTURE }), DEFAULT_ARCHITECTURE)
        .origin,
    ).toEqual({ kind: 'scratch' });
    expect(checkStoredRun('my-run', trained).ok).toBe(true);
    expect(checkStoredRun('my-run', { ...trained, origin: { kind: 'checkpoint', run: 7 } })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('origin'),
    });
  });
});
