/**
 * Room for the layer labels beside the planes: on a wide canvas each label gives the layer's name and
 * shape (about 150 px wide); on a narrow one (a phone) only the name, so the network keeps the width.
 */

/** Canvases narrower than this (CSS pixels) show names only. */
export const COMPACT_BELOW = 560;

/** True when labels on a canvas `width` px wide show the layer's name only. */
export function compactLabels(width: number): boolean {
  return width < COMPACT_BELOW;
}

/** CSS pixels kept clear left of the network for the labels on a canvas `width` px wide. */
export function labelReserve(width: number): number {
  return compactLabels(width) ? 40 : 160;
}
