import { useLayoutEffect, type RefObject } from 'react';
import type { LayerSpec } from '../../engine/model/layerSpec';
import type { NodeRef } from '../../engine/model/nodeRef';
import { focusKeepClear } from '../../viz/focusScreenArea';
import { nodeCanvasPosition } from '../../viz/nodeScreenPosition';
import { sceneHolder } from '../../viz/sceneHolder';
import { stagePointer } from './stagePointer';
import { placeTooltip } from './tooltipPlacement';

/**
 * Keeps the tooltip `box` near its anchor, clear of the focused node, its sources and the maps they lie in
 * (tooltipPlacement.ts): the anchor is the pointer while a mouse hovers the view, otherwise the focused node's place
 * on screen (pinned, tapped or chosen with the keyboard), also while the camera moves. Moves it by writing its style
 * on every pointer move, camera frame and change of its size, without a React render.
 */
export function useTooltipPlacement(
  box: RefObject<HTMLDivElement | null>,
  layers: readonly LayerSpec[],
  focus: NodeRef | null,
  pinned: boolean,
): void {
  useLayoutEffect(() => {
    const place = () => {
      const element = box.current;
      const view = element?.offsetParent as HTMLElement | null;
      if (!element || !view || !focus) return;
      const node = pinned || !stagePointer.hovering ? nodeCanvasPosition(layers, focus) : null;
      const anchor = node ?? { x: stagePointer.x, y: stagePointer.y };
      const p = placeTooltip(
        anchor,
        { width: element.offsetWidth, height: element.offsetHeight },
        { width: view.clientWidth, height: view.clientHeight },
        focusKeepClear(layers, focus),
      );
      element.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px)`;
    };
    place();
    // The tooltip changes size without a render of this component (its "more" opened, a font loaded): place it again.
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(place);
    if (box.current) resized?.observe(box.current);
    stagePointer.listeners.add(place);
    sceneHolder.frameListeners.add(place);
    return () => {
      resized?.disconnect();
      stagePointer.listeners.delete(place);
      sceneHolder.frameListeners.delete(place);
    };
  });
}
