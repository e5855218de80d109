/** Where a node appears on the 3D view's canvas, from the camera the scene last rendered with. */
import { Vector3 } from 'three';
import type { LayerSpec } from '../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../engine/model/nodeRef';
import { sceneHolder } from './sceneHolder';

const point = new Vector3();

/** A rectangle on the canvas in CSS pixels from its top-left corner. */
export interface ScreenRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Projects the world point (x, y, z) to canvas pixels, or null when it is behind the camera or nothing has rendered. */
function project(x: number, y: number, z: number): { x: number; y: number } | null {
  const { camera, width, height } = sceneHolder;
  if (!camera) return null;
  point.set(x, y, z).project(camera);
  if (point.z > 1 || point.z < -1) return null;
  return { x: ((point.x + 1) / 2) * width, y: ((1 - point.y) / 2) * height };
}

/** The node's centre in CSS pixels from the canvas's top-left corner, or null when it is behind the camera or nothing has rendered. */
export function nodeCanvasPosition(layers: readonly LayerSpec[], node: NodeRef): { x: number; y: number } | null {
  const { layout } = sceneHolder;
  const l = layers.findIndex((layer) => layer.id === node.layer);
  if (!layout || l < 0 || !layout.layers[l]) return null;
  const i = nodeIndex(layers[l], node);
  const p = layout.layers[l].positions;
  return project(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
}

/** The box round the node's tile on the canvas (its four corners projected), or null when any is behind the camera. */
export function nodeScreenRect(layers: readonly LayerSpec[], node: NodeRef): ScreenRect | null {
  const { layout } = sceneHolder;
  const l = layers.findIndex((layer) => layer.id === node.layer);
  const layer = layout?.layers[l];
  if (!layer || l < 0) return null;
  const i = nodeIndex(layers[l], node);
  const [x, y, z] = [0, 1, 2].map((k) => layer.positions[3 * i + k]);
  const half = layer.nodeSize / 2;
  let rect = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const [a, b] of [
    [-1, -1],
    [-1, 1],
    [1, -1],
    [1, 1],
  ]) {
    const p = layer.upright ? project(x + a * half, y + b * half, z) : project(x + a * half, y, z + b * half);
    if (!p) return null;
    rect = {
      left: Math.min(rect.left, p.x),
      top: Math.min(rect.top, p.y),
      right: Math.max(rect.right, p.x),
      bottom: Math.max(rect.bottom, p.y),
    };
  }
  return rect;
}
