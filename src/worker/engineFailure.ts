/**
 * The error a request to the engine worker rejects with when the worker answered `failed`: its English
 * message, and, when the engine refused a run, the problem as data (the worker posts it beside the message),
 * so the page can show the refusal in the reader's language.
 */
import { isProblemOf } from '../engine/model/codedProblem';
import { RUN_PROBLEMS, type RunProblem } from '../engine/model/runProblems';

/** A failure the engine reported, with the run problem behind it when there is one. */
export class EngineFailure extends Error {
  /** The refusal as data (checked on arrival: a code of RUN_PROBLEMS with its values), or undefined. */
  readonly problem: RunProblem | undefined;

  constructor(message: string, problem?: unknown) {
    super(message);
    this.problem = isProblemOf(RUN_PROBLEMS, problem) ? problem : undefined;
  }
}
