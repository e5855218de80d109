/**
 * The keyboard's way into the 3D view: props for the focusable element around it. Keys move the focused
 * node as viz/nodeNavigation.ts describes; the node chosen is focused and pinned in the store, so the
 * tooltip, the edges and the trace on the pad follow it as they follow a clicked node, and the keys go on
 * from a node the mouse hovered or pinned.
 */
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { isNavigationKey, moveFocus, startNode, validFocus } from '../../viz/nodeNavigation';
import { flyTo } from '../../viz/sceneHolder';

/** The props to spread on the element that holds the 3D view. */
export interface NodeKeyboardProps {
  readonly tabIndex: 0;
  readonly role: 'application';
  readonly 'aria-label': string;
  readonly 'aria-describedby'?: string;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** Applies `key` (Shift held: `shift`) to the store's focus; returns whether the key was one of the view's. */
export function pressNodeKey(layers: readonly LayerSpec[], key: string, shift = false): boolean {
  const { focus, cameraPreset, set } = useAppStore.getState();
  if (layers.length === 0) return false;
  const current = validFocus(layers, focus);
  if (key === 'Escape') {
    if (!focus) return false;
    set({ focus: null, pinned: false });
    return true;
  }
  if (key === 'Enter') {
    if (current) flyTo(current.layer);
    else set({ focus: startNode(layers), pinned: true });
    return true;
  }
  if (!isNavigationKey(key)) return false;
  const next = moveFocus(layers, current, key, shift);
  set({ focus: next, pinned: true });
  // On a layer's close-up, the camera follows the focus to the next layer.
  if (current && next.layer !== current.layer && cameraPreset === current.layer) flyTo(next.layer);
  return true;
}

/**
 * Props that make the element holding the 3D view focusable (Tab reaches it), name it with its keys (in the
 * language shown), and handle them; `describedBy`: the id of an element that describes the view further.
 */
export function useNodeKeyboard(layers: readonly LayerSpec[], describedBy?: string): NodeKeyboardProps {
  const { t } = useTranslation('view');
  const label = t('keyboardLabel');
  return useMemo(
    () => ({
      tabIndex: 0,
      role: 'application',
      'aria-label': label,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
        // Keys typed in something inside the view, and browser shortcuts, are not the view's.
        if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
        if (pressNodeKey(layers, event.key, event.shiftKey)) event.preventDefault();
      },
    }),
    [layers, describedBy, label],
  );
}
