/**
 * The digit's story in the explorer's catalogs: in English word for word the store's sentence (for every
 * pattern of right and wrong readings over up to ten checkpoints), in Chinese the same story in the
 * catalog's words.
 */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/i18n/i18n';
import { learningStory as englishStory } from '../../../src/store/explorerData';
import { learningStory, storyText } from '../../../src/ui/explorer/learningStory';

const en = i18n.getFixedT('en', 'explorer');
const zh = i18n.getFixedT('zh', 'explorer');
const epochs = [0, 0.0625, 0.125, 0.25, 0.5, 1, 2, 3, 4, 5];

function readings(pattern: number, length: number): boolean[] {
  return Array.from({ length }, (_, i) => ((pattern >> i) & 1) === 1);
}

describe("the explorer's learning story", () => {
  it("reads in English exactly as the store's sentence, for every pattern over 0 to 10 checkpoints", () => {
    let checked = 0;
    for (let length = 0; length <= epochs.length; length++) {
      for (let pattern = 0; pattern < 1 << length; pattern++) {
        const correct = readings(pattern, length);
        const shown = epochs.slice(0, length);
        expect(storyText(en, learningStory(shown, correct)), correct.join(',')).toBe(englishStory(shown, correct));
        checked++;
      }
    }
    expect(checked).toBe(2047);
  });

  it('tells the story in Chinese, epochs as fractions of training where they are', () => {
    const story = (correct: boolean[]) => storyText(zh, learningStory(epochs, correct));
    const f = false;
    const T = true;
    expect(story([f, f, T, T, T, T, T, f, f, T])).toBe('训练 1/8 轮后学会，3 轮后忘记，5 轮后重新学会');
    expect(story([T, T, f, f, f, f, T, T, T, T])).toBe('训练 0 轮后已读对，1/8 轮后忘记，2 轮后重新学会');
    expect(story([f, T, f, T, T, f, f, f, f, f])).toBe(
      '训练 1/16 轮后学会，1/8 轮后忘记，1/4 轮后重新学会，1 轮后再次忘记',
    );
    expect(story([f, T, f, T, f, T, f, f, f, f])).toBe('训练 1/16 轮后学会，此后又反复 4 次，自 2 轮后一直读错');
    expect(story([T, f, T, f, T, f, T, T, T, T])).toBe('训练 0 轮后已读对，此后又反复 5 次，自 2 轮后一直读对');
    expect(story(epochs.map(() => true))).toBe('从训练 0 轮起一直读对');
    expect(story(epochs.map(() => false))).toBe('这次训练始终没有学会');
    expect(storyText(zh, learningStory([], []))).toBe('还没有任何检查点读过它');
  });

  it('refuses epochs and readings of different lengths', () => {
    expect(() => learningStory([0, 1], [true])).toThrow();
  });
});
