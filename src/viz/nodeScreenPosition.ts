/** Where a node appears on the 3D view's canvas, from the camera the scene last rendered with. */
import { Vector3 } from 'three';
import type { LayerSpec } from '../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../engine/model/nodeRef';
import { sceneHolder } from './sceneHolder';

const point = new Vector3();

/** The node's centre in CSS pixels from the canvas's top-left corner, or null when it is behind the camera or nothing has rendered. */
export function nodeCanvasPosition(layers: readonly LayerSpec[], node: NodeRef): { x: number; y: number } | null {
  const { camera, layout, width, height } = sceneHolder;
  const l = layers.findIndex((layer) => layer.id === node.layer);
  if (!camera || !layout || l < 0 || !layout.layers[l]) return null;
  const i = nodeIndex(layers[l], node);
  const p = layout.layers[l].positions;
  point.set(p[3 * i], p[3 * i + 1], p[3 * i + 2]).project(camera);
  if (point.z > 1 || point.z < -1) return null;
  return { x: ((point.x + 1) / 2) * width, y: ((1 - point.y) / 2) * height };
}
