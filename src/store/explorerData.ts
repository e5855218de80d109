/**
 * Pure helpers for the test-set explorer: confusion matrices, cell members, per-class accuracy,
 * epoch labels and the one-sentence story of a digit over the checkpoints. No React here.
 */
import type { CheckpointPredictions } from '../engine/model/predictions';

export type { CheckpointPredictions };

/** A test image in a confusion cell with the probability its checkpoint gave the predicted digit. */
export interface CellMember {
  readonly index: number;
  readonly confidence: number;
}

/** Ten-by-ten counts, `matrix[true digit][predicted digit]`, over the first `p.images` test images. */
export function confusionMatrix(p: CheckpointPredictions, labels: Uint8Array): number[][] {
  const matrix = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  for (let i = 0; i < p.images; i++) matrix[labels[i]][p.predicted[i]]++;
  return matrix;
}

/**
 * The test images labelled `truth` and read as `predicted`: mistakes most confident first, correct
 * readings least confident first (the interesting ones on top); ties keep test-set order.
 */
export function cellMembers(
  p: CheckpointPredictions,
  labels: Uint8Array,
  truth: number,
  predicted: number,
): CellMember[] {
  const members: CellMember[] = [];
  for (let i = 0; i < p.images; i++) {
    if (labels[i] === truth && p.predicted[i] === predicted) members.push({ index: i, confidence: p.confidence[i] });
  }
  const sign = truth === predicted ? 1 : -1;
  return members.sort((a, b) => sign * (a.confidence - b.confidence));
}

/** The share of each digit's test images read correctly; null for a digit with no images among them. */
export function classAccuracy(p: CheckpointPredictions, labels: Uint8Array): (number | null)[] {
  const total = new Array<number>(10).fill(0);
  const right = new Array<number>(10).fill(0);
  for (let i = 0; i < p.images; i++) {
    total[labels[i]]++;
    if (p.predicted[i] === labels[i]) right[labels[i]]++;
  }
  return total.map((n, digit) => (n === 0 ? null : right[digit] / n));
}

/** An epoch as people say it: "1/16", "1/8", "3/4" inside the first epoch, "1", "2" after, other values as decimals. */
export function epochLabel(epoch: number): string {
  const sixteenths = epoch * 16;
  if (epoch > 0 && epoch < 1 && Math.abs(sixteenths - Math.round(sixteenths)) < 1e-9) {
    let numerator = Math.round(sixteenths);
    let denominator = 16;
    while (numerator % 2 === 0) {
      numerator /= 2;
      denominator /= 2;
    }
    return `${numerator}/${denominator}`;
  }
  return String(Number(epoch.toFixed(4)));
}

/** More changes of mind than this are summarised rather than listed. */
const LISTED_CHANGES = 4;

/**
 * One sentence on when a digit was read correctly across checkpoints (`epochs[i]` paired with
 * `correct[i]`), e.g. "learned at epoch 1/8, forgotten at 3, learned again at 5".
 */
export function learningStory(epochs: readonly number[], correct: readonly boolean[]): string {
  if (epochs.length !== correct.length)
    throw new Error(`learningStory: ${epochs.length} epochs but ${correct.length} readings`);
  if (correct.length === 0) return 'not read at any checkpoint yet';
  if (correct.every((c) => c)) return `read correctly from epoch ${epochLabel(epochs[0])} on`;
  if (correct.every((c) => !c)) return 'never learned in this run';
  const changes: { at: number; learned: boolean }[] = [];
  correct.forEach((c, i) => {
    if (i > 0 && c !== correct[i - 1]) changes.push({ at: i, learned: c });
  });
  const opening = correct[0] ? [`read correctly from epoch ${epochLabel(epochs[0])}`] : [];
  const seen = { learned: correct[0], forgotten: false };
  const phrase = ({ at, learned }: { at: number; learned: boolean }) => {
    const again = learned ? seen.learned : seen.forgotten;
    if (learned) seen.learned = true;
    else seen.forgotten = true;
    const verb = learned ? 'learned' : 'forgotten';
    const where =
      opening.length === 0 && at === changes[0].at
        ? `at epoch ${epochLabel(epochs[at])}`
        : `at ${epochLabel(epochs[at])}`;
    return `${verb}${again ? ' again' : ''} ${where}`;
  };
  if (changes.length <= LISTED_CHANGES) return [...opening, ...changes.map(phrase)].join(', ');
  const last = changes[changes.length - 1];
  const first = opening.length > 0 ? opening[0] : phrase(changes[0]);
  const between = changes.length - (opening.length > 0 ? 1 : 2);
  const ending = last.learned
    ? `read correctly since ${epochLabel(epochs[last.at])}`
    : `wrong since ${epochLabel(epochs[last.at])}`;
  return `${first}, changed its mind ${between} more times, ${ending}`;
}

/** The most frequent mistake in a confusion matrix; ties go to the lowest true digit, then the lowest predicted one. */
export function largestOffDiagonal(matrix: readonly (readonly number[])[]): {
  truth: number;
  predicted: number;
  count: number;
} {
  let best = { truth: 0, predicted: 1, count: -1 };
  matrix.forEach((row, truth) =>
    row.forEach((count, predicted) => {
      if (truth !== predicted && count > best.count) best = { truth, predicted, count };
    }),
  );
  return { ...best, count: Math.max(0, best.count) };
}
