import { describe, expect, it } from 'vitest';
import { placeTooltip, TOOLTIP_OFFSET as o } from '../../../src/ui/view/tooltipPlacement';

const view = { width: 800, height: 600 };
const tip = { width: 300, height: 120 };

describe('placeTooltip', () => {
  it('puts the tooltip below and right of the anchor when it fits', () => {
    expect(placeTooltip({ x: 100, y: 50 }, tip, view)).toEqual({ x: 100 + o, y: 50 + o });
  });
  it('flips to the left near the right edge and above near the bottom', () => {
    expect(placeTooltip({ x: 700, y: 550 }, tip, view)).toEqual({ x: 700 - o - 300, y: 550 - o - 120 });
  });
  it('never leaves the view, whatever the anchor', () => {
    for (const anchor of [
      { x: -50, y: -50 },
      { x: 900, y: 700 },
      { x: 250, y: 590 },
      { x: 20, y: 100 },
    ]) {
      const p = placeTooltip(anchor, tip, view);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x + tip.width).toBeLessThanOrEqual(view.width);
      expect(p.y + tip.height).toBeLessThanOrEqual(view.height);
    }
  });
  it('does not cover the anchor when there is room on either side', () => {
    const anchor = { x: 400, y: 300 };
    const p = placeTooltip(anchor, tip, view);
    const covers = anchor.x >= p.x && anchor.x <= p.x + tip.width && anchor.y >= p.y && anchor.y <= p.y + tip.height;
    expect(covers).toBe(false);
  });
  it('keeps a tooltip larger than the view at its top-left corner', () => {
    expect(placeTooltip({ x: 100, y: 100 }, { width: 1000, height: 900 }, view)).toEqual({ x: 0, y: 0 });
  });
});
