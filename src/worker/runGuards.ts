/** What the worker refuses or stops on: malformed inputs and diverging runs. */

/** A mean loss above this (cross-entropy: p(correct) < e^-50) or not finite means the run diverged. */
export const DIVERGED_LOSS = 50;

/** True when a mean training loss means the run has diverged. */
export function isDiverged(loss: number): boolean {
  return !Number.isFinite(loss) || loss > DIVERGED_LOSS;
}

/** Checks that an input is one 32x32 plane of finite values. */
export function checkInput(input: Float32Array | null): void {
  if (input === null) return;
  if (!(input instanceof Float32Array) || input.length !== 1024) {
    throw new Error(
      `an input must be 1024 values (32x32), got ${input instanceof Float32Array ? input.length : typeof input}`,
    );
  }
  const bad = input.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new Error(`input value ${bad} is ${input[bad]}`);
}
