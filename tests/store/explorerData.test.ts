import { describe, expect, it } from 'vitest';
import {
  cellMembers,
  classAccuracy,
  confusionMatrix,
  epochLabel,
  largestOffDiagonal,
  learningStory,
  type CheckpointPredictions,
} from '../../src/store/explorerData';

/** Hand-made readings of test images: [true label, predicted digit, confidence]. */
function predictions(
  rows: [number, number, number][],
  images = rows.length,
): { p: CheckpointPredictions; labels: Uint8Array } {
  return {
    labels: Uint8Array.from(rows.map((r) => r[0])),
    p: {
      images,
      predicted: Uint8Array.from(rows.map((r) => r[1])),
      confidence: Float32Array.from(rows.map((r) => r[2])),
      trueProbability: Float32Array.from(rows.map((r) => (r[0] === r[1] ? r[2] : (1 - r[2]) / 9))),
    },
  };
}

const { p, labels } = predictions([
  [3, 5, 0.6], // 0
  [3, 3, 0.9], // 1
  [3, 5, 0.97], // 2
  [7, 7, 0.5], // 3
  [3, 3, 0.4], // 4
  [7, 1, 0.8], // 5
  [3, 5, 0.6], // 6: ties with 0
  [0, 0, 0.99], // 7
  [7, 7, 0.7], // 8
  [9, 4, 0.9], // 9: past p.images in the truncated set below
]);

