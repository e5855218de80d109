/** The trainer CLI's online updates (`--batch-size 1`): parsed, and a run planned one image per step. */
import { describe, expect, it } from 'vitest';
import { BatchPlanner } from '../../src/engine/batchPlan';
import { parseTrainArgs } from '../../scripts/trainArgs';

describe('train --batch-size 1', () => {
  it('trains online: one image per update, every image once per epoch, in a shuffled order', () => {
    const command = parseTrainArgs(['--batch-size', '1', '--augment', '--c3', 'learned', '--alpha-penalty', 'entropy']);
    expect(command.settings.batchSize).toBe(1);
    const planner = new BatchPlanner(50, command.settings);
    expect(planner.stepsPerEpoch).toBe(50);
    const seen: number[] = [];
    for (let s = 0; s < 50; s++) {
      const batch = planner.next();
      expect(batch.indices.length).toBe(1);
      expect(batch.distortions).toHaveLength(1);
      expect(batch.imagesDone).toBe(s + 1);
      expect(batch.epoch).toBe(1);
      seen.push(batch.indices[0]);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(seen).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(planner.next().epoch).toBe(2); // the next image starts epoch 2
    expect(() => parseTrainArgs(['--batch-size', '0'])).toThrow(/--batch-size 0/);
  });
});
