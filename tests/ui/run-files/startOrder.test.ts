/**
 * What the page fetches first and next: the checkpoint the address names (else the modern run's last), and the
 * idle prefetch's order (nearest the selected checkpoint first).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS, encodeAddress } from '../../../src/store/addressState';
import type { RunRecord } from '../../../src/store/runRecord';
import { firstCheckpoint } from '../../../src/ui/run-files/openShippedRuns';
import { prefetchOrder } from '../../../src/ui/run-files/runPrefetch';

const run = (name: string, epochs: number[]) =>
  ({ name, checkpoints: epochs.map((epoch) => ({ epoch, testAccuracy: null, params: null })) }) as unknown as RunRecord;
const modern = run('lenet5-default', [0, 0.0625, 0.5, 1, 2, 3]);
const classic = run('lenet5-classic', [0, 1, 2]);
const address = (state: Partial<typeof EMPTY_ADDRESS>) => `#${encodeAddress({ ...EMPTY_ADDRESS, ...state })}`;

describe('the checkpoint shown first', () => {
  it("is the modern run's last without an address, or with one that names no run or epoch", () => {
    expect(firstCheckpoint('', [modern, classic])).toEqual({ run: modern, index: 5 });
    expect(firstCheckpoint(address({ traceMode: 'full' }), [modern, classic])).toEqual({ run: modern, index: 5 });
    expect(firstCheckpoint('#garbage', [modern, classic])).toEqual({ run: modern, index: 5 });
  });

  it('is the run and epoch the address names; the run’s last for an epoch it lacks', () => {
    expect(firstCheckpoint(address({ run: 'lenet5-default', epoch: 0.5 }), [modern, classic])).toEqual({
      run: modern,
      index: 2,
    });
    expect(firstCheckpoint(address({ run: 'lenet5-classic', epoch: 1 }), [modern, classic])).toEqual({
      run: classic,
      index: 1,
    });
    expect(firstCheckpoint(address({ run: 'lenet5-classic', epoch: 7 }), [modern, classic])).toEqual({
      run: classic,
      index: 2,
    });
    // A run the page does not hold (the classic one failed to load): the modern run, at the epoch named if it has
    // it, as restoring the address does (src/ui/address/addressSync.ts, applyRun).
    expect(firstCheckpoint(address({ run: 'lenet5-classic', epoch: 1 }), [modern])).toEqual({ run: modern, index: 3 });
    expect(firstCheckpoint(address({ run: 'lenet5-classic', epoch: 7 }), [modern])).toEqual({ run: modern, index: 5 });
  });
});

describe('the idle prefetch', () => {
  it('takes the checkpoints nearest the selected one first, the later one first at equal distance', () => {
    expect(prefetchOrder(6, 5)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(prefetchOrder(6, 0)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(prefetchOrder(5, 2)).toEqual([2, 3, 1, 4, 0]);
    expect(prefetchOrder(0, 0)).toEqual([]);
  });
});
