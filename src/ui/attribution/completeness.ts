/** Integrated gradients' completeness check: the map's sum against z(x) − z(0), and the gap between them. */
import type { Attribution } from '../../engine/interpret/attribute';

/** The check's numbers, or null for a method without one (all but integrated gradients). */
export interface Completeness {
  readonly sum: number;
  readonly baseline: number;
  /** z(x) − z(0). */
  readonly difference: number;
  /** Σ map − (z(x) − z(0)). */
  readonly gap: number;
  /** The gap over |z(x) − z(0)| (0 when both are 0). */
  readonly relativeGap: number;
}

/** The completeness of an integrated-gradients map (null for the other methods). */
export function completenessOf(attribution: Pick<Attribution, 'map' | 'score' | 'baseline'>): Completeness | null {
  if (attribution.baseline === null) return null;
  let sum = 0;
  for (const value of attribution.map) sum += value;
  const difference = attribution.score - attribution.baseline;
  const gap = sum - difference;
  return {
    sum,
    baseline: attribution.baseline,
    difference,
    gap,
    relativeGap: difference !== 0 ? gap / Math.abs(difference) : gap === 0 ? 0 : Infinity,
  };
}
