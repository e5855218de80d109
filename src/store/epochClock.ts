/**
 * The time a run trained in this tab spent on its current epoch: it runs while the worker trains (a run, an
 * epoch, a batch) and stops on every pause, so a pause in the middle of an epoch does not count, and it is
 * unknown (null) for an epoch whose beginning this tab did not see (begun in an earlier visit, or after a
 * divergence took the run back into the middle of an epoch).
 */
export class EpochClock {
  private seconds = 0;
  private since: number | null = null;
  /** Whether the current epoch's start was seen here (its time can be told). */
  private known = false;

  /** Training (re)starts at `now` (ms); `atEpochStart`: the run stands at the start of an epoch. */
  start(now: number, atEpochStart: boolean): void {
    if (atEpochStart) {
      this.known = true;
      this.seconds = 0;
    }
    this.since = now;
  }

  /** Training stops at `now` (a pause, the end of a batch, the worker's own pause after an epoch). */
  stop(now: number): void {
    if (this.since === null) return;
    this.seconds += (now - this.since) / 1000;
    this.since = null;
  }

  /** An epoch ended at `now`: its training time in seconds (null if unknown); the next epoch starts counting. */
  lap(now: number): number | null {
    const total = this.known ? this.seconds + (this.since === null ? 0 : (now - this.since) / 1000) : null;
    this.known = true;
    this.seconds = 0;
    if (this.since !== null) this.since = now;
    return total;
  }

  /** Another run, a dead worker or a divergence: nothing of the current epoch's time is known. */
  forget(): void {
    this.known = false;
    this.seconds = 0;
    this.since = null;
  }
}
