/**
 * The α panel's data: α = softmax of each row of `c3.alphaLogits` (row j = c3 output map, column i = s2 input
 * map, the tutorial's α_ij), its sparsity (inputs per output map with α ≥ 0.05), LeCun's 1998 table as the
 * same 16x6 grid of 0/1, and the colour of a cell on a sequential ramp (dark purple at 0 to yellow at 1).
 */
import type { ConvLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { combinationWeights, inputsAbove } from '../../engine/model/learnedCombination';
import { LENET5_C3_TABLE } from '../../engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';

/** The name of the logits' tensor in a run (run format, `c3.alphaLogits` [16, 6]). */
export const ALPHA_TENSOR = 'c3.alphaLogits';

/** The α at or above which an input map counts as feeding an output map (the issue's sparsity measure). */
export const ALPHA_THRESHOLD = 0.05;

/** A 16x6 matrix: `values[j * inMaps + i]` for output map j, input map i. */
export interface AlphaMatrix {
  readonly outMaps: number;
  readonly inMaps: number;
  readonly values: Float64Array;
}

/** The learned c3 layer of `layers`, or null when the run has no learned combinations. */
export function learnedLayer(layers: readonly LayerSpec[]): ConvLayerSpec | null {
  const c3 = layers.find((l): l is ConvLayerSpec => l.kind === 'conv' && l.learnedCombinations === true);
  return c3 ?? null;
}

/** α of the run whose layers are `layers`, from its flat parameters `params`; null without learned combinations. */
export function alphaFromParams(layers: readonly LayerSpec[], params: ArrayLike<number>): AlphaMatrix | null {
  const c3 = learnedLayer(layers);
  if (!c3) return null;
  const spec = tensorSpec(parameterLayout(layers), ALPHA_TENSOR);
  const outMaps = c3.shape[0];
  const inMaps = c3.inShape[0];
  const logits = Array.from({ length: spec.size }, (_, k) => params[spec.offset + k]);
  return { outMaps, inMaps, values: combinationWeights(logits, outMaps, inMaps) as Float64Array };
}

/** α as 16 rows of 6 plain numbers (the automation API's `alpha()`). */
export function alphaRows(alpha: AlphaMatrix): number[][] {
  return Array.from({ length: alpha.outMaps }, (_, j) =>
    Array.from(alpha.values.subarray(j * alpha.inMaps, (j + 1) * alpha.inMaps)),
  );
}

/** The sparsity: per output map the inputs with α ≥ `threshold`, and their mean over the output maps. */
export function alphaSparsity(
  alpha: AlphaMatrix,
  threshold = ALPHA_THRESHOLD,
): { readonly perMap: number[]; readonly mean: number } {
  const perMap = inputsAbove(alpha.values, alpha.outMaps, alpha.inMaps, threshold);
  return { perMap, mean: perMap.reduce((a, b) => a + b, 0) / perMap.length };
}

/** LeCun's 1998 C3 table as the same grid: 1 where output map j reads input map i, else 0 (3.75 inputs a map). */
export function lecunMatrix(): AlphaMatrix {
  const values = new Float64Array(16 * 6);
  LENET5_C3_TABLE.forEach((inputs, j) => inputs.forEach((i) => (values[j * 6 + i] = 1)));
  return { outMaps: 16, inMaps: 6, values };
}

/** Viridis stops from 0 (dark purple) to 1 (yellow): lightness rises monotonically, readable without hue. */
const RAMP: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** The CSS colour of a value in [0, 1] on the panel's sequential ramp (clamped). */
export function alphaColour(value: number): string {
  const t = Math.min(1, Math.max(0, value)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(t));
  const f = t - k;
  return `rgb(${RAMP[k].map((c, n) => Math.round(c + (RAMP[k + 1][n] - c) * f)).join(',')})`;
}

/** The ramp as a CSS gradient from 0 to 1, for the scale under the grid. */
export const ALPHA_RAMP_CSS = `linear-gradient(to right, ${RAMP.map((c) => `rgb(${c.join(',')})`).join(', ')})`;

/** Dark text on the light end of the ramp, light text on the dark end. */
export function alphaTextColour(value: number): string {
  return value > 0.55 ? '#111' : '#f2f2f2';
}
