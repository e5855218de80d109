/**
 * Fetching one file of a shipped run. A fetch the page needs is retried while it fails (no network, a server
 * error), with growing waits, and the store's `fetchProblem` names the file meanwhile; the browser coming back
 * online retries at once. A prefetch while the page is idle makes one quiet attempt.
 */
import { runFormatError } from '../../engine/model/runFormatError';
import { runProblem } from '../../engine/model/runProblems';
import { message } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import { errorDetail } from '../problems/problemMessage';

/** The waits between attempts (ms); the last repeats. */
const WAITS = [1000, 2000, 4000, 8000, 15000, 30000];

/** One attempt: the file's bytes, or an error saying what went wrong. */
async function fetchOnce(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw runFormatError(runProblem('serverAnswered', { status: response.status }));
  return new Uint8Array(await response.arrayBuffer());
}

/** Resolves after `ms`, or at once when the browser comes back online. */
function waitToRetry(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}

/** The files failing now, in the order they began to fail (the newest problem is shown). */
const failing = new Map<string, ReturnType<typeof message>>();

function showProblems(): void {
  const problems = [...failing.values()];
  useAppStore.getState().set({ fetchProblem: problems[problems.length - 1] ?? null });
}

/**
 * The bytes of `url`; `file` names it in the message shown while it fails (e.g. `lenet5-default/epoch-03.bin`).
 * `idle`: one attempt, nothing shown on failure (the caller tries again later, or when the file is needed).
 */
export async function fetchFileBytes(url: string, file: string, idle = false): Promise<Uint8Array> {
  for (let attempt = 0; ; attempt++) {
    try {
      const bytes = await fetchOnce(url);
      if (failing.delete(url)) showProblems();
      return bytes;
    } catch (error) {
      if (idle) throw error;
      const wait = WAITS[Math.min(attempt, WAITS.length - 1)];
      failing.set(url, message('runs', 'fetchRetrying', { file, detail: errorDetail(error), seconds: wait / 1000 }));
      showProblems();
      await waitToRetry(wait);
    }
  }
}
