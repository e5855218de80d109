/** The teaching status follows the drawing and label taught last; the copy's step count runs on. */
import { describe, expect, it } from 'vitest';
import { taughtState, type TaughtStep } from '../../src/store/teachingStep';

const seven = Float32Array.from({ length: 1024 }, (_, i) => (i % 32 > 10 && i % 32 < 20 ? 1 : 0));
const one = Float32Array.from({ length: 1024 }, (_, i) => (i % 32 === 16 ? 1 : 0));
const step = (overrides: Partial<TaughtStep>): TaughtStep => ({
  label: 9,
  input: seven,
  steps: 1,
  lossBefore: 12,
  lossAfter: 8,
  reads: false,
  ...overrides,
});

describe('taughtState', () => {
  it('counts the steps on one drawing from the checkpoint, keeping its first loss and its first flip', () => {
    const first = taughtState(null, step({}));
    expect(first).toMatchObject({ steps: 1, stepsBefore: 0, lossStart: 12, lossAfter: 8, flippedAfter: null });
    const second = taughtState(first, step({ steps: 2, lossBefore: 8, lossAfter: 0.5, reads: true }));
    expect(second).toMatchObject({ steps: 2, stepsBefore: 0, lossStart: 12, lossAfter: 0.5, flippedAfter: 2 });
    const third = taughtState(second, step({ steps: 3, lossBefore: 0.5, lossAfter: 0.1, reads: true }));
    expect(third.flippedAfter).toBe(2);
    expect(third.cost).toBeNull();
  });

  it('starts the status again for another drawing (or label), the copy keeping its steps', () => {
    const taught = taughtState(taughtState(null, step({})), step({ steps: 3, reads: true }));
    const other = taughtState(taught, step({ input: one, steps: 4, lossBefore: 5, lossAfter: 2, reads: false }));
    expect(other).toMatchObject({ steps: 4, stepsBefore: 3, label: 9, lossStart: 5, lossAfter: 2, flippedAfter: null });
    expect(other.input).toBe(one);
    const flipped = taughtState(other, step({ input: one, steps: 6, lossBefore: 2, lossAfter: 0.3, reads: true }));
    expect(flipped).toMatchObject({ stepsBefore: 3, lossStart: 5, flippedAfter: 3 });
    const relabelled = taughtState(flipped, step({ input: one, label: 4, steps: 7, lossBefore: 9, reads: false }));
    expect(relabelled).toMatchObject({ stepsBefore: 6, label: 4, lossStart: 9, flippedAfter: null });
  });
});
