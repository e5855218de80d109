import { describe, expect, it } from 'vitest';
import { placeTooltip, TOOLTIP_OFFSET as o } from '../../../src/ui/view/tooltipPlacement';
import { FOCUS_WEIGHT, MAP_WEIGHT, SOURCE_WEIGHT, type KeepClear } from '../../../src/viz/focusScreenArea';
import type { ScreenRect } from '../../../src/viz/nodeScreenPosition';

const view = { width: 800, height: 600 };
const tip = { width: 300, height: 120 };

const rect = (left: number, top: number, right: number, bottom: number): ScreenRect => ({ left, top, right, bottom });
const covers = (p: { x: number; y: number }, size: typeof tip, r: ScreenRect) =>
  p.x < r.right && p.x + size.width > r.left && p.y < r.bottom && p.y + size.height > r.top;
const inside = (p: { x: number; y: number }, size: typeof tip) =>
  p.x >= 0 && p.y >= 0 && p.x + size.width <= view.width && p.y + size.height <= view.height;

/** A pinned s2 cell at (400, 300): its four c1 sources just below it, in a c1 map below that (the overview's layout). */
function pooledCell(at = { x: 400, y: 300 }): KeepClear[] {
  return [
    { rect: rect(at.x - 5, at.y - 4, at.x + 5, at.y + 4), weight: FOCUS_WEIGHT },
    { rect: rect(at.x - 6, at.y + 30, at.x + 6, at.y + 38), weight: SOURCE_WEIGHT },
    { rect: rect(at.x - 60, at.y + 10, at.x + 50, at.y + 70), weight: MAP_WEIGHT },
  ];
}

describe('placeTooltip', () => {
  it('puts the tooltip above the anchor, centred, when nothing else is to be kept clear', () => {
    expect(placeTooltip({ x: 400, y: 300 }, tip, view)).toEqual({ x: 400 - 150, y: 300 - 6 - o - 120 });
  });

  it('keeps a pinned pooling cell, its four sources and their map clear: above the node, as the sources lie below', () => {
    const keep = pooledCell();
    const p = placeTooltip({ x: 400, y: 300 }, tip, view, keep);
    for (const { rect: r } of keep) expect(covers(p, tip, r)).toBe(false);
    expect(p.y + tip.height).toBeLessThanOrEqual(300 - 4);
    expect(inside(p, tip)).toBe(true);
  });

  it('goes beside the node and its sources when there is no room above them', () => {
    const at = { x: 300, y: 60 };
    const keep = pooledCell(at);
    const p = placeTooltip(at, tip, view, keep);
    for (const { rect: r } of keep) expect(covers(p, tip, r)).toBe(false);
    expect(p.x >= at.x + 50 || p.x + tip.width <= at.x - 60).toBe(true);
    expect(inside(p, tip)).toBe(true);
  });

  it('goes below only when neither above nor beside is free', () => {
    // The sources fill a band across the whole view just under a node near the top.
    const keep: KeepClear[] = [
      { rect: rect(395, 56, 405, 64), weight: FOCUS_WEIGHT },
      { rect: rect(0, 70, 800, 200), weight: MAP_WEIGHT },
    ];
    const p = placeTooltip({ x: 400, y: 60 }, tip, view, keep);
    expect(p.y).toBeGreaterThanOrEqual(200);
    expect(inside(p, tip)).toBe(true);
  });

  it('covers the cheapest pixels when nothing is free: a map rather than the sources, the sources rather than the node', () => {
    const keep: KeepClear[] = [
      { rect: rect(380, 280, 420, 320), weight: FOCUS_WEIGHT },
      { rect: rect(0, 0, 800, 270), weight: SOURCE_WEIGHT },
      { rect: rect(0, 330, 800, 600), weight: MAP_WEIGHT },
      { rect: rect(0, 270, 370, 330), weight: SOURCE_WEIGHT },
      { rect: rect(430, 270, 800, 330), weight: SOURCE_WEIGHT },
    ];
    const p = placeTooltip({ x: 400, y: 300 }, tip, view, keep);
    expect(covers(p, tip, keep[0].rect)).toBe(false);
    expect(p.y).toBeGreaterThanOrEqual(330); // on the map below, not on the sources above
  });

  it('never leaves the view, whatever the anchor and the rectangles', () => {
    for (const anchor of [
      { x: -50, y: -50 },
      { x: 900, y: 700 },
      { x: 250, y: 590 },
      { x: 20, y: 100 },
    ]) {
      for (const keep of [[], pooledCell(anchor)]) {
        expect(inside(placeTooltip(anchor, tip, view, keep), tip)).toBe(true);
      }
    }
  });

  it('does not cover the anchor when there is room on any side', () => {
    for (const anchor of [
      { x: 400, y: 300 },
      { x: 790, y: 590 },
      { x: 10, y: 10 },
    ]) {
      const p = placeTooltip(anchor, tip, view);
      expect(covers(p, tip, rect(anchor.x - 1, anchor.y - 1, anchor.x + 1, anchor.y + 1))).toBe(false);
    }
  });

  it('keeps a tooltip larger than the view at its top-left corner', () => {
    expect(placeTooltip({ x: 100, y: 100 }, { width: 1000, height: 900 }, view)).toEqual({ x: 0, y: 0 });
  });
});
