/**
 * Accessibility end to end in Chromium at three sizes (desktop 1440x900 with a mouse; tablet portrait
 * 820x1180 and phone 390x844 with touch): axe-core (from npm) finds no serious or critical problem as the
 * page opens, with every <details> open, with the backward view and with the test-set explorer; every
 * control Tab reaches has a name, and Tab reaches them in document order; the keyboard moves the focused
 * node of the 3D view within and between layers (from a hovered or tapped node as well), its tooltip is
 * announced, and the arrow keys there leave the epoch timeline alone. Nothing here depends on where the
 * panels are laid out.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import type { NodeRef } from '../../src/engine/model/nodeRef';
import { moveFocus, startNode, type NavigationKey } from '../../src/viz/nodeNavigation';
import {
  appAtScreenSizes,
  seriousProblems,
  DIGITS,
  drawStrokes,
  settledPrediction,
  SCREEN_SIZES as SIZES,
  type ScreenSize as SizeName,
} from './appSession';

/** The shipped run's architecture, which the page opens on. */
const LAYERS = lenet5Layers();

const { pages, errors } = appAtScreenSizes();

/** The elements Tab should reach, in document order (one per radio group), each described and tagged with its place. */
function tabbableInOrder(page: Page): Promise<{ described: string[]; positiveTabIndex: string[]; unnamed: string[] }> {
  return page.evaluate(() => {
    const axe = (
      window as unknown as {
        axe: { setup(d: Document): void; teardown(): void; commons: { text: { accessibleText(e: Element): string } } };
      }
    ).axe;
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${(e as HTMLElement).dataset.testid ? `[data-testid=${(e as HTMLElement).dataset.testid}]` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
    const candidates = Array.from(
      document.querySelectorAll<HTMLElement>(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [contenteditable]:not([contenteditable=false]), [tabindex]',
      ),
    );
    const radios = new Set<string>();
    const tabbable = candidates.filter((e) => {
      if (
        (e as HTMLButtonElement).disabled ||
        e.tabIndex < 0 ||
        e.closest('[inert]') ||
        !e.checkVisibility({ visibilityProperty: true })
      )
        return false;
      if (e.tagName === 'SUMMARY' && e.parentElement?.querySelector(':scope > summary') !== e) return false;
      if (e instanceof HTMLInputElement && e.type === 'radio' && e.name) {
        const group = Array.from(
          document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(e.name)}"]`),
        );
        if (radios.has(e.name) || (group.some((r) => r.checked) && !e.checked)) return false;
        radios.add(e.name);
      }
      return true;
    });
    document.querySelectorAll('[data-a11y-order]').forEach((e) => e.removeAttribute('data-a11y-order'));
    tabbable.forEach((e, i) => e.setAttribute('data-a11y-order', String(i)));
    axe.setup(document);
    const unnamed = tabbable.filter((e) => axe.commons.text.accessibleText(e).trim() === '').map(describe);
    axe.teardown();
    return {
      described: tabbable.map(describe),
      positiveTabIndex: candidates.filter((e) => e.tabIndex > 0).map(describe),
      unnamed,
    };
  });
}

/** Presses Tab from the top of the page until focus leaves the page or comes round; what each press reached. */
async function tabWalk(page: Page, limit: number): Promise<(number | string)[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const reached: (number | string)[] = [];
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const order = e.getAttribute('data-a11y-order');
      if (order !== null) return Number(order);
      // Chromium lets the keyboard scroll a scrolling box with nothing focusable inside: not a control.
      const style = getComputedStyle(e);
      return /(auto|scroll)/.test(style.overflowY + style.overflowX)
        ? 'scroller'
        : `${e.tagName.toLowerCase()}.${e.className}`;
    });
    if (at === null || reached.includes(at as number)) break;
    if (at !== 'scroller') reached.push(at);
  }
  return reached;
}

/** The focusable element that holds the 3D view. */
async function networkView(page: Page): Promise<Locator> {
  const view = page.locator('[data-testid="network-view"][tabindex="0"]');
  expect(
    await view.count(),
    'the network view ([data-testid="network-view"]) takes keyboard focus (tabindex 0): spread useNodeKeyboard\'s props on it',
  ).toBe(1);
  return view;
}

const focusOf = (page: Page) => page.evaluate(() => window.lenet.state().focus);

/** The text of the page's live regions (what a screen reader announces as it changes). */
const announced = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]'))
      .map((e) => e.textContent ?? '')
      .join(' | '),
  );

/** Presses `key` in the view and checks the focus moved as nodeNavigation.ts says and the new node is announced. */
async function pressAndCheck(page: Page, key: NavigationKey, shift = false): Promise<NodeRef> {
  const expected = moveFocus(LAYERS, await focusOf(page), key, shift);
  await page.keyboard.press(shift ? `Shift+${key}` : key);
  await page
    .waitForFunction((n) => JSON.stringify(window.lenet.state().focus) === JSON.stringify(n), expected, {
      timeout: 5000,
    })
    .catch(async () => {
      throw new Error(`${key}: focus ${JSON.stringify(await focusOf(page))}, expected ${JSON.stringify(expected)}`);
    });
  const where =
    LAYERS.find((l) => l.id === expected.layer)!.kind === 'dense'
      ? `unit ${expected.c}`
      : `map ${expected.c}, row ${expected.y}, column ${expected.x}`;
  await expect
    .poll(() => announced(page), { timeout: 5000, message: `${expected.layer} ${where} is announced by a live region` })
    .toMatch(new RegExp(`${expected.layer}\\b[^|]*${where}`));
  return expected;
}

