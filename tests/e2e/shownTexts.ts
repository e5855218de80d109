/** What a person sees of the page's text: every text on screen with its size, and the texts laid out badly. */
import type { Page } from 'playwright-core';

/** A text on screen: its first characters, its font size as drawn (CSS px) and the element holding it. */
export interface ShownText {
  readonly text: string;
  readonly size: number;
  readonly where: string;
}

/**
 * Every text on screen, aria-hidden or not (the view's layer labels and output digits are aria-hidden, and a
 * projector shows them all the same). On screen: its box lies inside the viewport and inside every ancestor that
 * clips its overflow, and neither it nor an ancestor is hidden (display, visibility, opacity 0, a closed
 * disclosure) or clipped away (as `.visually-hidden` is, for screen readers only). Its size is the computed font
 * size, times the drawing's scale inside an SVG. `problems`: a text spilling out of its element's box (cut, or over
 * its neighbours), a word broken across lines, two texts drawn over each other (the node tooltip may lie over the
 * view's texts: it is an overlay).
 */
export function shownTexts(page: Page): Promise<{ texts: ShownText[]; problems: string[] }> {
  return page.evaluate(() => {
    const texts: ShownText[] = [];
    const problems: string[] = [];
    const lines: { text: string; rects: DOMRect[]; overlay: boolean }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim().slice(0, 40);
      const element = node.parentElement;
      if (!text || !element) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
        continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      let [left, top] = [Math.max(box.left, 0), Math.max(box.top, 0)];
      let [right, bottom] = [Math.min(box.right, innerWidth), Math.min(box.bottom, innerHeight)];
      let clippedAway = false;
      for (let e: Element | null = element; e && !clippedAway; e = e.parentElement) {
        const style = getComputedStyle(e);
        clippedAway = style.clip !== 'auto';
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = e.getBoundingClientRect();
        [left, top] = [Math.max(left, clip.left), Math.max(top, clip.top)];
        [right, bottom] = [Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      if (clippedAway || right - left < 1 || bottom - top < 1) continue;
      const svg = element.closest('svg');
      const scale = svg ? (svg.getScreenCTM()?.a ?? 1) : 1;
      const where = `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`.slice(0, 60);
      texts.push({ text, size: parseFloat(getComputedStyle(element).fontSize) * scale, where });
      const own = element.getBoundingClientRect();
      if (box.left < own.left - 1 || box.right > own.right + 1)
        problems.push(`${JSON.stringify(text)} spills out of ${where}`);
      const rects = Array.from(range.getClientRects());
      if (!/\s/.test(text) && rects.length > 1) problems.push(`${JSON.stringify(text)} is broken across lines`);
      lines.push({ text, rects, overlay: element.closest('[data-testid="node-tooltip"]') !== null });
    }
    for (let a = 0; a < lines.length; a++)
      for (let b = a + 1; b < lines.length; b++) {
        if (lines[a].overlay !== lines[b].overlay) continue;
        const overlap = lines[a].rects.some((p) =>
          lines[b].rects.some(
            (q) =>
              Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2 &&
              Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2,
          ),
        );
        if (overlap) problems.push(`${JSON.stringify(lines[a].text)} and ${JSON.stringify(lines[b].text)} overlap`);
      }
    return { texts, problems };
  });
}
