/**
 * The words and numbers of the gradient check (检查求导是否正确): number formatting, the weight's name
 * with its coordinates, and the verdict on backprop's dL/dw against the central finite difference.
 */
import type { LayerSpec } from '../../engine/model/layerSpec';
import { decodeIndex, tensorShape } from '../kernels/kernelImages';

/** Relative differences below this count as agreement (float64 backprop against a float64 central difference). */
export const AGREEMENT = 1e-4;

/** Below this magnitude both derivatives count as zero (as in the engine's check). */
const NEGLIGIBLE = 1e-12;

/** A number to 6 significant digits, in exponent form when it is small (< 1e-3) or large (>= 1e6). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const size = Math.abs(value);
  return size < 1e-3 || size >= 1e6 ? value.toExponential(5) : value.toPrecision(6);
}

/** |a - b| / max(|a|, |b|), 0 when both are negligible. */
export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale < NEGLIGIBLE ? 0 : Math.abs(a - b) / scale;
}

/** A weight's name with its coordinates, e.g. `c3.weight[1, 2, 3, 4]` ([oc, ic, ky, kx]) or `f6.weight[5, 17]` ([out, in]). */
export function weightLabel(layers: readonly LayerSpec[], tensor: string, index: number): string {
  const shape = tensorShape(layers, tensor);
  return shape ? `${tensor}[${decodeIndex(shape, index).join(', ')}]` : `${tensor}[${index}]`;
}

/** What the axes of a weight tensor are called. */
export function axisNames(tensor: string, layers: readonly LayerSpec[]): string {
  const shape = tensorShape(layers, tensor);
  return shape?.length === 4 ? '[oc, ic, ky, kx]' : shape?.length === 2 ? '[out, in]' : '';
}

/** Whether backprop and the finite difference agree, and a sentence saying so or why they may not. */
export function checkVerdict(check: { analytic: number; numeric: number; relativeDifference: number }): {
  agree: boolean;
  text: string;
} {
  if (Math.max(Math.abs(check.analytic), Math.abs(check.numeric)) < NEGLIGIBLE) {
    return {
      agree: true,
      text: 'agree: both are zero, the drawing does not reach this weight (e.g. it feeds only ReLUs that are off).',
    };
  }
  if (check.relativeDifference < AGREEMENT) {
    return {
      agree: true,
      text: `agree: the relative difference is below ${AGREEMENT.toExponential(0)}, backprop's derivative is right.`,
    };
  }
  return {
    agree: false,
    text:
      'differ: the loss is not smooth within ±ε of this weight. A ReLU whose input crosses zero, or a max-pool ' +
      'window whose winner switches, between w − ε and w + ε puts a kink inside the finite difference, so it no ' +
      'longer measures the slope at w. Try another weight.',
  };
}
