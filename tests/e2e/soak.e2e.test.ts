/** A short `npm run soak`: memory of the page and its worker measured every epoch while training with the view live. */
import { describe, expect, it } from 'vitest';
import { soak, SOAK_LIMIT_PERCENT } from '../../scripts/soak';

describe('soak', () => {
  it('measures the page and its worker every epoch, and memory beyond the kept checkpoints stays flat', async () => {
    const lines: string[] = [];
    const result = await soak({ minutes: 0.4, trainSubset: 3000, log: (line) => lines.push(line) });
    console.log(lines.join('\n'));
    expect(result.samples.length).toBeGreaterThanOrEqual(4);
    expect(lines.filter((line) => /epoch .* total .* MB/.test(line))).toHaveLength(result.samples.length);
    for (const sample of result.samples) {
      expect(sample.epoch).toBeGreaterThanOrEqual(1);
      expect(sample.totalBytes).toBeGreaterThan(1e6);
      // The engine worker is measured with the page (cross-origin isolated), and broken down.
      expect(sample.workerBytes).toBeGreaterThan(1e5);
      expect(sample.workerBytes!).toBeLessThan(sample.totalBytes);
    }
    expect(result.samples.at(-1)!.checkpoints).toBeGreaterThan(result.samples[0].checkpoints);
    expect(Number.isFinite(result.growthPercent)).toBe(true);
    expect(result.workerGrowthPercent).not.toBeNull();
    expect(result.unexplainedGrowthPercent).toBeLessThan(SOAK_LIMIT_PERCENT);
    expect(result.workerGrowthPercent!).toBeLessThan(SOAK_LIMIT_PERCENT);
  }, 110_000);
});