describe('confusionMatrix', () => {
  it('counts [true][predicted] and nothing else', () => {
    const m = confusionMatrix(p, labels);
    expect(m).toHaveLength(10);
    expect(m.every((row) => row.length === 10)).toBe(true);
    expect(m[3][5]).toBe(3);
    expect(m[3][3]).toBe(2);
    expect(m[5][3]).toBe(0);
    expect(m[7][7]).toBe(2);
    expect(m[7][1]).toBe(1);
    expect(m[0][0]).toBe(1);
    expect(m[9][4]).toBe(1);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('reads only the first p.images images', () => {
    const m = confusionMatrix({ ...p, images: 9 }, labels);
    expect(m[9][4]).toBe(0);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(9);
  });
});

describe('cellMembers', () => {
  it('lists mistakes most confident first, ties in test-set order', () => {
    expect(cellMembers(p, labels, 3, 5).map((m) => m.index)).toEqual([2, 0, 6]);
    expect(cellMembers(p, labels, 3, 5)[0].confidence).toBeCloseTo(0.97, 6);
  });

  it('lists correct readings least confident first', () => {
    expect(cellMembers(p, labels, 3, 3).map((m) => m.index)).toEqual([4, 1]);
    expect(cellMembers(p, labels, 7, 7).map((m) => m.index)).toEqual([3, 8]);
  });

  it('is empty for an empty cell and ignores images past p.images', () => {
    expect(cellMembers(p, labels, 5, 3)).toEqual([]);
    expect(cellMembers({ ...p, images: 9 }, labels, 9, 4)).toEqual([]);
    expect(cellMembers(p, labels, 9, 4)).toHaveLength(1);
  });
});

describe('classAccuracy', () => {
  it('gives the share read correctly per digit and null for digits without images', () => {
    const accuracy = classAccuracy(p, labels);
    expect(accuracy).toHaveLength(10);
    expect(accuracy[3]).toBeCloseTo(2 / 5, 12);
    expect(accuracy[7]).toBeCloseTo(2 / 3, 12);
    expect(accuracy[0]).toBe(1);
    expect(accuracy[9]).toBe(0);
    for (const digit of [1, 2, 4, 5, 6, 8]) expect(accuracy[digit]).toBeNull();
    expect(accuracy.some((a) => Number.isNaN(a))).toBe(false);
    expect(classAccuracy({ ...p, images: 9 }, labels)[9]).toBeNull();
  });
});

describe('epochLabel', () => {
  it('writes fractions of the first epoch as fractions and the rest as numbers', () => {
    expect(epochLabel(0.0625)).toBe('1/16');
    expect(epochLabel(0.125)).toBe('1/8');
    expect(epochLabel(0.25)).toBe('1/4');
    expect(epochLabel(0.5)).toBe('1/2');
    expect(epochLabel(0.75)).toBe('3/4');
    expect(epochLabel(0.1875)).toBe('3/16');
    expect(epochLabel(0)).toBe('0');
    expect(epochLabel(1)).toBe('1');
    expect(epochLabel(12)).toBe('12');
    expect(epochLabel(0.1)).toBe('0.1');
    expect(epochLabel(1.5)).toBe('1.5');
    expect(epochLabel(2 / 3)).toBe('0.6667');
  });
});

describe('learningStory', () => {
  const epochs = [0, 0.0625, 0.125, 0.25, 0.5, 1, 2, 3, 4, 5];

  it('tells when a digit was learned, forgotten and learned again', () => {
    expect(learningStory(epochs, [false, false, true, true, true, true, true, false, false, true])).toBe(
      'learned at epoch 1/8, forgotten at 3, learned again at 5',
    );
    expect(learningStory(epochs, [false, false, false, false, false, false, true, true, true, true])).toBe(
      'learned at epoch 2',
    );
    expect(learningStory(epochs, [false, false, false, false, false, false, true, true, true, false])).toBe(
      'learned at epoch 2, forgotten at 5',
    );
  });

  it('covers digits always right, never right, or right from the start', () => {
    expect(
      learningStory(
        epochs,
        epochs.map(() => true),
      ),
    ).toBe('read correctly from epoch 0 on');
    expect(learningStory([0.0625, 1], [true, true])).toBe('read correctly from epoch 1/16 on');
    expect(
      learningStory(
        epochs,
        epochs.map(() => false),
      ),
    ).toBe('never learned in this run');
    expect(learningStory(epochs, [true, true, false, false, false, false, true, true, true, true])).toBe(
      'read correctly from epoch 0, forgotten at 1/8, learned again at 2',
    );
    expect(learningStory([], [])).toBe('not read at any checkpoint yet');
  });

  it('says "again" on every repeat and summarises a digit that keeps changing its mind', () => {
    expect(learningStory(epochs, [false, true, false, true, true, false, false, false, false, false])).toBe(
      'learned at epoch 1/16, forgotten at 1/8, learned again at 1/4, forgotten again at 1',
    );
    expect(learningStory(epochs, [false, true, false, true, false, true, false, false, false, false])).toBe(
      'learned at epoch 1/16, changed its mind 4 more times, wrong since 2',
    );
    expect(learningStory(epochs, [true, false, true, false, true, false, true, true, true, true])).toBe(
      'read correctly from epoch 0, changed its mind 5 more times, read correctly since 2',
    );
  });

  it('refuses epochs and readings of different lengths', () => {
    expect(() => learningStory([0, 1], [true])).toThrow();
  });
});

describe('largestOffDiagonal', () => {
  const zeros = () => Array.from({ length: 10 }, () => new Array<number>(10).fill(0));

  it('finds the most frequent mistake, ignoring the diagonal', () => {
    expect(largestOffDiagonal(confusionMatrix(p, labels))).toEqual({ truth: 3, predicted: 5, count: 3 });
    const m = zeros();
    m[4][4] = 900;
    m[8][2] = 7;
    m[2][8] = 6;
    expect(largestOffDiagonal(m)).toEqual({ truth: 8, predicted: 2, count: 7 });
  });

  it('breaks ties by the lowest true digit, then the lowest predicted one', () => {
    const m = zeros();
    m[6][9] = 5;
    m[6][1] = 5;
    m[7][0] = 5;
    expect(largestOffDiagonal(m)).toEqual({ truth: 6, predicted: 1, count: 5 });
    expect(largestOffDiagonal(zeros())).toEqual({ truth: 0, predicted: 1, count: 0 });
  });
});
