/**
 * The errors a refused run is reported with: a plain `Error` whose message is the problem's English sentence
 * (the text the run-format tests, the README and the command-line tools read), carrying the problem itself as
 * data in `problem`, so the page can show it in the reader's language. A plain Error, not a subclass: callers
 * tell a refusal from an unforeseen failure (a TypeError, a RangeError) by its constructor being Error.
 */
import { isProblemOf, problemSentence, type ValuesArgument } from './codedProblem';
import { RUN_PROBLEMS, runProblem, type RunProblem, type RunProblemCode } from './runProblems';

/** An error refusing a run: its message the English of `problem`. */
export type RunFormatError = Error & { readonly problem: RunProblem };

/** The English sentence of a run problem (nested problems written out). */
export function runProblemText(problem: RunProblem): string {
  return problemSentence(RUN_PROBLEMS, problem);
}

/** The error that refuses a run for `problem`. */
export function runFormatError(problem: RunProblem): RunFormatError {
  return Object.assign(new Error(runProblemText(problem)), { problem });
}

/** The problem an error carries (a refusal of this engine's), or null for any other error. */
export function problemOf(error: unknown): RunProblem | null {
  if (!(error instanceof Error) || !('problem' in error)) return null;
  return isProblemOf(RUN_PROBLEMS, error.problem) ? error.problem : null;
}

/** Why something failed, for nesting in a problem: the problem it carries, or else its text as it is. */
export function causeOf(error: unknown): RunProblem | string {
  return problemOf(error) ?? (error instanceof Error ? error.message : String(error));
}

/** Throws the refusal of a problem of `code`, placed where it was found. */
export type Refuse = <C extends RunProblemCode>(code: C, ...values: ValuesArgument<typeof RUN_PROBLEMS, C>) => never;

/** A `Refuse` placing each problem with `place` (by default where it is: no place). */
export function refuser(place: (problem: RunProblem) => RunProblem = (problem) => problem): Refuse {
  return (code, ...values) => {
    throw runFormatError(place(runProblem(code, ...values)));
  };
}

/** Places a problem (or an error's own text) in the file `file`: `file: problem`. */
export const inFile =
  (file: string) =>
  (problem: RunProblem | string): RunProblem =>
    runProblem('inFile', { file, problem });

/** Places a problem at a manifest's checkpoint `index`: `checkpoint index: problem`. */
export const inCheckpoint =
  (index: number) =>
  (problem: RunProblem): RunProblem =>
    runProblem('inCheckpoint', { index, problem });

/** A value from a file, for a problem: JSON cut short (at `limit` characters), never throwing (hostile nesting included). */
export function describeValue(value: unknown, limit = 80): string | RunProblem {
  let text: string;
  try {
    text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return runProblem('valueTooDeep');
  }
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
