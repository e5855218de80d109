/**
 * When a dead engine worker is restarted, and on which engine: a death restarts the same engine; a
 * second death within the window moves down the chain (WebGL2 -> WebAssembly -> CPU reference), since
 * the engine itself may be what fails; DEATHS_BEFORE_DOWN deaths within the window leave it down.
 */
import type { Backend } from '../worker/protocol';

/** Deaths within WINDOW_MS after which the engine stays down until the person retries. */
export const DEATHS_BEFORE_DOWN = 3;
export const WINDOW_MS = 60_000;

/** The engines in the order a failing one falls back through. */
export const BACKEND_CHAIN: readonly Backend[] = ['webgl2', 'wasm', 'cpu'];

/** What to do after a death. */
export type RestartDecision =
  { readonly action: 'restart'; readonly backend: Backend } | { readonly action: 'down'; readonly deaths: number };

/** Counts deaths in a sliding window and decides what follows each. */
export class RestartPolicy {
  private deaths: number[] = [];

  /** Records a death of the worker running `backend` at `now` (ms). */
  record(now: number, backend: Backend): RestartDecision {
    this.deaths = [...this.deaths.filter((t) => now - t < WINDOW_MS), now];
    if (this.deaths.length >= DEATHS_BEFORE_DOWN) return { action: 'down', deaths: this.deaths.length };
    return { action: 'restart', backend: this.deaths.length > 1 ? fallbackFrom(backend) : backend };
  }

  /** Forgets the deaths (the person asked to retry). */
  reset(): void {
    this.deaths = [];
  }
}

/** The next engine down the chain (the CPU reference engine stays). */
export function fallbackFrom(backend: Backend): Backend {
  const at = BACKEND_CHAIN.indexOf(backend);
  return BACKEND_CHAIN[Math.min(BACKEND_CHAIN.length - 1, at + 1)]!;
}
