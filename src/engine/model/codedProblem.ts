/**
 * Problems kept as data: a code naming one sentence of a table, and the values that sentence interpolates
 * (numbers, names and short excerpts quoted from a file, or another problem nested in it). A table holds the
 * English sentences with `{{name}}` placeholders, the syntax i18next reads, so the page shows the same table
 * as its English catalog and a translation of it in the reader's language; the engine itself only ever
 * renders the English (`problemSentence`), for its errors' messages.
 */

/** A table of English sentences by code. */
export type SentenceTable = Readonly<Record<string, string>>;

/** The names of the `{{placeholders}}` in a sentence. */
export type Placeholders<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A problem of table T: one of its codes with exactly the values that code's sentence interpolates. */
export type CodedProblem<T extends SentenceTable> = {
  [C in keyof T & string]: {
    readonly code: C;
    readonly values: { readonly [V in Placeholders<T[C]>]: ProblemValue<T> };
  };
}[keyof T & string];

/** What a problem interpolates: a number, text taken from the data as it is, or a nested problem. */
export type ProblemValue<T extends SentenceTable> = string | number | CodedProblem<T>;

/** The values of code C's sentence, as the rest arguments of a constructor: none when it has no placeholders. */
export type ValuesArgument<T extends SentenceTable, C extends keyof T & string> = [Placeholders<T[C]>] extends [never]
  ? []
  : [values: Extract<CodedProblem<T>, { code: C }>['values']];

/** The problem of `code` with `values` (left out for a sentence without placeholders). */
export function codedProblem<T extends SentenceTable, C extends keyof T & string>(
  code: C,
  ...[values]: ValuesArgument<T, C>
): CodedProblem<T> {
  return { code, values: values ?? {} } as unknown as CodedProblem<T>;
}

/** A problem's English sentence, its nested problems written out in place. */
export function problemSentence<T extends SentenceTable>(table: T, problem: CodedProblem<T>): string {
  const values = problem.values as Readonly<Record<string, ProblemValue<T>>>;
  return table[problem.code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    return typeof value === 'object' ? problemSentence(table, value) : String(value);
  });
}

/** The most problems nested in one another that `isProblemOf` accepts. */
const MAX_NESTING = 8;

/**
 * True when `value` is a problem of `table`: a code of the table and a plain object of values holding every
 * placeholder of its sentence as text, a number or such a problem (for problems that crossed a message port).
 */
export function isProblemOf<T extends SentenceTable>(table: T, value: unknown, depth = 0): value is CodedProblem<T> {
  if (depth > MAX_NESTING || typeof value !== 'object' || value === null) return false;
  const { code, values } = value as { code?: unknown; values?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(table, code)) return false;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  const names = [...table[code].matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]);
  return names.every((name) => {
    const v: unknown = Object.hasOwn(values, name) ? (values as Record<string, unknown>)[name] : undefined;
    return typeof v === 'string' || typeof v === 'number' || isProblemOf(table, v, depth + 1);
  });
}
