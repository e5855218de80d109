/**
 * Problems as messages: a refused run's or a damaged stored run's problem becomes a message of the `problems`
 * namespace (problemStrings.ts), its nested problems nested messages, so it reads in the language shown.
 */
import { problemOf } from '../../engine/model/runFormatError';
import type { RunProblem } from '../../engine/model/runProblems';
import { errorText, message, type Message, type MessageValues } from '../../i18n/message';
import type { StoredRunProblem } from '../../store/storedRunProblems';

/** A run problem or a stored-run problem. */
export type Problem = RunProblem | StoredRunProblem;

/** The message of `problem`: its code in namespace `problems`, nested problems as nested messages. */
export function problemMessage(problem: Problem): Message {
  const values: MessageValues = Object.fromEntries(
    Object.entries(problem.values as Readonly<Record<string, string | number | Problem>>).map(([name, value]) => [
      name,
      typeof value === 'object' ? problemMessage(value) : value,
    ]),
  );
  return message('problems', problem.code, values);
}

/** An error as the detail of a message: the problem it carries, in the language shown, or else its own text. */
export function errorDetail(error: unknown): Message | string {
  const problem = problemOf(error);
  return problem ? problemMessage(problem) : errorText(error);
}
