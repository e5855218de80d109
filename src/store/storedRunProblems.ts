/**
 * Why a record in this browser's run storage cannot be used, as the English sentence by code (the same table
 * scheme as the engine's run problems, src/engine/model/runProblems.ts). Values are numbers, the record's own
 * text and type names, or a nested problem (how a value is described: missing, an array of n, …). The page
 * translates the codes (src/ui/runs/problemStrings.ts).
 */
import { codedProblem, problemSentence, type CodedProblem, type ValuesArgument } from '../engine/model/codedProblem';

/** The English sentence of every stored-run problem, by code. */
export const STORED_RUN_PROBLEMS = {
  storedNotRun: 'it is {{value}}, not a run object',
  storedNameNotText: 'its name is {{value}}, not a string',
  storedNameNotKey: 'its name {{value}} is not the key it is stored under',
  storedArchitectureNotObject: 'its architecture is {{value}}, not an object',
  storedOptionIs: 'architecture.{{option}} is {{value}}, expected one of {{allowed}}',
  storedLayersDiffer: 'architecture.layers do not match the LeNet-5 layers for its options',
  storedTestImagesIs: 'testImages is {{value}}, expected a positive integer',
  storedCheckpointsIs: 'checkpoints is {{value}}, expected an array',
  storedNoCheckpoints: 'it has no checkpoints',
  storedCheckpointNotObject: 'checkpoint {{index}} is {{value}}, not an object',
  storedEpochIs: 'checkpoint {{index}} has epoch {{value}}, expected a finite number >= 0',
  storedEpochsIncrease: 'checkpoint {{index}} has epoch {{epoch}} after {{previous}}: epochs must increase',
  storedAccuracyIs: 'checkpoint {{index}} has testAccuracy {{value}}, expected null or a number from 0 to 1',
  storedStepIs: 'checkpoint {{index}} has step {{value}}, expected a non-negative integer',
  storedParamsIs: 'checkpoint {{index}} has params {{value}}, expected a Float32Array',
  storedParameterCount: 'checkpoint {{index}} has {{parameters}} parameters, expected {{expected}}',
  storedParameterNotFinite: 'checkpoint {{index}} has parameter {{parameter}} = {{value}}, expected finite values',
  storedOriginIs: "its origin is {{value}}, expected { kind: 'scratch' } or a checkpoint it began from",
  storedRangesIs: 'ranges is {{value}}, expected null or an object',
  storedUnderNumberKey: 'it is stored under a number key',
  storedUnderOtherKey: 'it is stored under a non-string key',
  recordUnreadable: 'it could not be read ({{detail}})',
  storageUnreadable: 'it could not be opened or listed ({{detail}})',
  // How a stored value is described in the sentences above.
  valueMissing: 'missing',
  valueArray: 'an array of {{length}}',
  valueTyped: 'a {{type}}',
  valueObject: 'a {{type}} object',
  valueNullPrototype: 'a null-prototype object',
} as const;

/** A stored-run problem's code. */
export type StoredRunProblemCode = keyof typeof STORED_RUN_PROBLEMS;

/** Why a stored record cannot be used, as data: its code and the values its sentence interpolates. */
export type StoredRunProblem = CodedProblem<typeof STORED_RUN_PROBLEMS>;

/** The stored-run problem of `code` with `values`. */
export function storedRunProblem<C extends StoredRunProblemCode>(
  code: C,
  ...values: ValuesArgument<typeof STORED_RUN_PROBLEMS, C>
): StoredRunProblem {
  return codedProblem<typeof STORED_RUN_PROBLEMS, C>(code, ...values);
}

/** The English sentence of a stored-run problem (nested descriptions written out). */
export function storedRunProblemText(problem: StoredRunProblem): string {
  return problemSentence(STORED_RUN_PROBLEMS, problem);
}
