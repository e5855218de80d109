import { describe, expect, it } from 'vitest';
import { NOTHING_TO_LEARN_PROBABILITY, nothingToLearn } from '../../../src/ui/backprop/nothingToLearn';

const confident = [1e-6, 2e-7, 3e-5, 1e-6, 1e-8, 1e-7, 1e-9, 0.99996, 8e-6, 9e-7];

describe('nothingToLearn', () => {
  it('says so when the label is read with a probability of at least 99.9% (cross-entropy loss below 0.001)', () => {
    expect(NOTHING_TO_LEARN_PROBABILITY).toBe(0.999);
    expect(-Math.log(NOTHING_TO_LEARN_PROBABILITY)).toBeLessThan(1.001e-3);
    expect(nothingToLearn(confident, 7)).toEqual({ probability: 0.99996, runnersUp: [2, 8] });
  });

  it('stays quiet while there is something to learn: another label, or a reading below 99.9%', () => {
    expect(nothingToLearn(confident, 2)).toBeNull();
    const unsure = [0.0005, 0, 0, 0, 0, 0, 0, 0.9985, 0.001, 0];
    expect(nothingToLearn(unsure, 7)).toBeNull();
  });

  it('breaks ties between runners-up by the smaller digit', () => {
    const tie = [0.9995, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4, 0, 0, 0, 0];
    expect(nothingToLearn(tie, 0)?.runnersUp).toEqual([1, 2]);
  });
});
