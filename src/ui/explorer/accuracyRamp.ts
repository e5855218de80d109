/** The colours of the per-digit accuracy heatmap: viridis over the error rate on a log scale. */

/** Viridis stops: dark purple (every image wrong) through teal to yellow (error at or below 0.1%). */
const RAMP = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** The error rates at the ramp's two ends: 100% (darkest) and 0.1% (brightest). */
export const RAMP_ENDS = { worst: 1, best: 1e-3 } as const;

/** The ramp as a CSS gradient, for the legend's swatch. */
export const RAMP_CSS = `linear-gradient(to right, ${RAMP.map((c) => `rgb(${c.join(',')})`).join(', ')})`;

/** The colour of an accuracy: error rate on a log scale, 100% error darkest, 0.1% or less brightest. */
export function accuracyColour(accuracy: number): string {
  const t =
    Math.min(1, Math.max(0, -Math.log10(Math.max(RAMP_ENDS.best, 1 - accuracy)) / -Math.log10(RAMP_ENDS.best))) *
    (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(t));
  const f = t - i;
  return `rgb(${RAMP[i].map((c, k) => Math.round(c + (RAMP[i + 1][k] - c) * f)).join(',')})`;
}
