/**
 * The invariance sweeps of the transform probe: which transforms each sweep applies to the untransformed
 * input, in the order its probabilities are reported, and the sweep itself over any engine that turns a
 * batch of inputs into softmax probabilities.
 *
 *   shift:  dx, dy ∈ {−8, …, 8}, row-major (dy outer, dx inner): value v = (dy + 8) · 17 + (dx + 8)
 *   rotate: θ = −60°, −55°, …, 60° (25 angles)
 *   scale:  s = 0.50, 0.55, …, 1.50 (21 scales)
 *
 * `probabilities[v · 10 + k]` is the softmax output k for value v.
 */
import { IDENTITY_TRANSFORM, transformInput, type InputTransform } from '../data/inputTransform';

/** The three sweeps: whole-pixel shifts, rotations, scalings. */
export type SweepKind = 'shift' | 'rotate' | 'scale';

/** Every sweep kind, in the order the panels show them. */
export const SWEEP_KINDS: readonly SweepKind[] = ['shift', 'rotate', 'scale'];

/** The largest shift of the shift sweep, in pixels, each way. */
export const SHIFT_RANGE = 8;

/** The values a sweep runs over: dx and dy for the shift grid, else the angles (degrees) or scales. */
export type SweepValues = number[] | { dx: number[]; dy: number[] };

const shifts = () => Array.from({ length: 2 * SHIFT_RANGE + 1 }, (_, i) => i - SHIFT_RANGE);

/** True for the three sweep kinds (anything else, e.g. from the automation API, is not). */
export function isSweepKind(kind: unknown): kind is SweepKind {
  return kind === 'shift' || kind === 'rotate' || kind === 'scale';
}

/** The values of a sweep, as the automation API reports them. */
export function sweepValues(kind: SweepKind): SweepValues {
  switch (kind) {
    case 'shift':
      return { dx: shifts(), dy: shifts() };
    case 'rotate':
      return Array.from({ length: 25 }, (_, i) => -60 + 5 * i);
    case 'scale':
      // (10 + i) / 20 is the double nearest 0.5 + 0.05 i, so the values read as the decimals they are.
      return Array.from({ length: 21 }, (_, i) => (10 + i) / 20);
    default: {
      const never: never = kind;
      throw new Error(`unknown sweep ${String(never)}`);
    }
  }
}

/** The transform of each value of a sweep, in the order of its probabilities. */
export function sweepTransforms(kind: SweepKind): InputTransform[] {
  const values = sweepValues(kind);
  if (!Array.isArray(values))
    return values.dy.flatMap((dy) => values.dx.map((dx) => ({ ...IDENTITY_TRANSFORM, dx, dy })));
  return values.map((value) =>
    kind === 'rotate' ? { ...IDENTITY_TRANSFORM, rotate: value } : { ...IDENTITY_TRANSFORM, scale: value },
  );
}

/** Every transformed input of a sweep, concatenated (count × 1024 values): one batch. */
export function sweepInputs(input: ArrayLike<number>, kind: SweepKind): { inputs: Float32Array; count: number } {
  const transforms = sweepTransforms(kind);
  const inputs = new Float32Array(transforms.length * 1024);
  transforms.forEach((transform, i) => transformInput(input, transform, inputs.subarray(i * 1024, (i + 1) * 1024)));
  return { inputs, count: transforms.length };
}

/** The probabilities of a sweep, flat (value v, class k at v · 10 + k), as rows of ten. */
export function probabilityRows(flat: ArrayLike<number>): number[][] {
  return Array.from({ length: flat.length / 10 }, (_, v) => Array.from({ length: 10 }, (_, k) => flat[v * 10 + k]));
}
