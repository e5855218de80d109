/** Where the node tooltip goes: beside its anchor (the pointer or the focused node), kept inside the view. */

/** A point or a size in CSS pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Gap between the anchor and the tooltip's nearest corner. */
export const TOOLTIP_OFFSET = 16;

/**
 * The tooltip's top-left corner: below and right of the anchor; to its left when that would leave the
 * view on the right, above it when that would leave it at the bottom; then clamped into the view (a
 * tooltip larger than the view keeps its top-left corner in it).
 */
export function placeTooltip(anchor: Point, tooltip: Size, view: Size, offset = TOOLTIP_OFFSET): Point {
  let x = anchor.x + offset;
  if (x + tooltip.width > view.width) x = anchor.x - offset - tooltip.width;
  let y = anchor.y + offset;
  if (y + tooltip.height > view.height) y = anchor.y - offset - tooltip.height;
  const clamp = (v: number, size: number, limit: number) => Math.max(0, Math.min(v, limit - size));
  return { x: clamp(x, tooltip.width, view.width), y: clamp(y, tooltip.height, view.height) };
}
