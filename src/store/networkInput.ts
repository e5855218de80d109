/**
 * The input the network reads: the preprocessed input (the drawing, a test digit or an input from the
 * address, `input` in the store) with the transform probe's shift, rotation and scale applied. The
 * engine connection, the backward view and `window.lenet.input()` all read it from here.
 */
import { isIdentity, transformInput, type InputTransform } from '../engine/data/inputTransform';
import { useAppStore } from './appStore';

let last: { input: Float32Array; probe: InputTransform; out: Float32Array } | null = null;

/** `input` under `probe` (the same array when there is no transform); read only, shared between callers. */
export function probedInput(input: Float32Array | null, probe: InputTransform | null): Float32Array | null {
  if (!input || !probe || isIdentity(probe)) return input;
  if (last?.input !== input || last.probe !== probe) last = { input, probe, out: transformInput(input, probe) };
  return last.out;
}

/** The input the network reads now, or null when the pad is empty. */
export function networkInput(): Float32Array | null {
  const { input, probe } = useAppStore.getState();
  return probedInput(input, probe);
}
