/**
 * The numbers of the gradient check (检查求导是否正确): number formatting, the weight's name with its
 * coordinates, and the verdict on backprop's dL/dw against the central finite difference (its words are
 * the catalog's `check.verdict.<reason>`, strings.ts).
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

/** Why the check agrees or not: both derivatives negligible, agreement below `AGREEMENT`, or a difference. */
export type VerdictReason = 'zero' | 'agree' | 'differ';

/** Whether backprop and the finite difference agree, and why (the catalog's `check.verdict.<reason>` says it in words). */
export function checkVerdict(check: { analytic: number; numeric: number; relativeDifference: number }): {
  agree: boolean;
  reason: VerdictReason;
} {
  if (Math.max(Math.abs(check.analytic), Math.abs(check.numeric)) < NEGLIGIBLE) return { agree: true, reason: 'zero' };
  if (check.relativeDifference < AGREEMENT) return { agree: true, reason: 'agree' };
  return { agree: false, reason: 'differ' };
}
