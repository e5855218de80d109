/**
 * How the δ explanations write their numbers and name nodes, and the translate function they are given
 * (the `delta` catalog, deltaStrings.ts), so that they stay pure and a test can render either language.
 */
import type { TFunction } from 'i18next';
import type { LayerSpec } from '../engine/model/layerSpec';
import type { NodeRef } from '../engine/model/nodeRef';

/** The translate function of the `delta` namespace: `useTranslation('delta').t` or `i18n.getFixedT(lng, 'delta')`. */
export type DeltaText = TFunction<'delta'>;

/**
 * A number in at most 4 significant digits, in exponent form below 1e-3 or from 1e4 up ('0.0123', '1.5e-5',
 * '0'): the formulas' notation, the same in English and Chinese.
 */
export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return Object.is(value, -0) ? '0' : String(value);
  const rounded = Number(value.toPrecision(4));
  if (Math.abs(rounded) >= 1e-3 && Math.abs(rounded) < 1e4) return String(rounded);
  const [mantissa, exponent] = value.toExponential(3).split('e');
  return `${String(Number(mantissa))}e${exponent.replace('+', '')}`;
}

/** A number as the right-hand operand of − or ×: negative ones in parentheses. */
export function operand(value: number): string {
  return value < 0 ? `(${formatNumber(value)})` : formatNumber(value);
}

/** A node's name as the view labels it: 'c3 (2, 4, 7)', or a dense unit's ('f6 unit 12', 'f6 单元 12'). */
export function nodeName(t: DeltaText, spec: LayerSpec, ref: NodeRef): string {
  return spec.kind === 'dense'
    ? t('nodeUnit', { layer: spec.id, unit: ref.c })
    : `${spec.id} (${ref.c}, ${ref.y}, ${ref.x})`;
}

/** A set of map indices as the explanations write it: '{0, 1, 2}'. */
export function mapSet(maps: readonly number[]): string {
  return `{${maps.join(', ')}}`;
}
