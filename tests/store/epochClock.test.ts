/** The training time of an epoch: counted while training runs, not during pauses; unknown for an epoch begun elsewhere. */
import { describe, expect, it } from 'vitest';
import { EpochClock } from '../../src/store/epochClock';

describe('EpochClock', () => {
  it('times an epoch trained in one go from its start ("1 epoch")', () => {
    const clock = new EpochClock();
    clock.start(1000, true);
    expect(clock.lap(4500)).toBeCloseTo(3.5, 12);
  });

  it('leaves pauses out and goes on counting the next epoch after a lap', () => {
    const clock = new EpochClock();
    clock.start(0, true);
    clock.stop(2000);
    clock.start(10_000, false); // ten seconds paused
    expect(clock.lap(11_000)).toBeCloseTo(3, 12);
    expect(clock.lap(15_000)).toBeCloseTo(4, 12);
    clock.stop(15_050); // the worker pauses itself just after the epoch's checkpoint ("1 epoch")
    clock.start(20_000, true); // and the next "1 epoch" starts at the boundary: the 50 ms between do not count
    expect(clock.lap(21_000)).toBeCloseTo(1, 12);
  });

  it('does not know an epoch whose start it did not see, nor one after forget', () => {
    const clock = new EpochClock();
    clock.start(0, false); // mid-epoch, e.g. a run from an earlier visit
    expect(clock.lap(5000)).toBeNull();
    expect(clock.lap(9000)).toBeCloseTo(4, 12);
    clock.forget();
    clock.start(10_000, false);
    expect(clock.lap(12_000)).toBeNull();
  });

  it('counts the batches stepped one at a time', () => {
    const clock = new EpochClock();
    for (let i = 0; i < 4; i++) {
      clock.start(i * 1000, i === 0);
      clock.stop(i * 1000 + 250);
    }
    expect(clock.lap(10_000)).toBeCloseTo(1, 12);
  });
});
