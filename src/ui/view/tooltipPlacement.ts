/**
 * Where the node tooltip goes: away from what it explains. The focused node's sources lie below it on screen (the
 * input is at the bottom of the view, the output at the top), so the tooltip goes above the node and its sources
 * if it fits there, else beside them, else below; among the places that stay inside the view, the first that covers
 * none of the rectangles to keep clear (focusScreenArea.ts) wins, or else the one covering the least (by weight).
 */
import type { KeepClear } from '../../viz/focusScreenArea';
import type { ScreenRect } from '../../viz/nodeScreenPosition';

/** A point or a size in CSS pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Gap between the tooltip and what it keeps clear. */
export const TOOLTIP_OFFSET = 16;

/** How much covering the anchor itself costs per pixel (it is where the person looks). */
const ANCHOR_WEIGHT = 100;

function overlap(a: ScreenRect, b: ScreenRect): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The places to try, best first, for a tooltip of `size` round `anchor` and the `area` holding everything kept clear. */
function candidates(anchor: Point, size: Size, area: ScreenRect, view: Size, offset: number): Point[] {
  const { width: w, height: h } = size;
  const above = area.top - offset - h;
  const below = area.bottom + offset;
  const right = area.right + offset;
  const left = area.left - offset - w;
  const middle = anchor.y - h / 2;
  return [
    { x: anchor.x - w / 2, y: above },
    { x: anchor.x + offset, y: above },
    { x: anchor.x - offset - w, y: above },
    { x: right, y: middle },
    { x: left, y: middle },
    { x: right, y: 0 },
    { x: left, y: 0 },
    { x: right, y: view.height - h },
    { x: left, y: view.height - h },
    { x: anchor.x - w / 2, y: below },
    { x: anchor.x + offset, y: anchor.y + offset },
    { x: anchor.x - offset - w, y: anchor.y + offset },
    { x: 0, y: 0 },
    { x: view.width - w, y: 0 },
    { x: 0, y: view.height - h },
    { x: view.width - w, y: view.height - h },
  ];
}

/**
 * The tooltip's top-left corner for a tooltip of `tooltip` size in a view of `view` size, near `anchor` (the pointer
 * or the focused node), keeping clear the weighted rectangles `keep` (see the header). A tooltip larger than the view
 * keeps its top-left corner in it.
 */
export function placeTooltip(
  anchor: Point,
  tooltip: Size,
  view: Size,
  keep: readonly KeepClear[] = [],
  offset = TOOLTIP_OFFSET,
): Point {
  const spot: ScreenRect = { left: anchor.x - 6, top: anchor.y - 6, right: anchor.x + 6, bottom: anchor.y + 6 };
  const clear = [{ rect: spot, weight: ANCHOR_WEIGHT }, ...keep];
  const area: ScreenRect = {
    left: Math.min(...clear.map((k) => k.rect.left)),
    top: Math.min(...clear.map((k) => k.rect.top)),
    right: Math.max(...clear.map((k) => k.rect.right)),
    bottom: Math.max(...clear.map((k) => k.rect.bottom)),
  };
  const clamp = (v: number, size: number, limit: number) => Math.max(0, Math.min(v, limit - size));
  let best: Point = { x: 0, y: 0 };
  let bestCost = Infinity;
  for (const c of candidates(anchor, tooltip, area, view, offset)) {
    const p = { x: clamp(c.x, tooltip.width, view.width), y: clamp(c.y, tooltip.height, view.height) };
    const box = { left: p.x, top: p.y, right: p.x + tooltip.width, bottom: p.y + tooltip.height };
    const cost = clear.reduce((sum, k) => sum + k.weight * overlap(box, k.rect), 0);
    if (cost < bestCost) [best, bestCost] = [p, cost];
    if (cost === 0) break;
  }
  return best;
}