describe.each(Object.keys(SIZES) as SizeName[])('%s', (name) => {
  it('has no serious or critical axe finding as it opens, nor with every <details> open', async () => {
    const page = pages[name];
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await seriousProblems(page, SIZES[name].touch), `${name}, as the page opens`).toEqual([]);
    const closed = await page.evaluate(() => {
      const shut = Array.from(document.querySelectorAll('details:not([open])'));
      shut.forEach((d) => d.setAttribute('open', ''));
      return shut.length;
    });
    if (closed > 0) expect(await seriousProblems(page, SIZES[name].touch), `${name}, every <details> open`).toEqual([]);
  });

  it('names every control Tab reaches, reaches them in document order, the 3D view among them', async () => {
    const page = pages[name];
    await seriousProblems(page, SIZES[name].touch); // injects axe, whose name computation the check below uses
    const { described, positiveTabIndex, unnamed } = await tabbableInOrder(page);
    expect(positiveTabIndex, 'tabindex above 0 reorders Tab').toEqual([]);
    expect(unnamed, 'controls without an accessible name').toEqual([]);
    const walked = await tabWalk(page, described.length + 20);
    const strays = walked.filter((w) => typeof w === 'string');
    expect(strays, 'Tab reached these, which are not controls').toEqual([]);
    expect(
      walked.map((i) => described[i as number] ?? i),
      'Tab order',
    ).toEqual(described);
    expect(
      described.some((d) => d.includes('network-view')),
      'Tab reaches the 3D view',
    ).toBe(true);
  });

  it('moves the focused node with the keyboard and announces it; the arrows there leave the timeline alone', async () => {
    const page = pages[name];
    expect((await page.evaluate(() => window.lenet.layers())).map((l) => [l.id, l.shape])).toEqual(
      LAYERS.map((l) => [l.id, [...l.shape]]),
    );
    const view = await networkView(page);
    expect(await view.getAttribute('role')).toBe('application');
    expect(await view.getAttribute('aria-label')).toMatch(/arrow keys.*Page Up/is);
    await page.evaluate(() => window.lenet.focus(null));
    await view.focus();
    const checkpoint = await page.evaluate(() => window.lenet.state().checkpoint);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (n) => JSON.stringify(window.lenet.state().focus) === JSON.stringify(n),
      startNode(LAYERS),
      { timeout: 5000 },
    );
    await pressAndCheck(page, 'ArrowRight');
    await pressAndCheck(page, 'ArrowUp');
    await pressAndCheck(page, 'PageUp');
    await pressAndCheck(page, 'ArrowRight', true);
    await pressAndCheck(page, 'ArrowLeft');
    await pressAndCheck(page, 'PageUp');
    await pressAndCheck(page, 'PageUp');
    await pressAndCheck(page, 'ArrowDown');
    await pressAndCheck(page, 'End');
    for (let k = 0; k < 4; k++) await pressAndCheck(page, 'PageUp');
    expect((await focusOf(page))?.layer).toBe('output');
    await pressAndCheck(page, 'Home');
    await pressAndCheck(page, 'PageDown');
    expect(
      await page.evaluate(() => window.lenet.state().checkpoint),
      'the arrows in the view did not step the timeline',
    ).toBe(checkpoint);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.lenet.state().focus === null, null, { timeout: 5000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => JSON.stringify(window.lenet.state().focus) === JSON.stringify(n),
      startNode(LAYERS),
      { timeout: 5000 },
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.lenet.state().focus === null, null, { timeout: 5000 });
  });

  it('goes on from a node the pointer chose (hovered with the mouse, tapped on touch)', async () => {
    const page = pages[name];
    const aimed: NodeRef = { layer: 's4', c: 3, y: 2, x: 2 };
    await page.evaluate(() => window.lenet.focus(null));
    const view = await networkView(page);
    await view.scrollIntoViewIfNeeded();
    const at = await page.evaluate((n) => window.lenet.screenPosition(n), aimed);
    expect(at, 's4 (3, 2, 2) is on screen').not.toBeNull();
    if (SIZES[name].touch) await page.touchscreen.tap(at!.x, at!.y);
    else await page.mouse.move(at!.x, at!.y);
    // The node under the pointer (a neighbour of the one aimed at is as good).
    await page.waitForFunction(() => window.lenet.state().focus !== null, null, { timeout: 5000 });
    const chosen = (await focusOf(page))!;
    await view.focus();
    expect(await pressAndCheck(page, 'PageDown')).toEqual(moveFocus(LAYERS, chosen, 'PageDown'));
    await pressAndCheck(page, 'ArrowLeft');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.lenet.state().focus === null, null, { timeout: 5000 });
  });

  it('has no serious or critical axe finding with the backward view and with the test-set explorer', async () => {
    const page = pages[name];
    await drawStrokes(page, DIGITS.seven);
    await settledPrediction(page);
    await page.evaluate(() => window.lenet.backward(3));
    await page.evaluate(() => window.lenet.focus({ layer: 's2', c: 1, y: 6, x: 6 }));
    await page.waitForTimeout(300);
    expect
      .soft(await seriousProblems(page, SIZES[name].touch), `${name}, backward view with a pooling node focused`)
      .toEqual([]);
    const toggle = page.getByTestId('explorer-toggle');
    if (!(await toggle.isVisible())) {
      console.log(`${name}: the explorer's toggle is not on screen; the explorer was not checked`);
      return;
    }
    await toggle.click();
    await page.getByTestId('confusion-matrix').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid^="confusion-cell-"]:not([disabled])').first().click();
    await page.getByTestId('misclassified-item').first().click();
    await page.waitForFunction(() => window.lenet.state().inputSource.kind === 'test', null, { timeout: 20_000 });
    expect(await seriousProblems(page, SIZES[name].touch), `${name}, explorer open with a test digit loaded`).toEqual(
      [],
    );
    await toggle.click();
  });

  it('threw no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
