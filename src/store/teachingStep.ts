/**
 * The teaching state after one teaching request. The status describes the drawing (and label) taught last: when
 * that changes, its count of steps, its loss before and its flip start again from there, while `steps` keeps
 * counting every step the copy took since the checkpoint.
 */
import type { TeachingState } from './appStore';

/** What one teaching request did: the drawing and label taught, the copy's steps so far, the loss around them. */
export interface TaughtStep {
  readonly label: number;
  readonly input: Float32Array;
  /** SGD steps the teaching copy has taken since the checkpoint, this request's included. */
  readonly steps: number;
  readonly lossBefore: number;
  readonly lossAfter: number;
  /** Whether the copy now reads the input as `label`. */
  readonly reads: boolean;
}

function sameInput(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The state after `step`, given the state `before` it (null: the first step from the checkpoint). */
export function taughtState(before: TeachingState | null, step: TaughtStep): TeachingState {
  const same = before !== null && before.label === step.label && sameInput(before.input, step.input);
  const stepsBefore = same ? before.stepsBefore : (before?.steps ?? 0);
  return {
    steps: step.steps,
    stepsBefore,
    label: step.label,
    input: step.input,
    lossStart: same ? before.lossStart : step.lossBefore,
    lossAfter: step.lossAfter,
    flippedAfter: (same ? before.flippedAfter : null) ?? (step.reads ? step.steps - stepsBefore : null),
    cost: null,
  };
}
