import { runFormatError } from '../../engine/model/runFormatError';
import { loadRun, type LoadedRun } from '../../engine/model/runLoader';
import { runProblem } from '../../engine/model/runProblems';

/** Where the shipped, trained run is served from. */
export const SHIPPED_RUN_URL = `${import.meta.env.BASE_URL}models/lenet5-default`;

/** Where the classic 1998 LeNet-5 (tanh, trainable subsampling, LeCun's C3 table) is served from. */
export const CLASSIC_RUN_URL = `${import.meta.env.BASE_URL}models/lenet5-classic`;

/**
 * Fetches and validates a run folder served at `baseUrl`; rejects with a `RunFormatError` (its problem shown in
 * the reader's language with `errorDetail`), an HTTP error answer included.
 */
export function fetchRun(baseUrl: string): Promise<LoadedRun> {
  return loadRun(async (file) => {
    const response = await fetch(`${baseUrl}/${file}`);
    if (!response.ok) throw runFormatError(runProblem('serverAnswered', { status: response.status }));
    return new Uint8Array(await response.arrayBuffer());
  }, baseUrl);
}
