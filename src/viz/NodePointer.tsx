import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Raycaster, Vector2 } from 'three';
import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore } from '../store/appStore';
import { pickNode } from './layout/nodePicking';
import { type NetworkLayout } from './layout/networkLayout';
import { nodeRef, type NodeRef } from '../engine/model/nodeRef';
import { flyTo } from './sceneHolder';

const same = (a: NodeRef | null, b: NodeRef | null) =>
  a === b || (!!a && !!b && a.layer === b.layer && a.c === b.c && a.y === b.y && a.x === b.x);

/** Pointer movement beyond this many CSS pixels between press and release makes a drag, not a click. */
const CLICK_SLOP = 2;

/**
 * The pointer on the 3D view, picked by layout arithmetic (nodePicking.ts) instead of raycasting
 * every tile: hovering focuses a node (unless one is pinned), a click pins the node under the pointer
 * or, on empty space, unpins, and a double click flies to the node's layer. Moves with a button held
 * turn the camera, so they leave the focus alone.
 */
export function NodePointer({ layout, layers }: { layout: NetworkLayout; layers: readonly LayerSpec[] }) {
  const { camera, gl } = useThree();

  useEffect(() => {
    const canvas = gl.domElement;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    let pressed: [number, number] = [NaN, NaN];
    const pick = (clientX: number, clientY: number): NodeRef | null => {
      const rect = canvas.getBoundingClientRect();
      ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, 1 - ((clientY - rect.top) / rect.height) * 2);
      camera.updateMatrixWorld();
      raycaster.setFromCamera(ndc, camera);
      const { origin, direction } = raycaster.ray;
      const hit = pickNode(layout, [origin.x, origin.y, origin.z], [direction.x, direction.y, direction.z]);
      return hit ? nodeRef(layers[hit.layer], hit.index) : null;
    };
    const hover = (node: NodeRef | null) => {
      const { pinned, focus, set } = useAppStore.getState();
      if (!pinned && !same(node, focus)) set({ focus: node });
    };
    const move = (event: PointerEvent) => {
      if (event.buttons === 0) hover(pick(event.clientX, event.clientY));
    };
    const leave = () => hover(null);
    const press = (event: PointerEvent) => {
      pressed = [event.clientX, event.clientY];
    };
    // Clicks pick where the button went down: pointer events carry fractional pixels, click events whole
    // ones, and a whole pixel can be a row off where rows of small maps are under a pixel apart.
    const clicked = (event: MouseEvent): [number, number] =>
      Number.isNaN(pressed[0]) ? [event.clientX, event.clientY] : pressed;
    const click = (event: MouseEvent) => {
      const [x, y] = clicked(event);
      if (Math.hypot(event.clientX - x, event.clientY - y) > CLICK_SLOP) return;
      const node = pick(x, y);
      useAppStore.getState().set(node ? { focus: node, pinned: true } : { focus: null, pinned: false });
    };
    const doubleClick = (event: MouseEvent) => {
      const node = pick(...clicked(event));
      if (node) flyTo(node.layer);
    };
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerleave', leave);
    canvas.addEventListener('pointerdown', press);
    canvas.addEventListener('click', click);
    canvas.addEventListener('dblclick', doubleClick);
    return () => {
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerleave', leave);
      canvas.removeEventListener('pointerdown', press);
      canvas.removeEventListener('click', click);
      canvas.removeEventListener('dblclick', doubleClick);
    };
  }, [camera, gl, layout, layers]);

  return null;
}
