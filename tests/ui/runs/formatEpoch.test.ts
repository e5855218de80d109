/** Epochs as the timeline and the engine's status write them: up to four decimals, none when whole. */
import { describe, expect, it } from 'vitest';
import { formatEpoch } from '../../../src/ui/runs/formatEpoch';

describe('formatEpoch', () => {
  it('writes the checkpoints of a run (1/16, 1/8, ... of an epoch, then whole epochs) as they are', () => {
    expect([0, 1 / 16, 1 / 8, 1 / 4, 1 / 2, 1, 2, 20].map((e) => formatEpoch('en', e))).toEqual([
      '0',
      '0.0625',
      '0.125',
      '0.25',
      '0.5',
      '1',
      '2',
      '20',
    ]);
    expect(formatEpoch('zh', 0.0625)).toBe('0.0625');
  });

  it('rounds to four decimals', () => {
    expect(formatEpoch('en', 1 / 64)).toBe('0.0156');
    expect(formatEpoch('en', 2 / 3)).toBe('0.6667');
  });
});
