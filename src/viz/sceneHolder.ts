/**
 * Mutable handles into the 3D scene for code outside the R3F tree (the automation API, camera
 * presets): the camera and canvas size, written by <SceneProbe/>, and the camera flight requested.
 */
import type { Camera } from 'three';
import { useAppStore } from '../store/appStore';
import type { NetworkLayout } from './layout/networkLayout';

/** A requested camera move: where to look from and at. */
export interface CameraFlight {
  readonly position: readonly [number, number, number];
  readonly target: readonly [number, number, number];
}

export interface SceneHolder {
  camera: Camera | null;
  width: number;
  height: number;
  canvas: HTMLCanvasElement | null;
  layout: NetworkLayout | null;
  flight: CameraFlight | null;
  /** Frames rendered so far (the automation API waits for the first). */
  framesRendered: number;
  /** Asks R3F for a new frame (the canvas renders on demand); set by <CameraRig/>. */
  invalidate: () => void;
  /** ms from the pointer event behind a drawing to the frame that recoloured the nodes with its activations (last 2000). */
  latencies: number[];
}

/** The one scene holder of the page. */
export const sceneHolder: SceneHolder = { camera: null, width: 0, height: 0, canvas: null, layout: null, flight: null, framesRendered: 0, latencies: [], invalidate: () => {} };

/** The overview: the whole stack from in front and above. */
export function overviewFlight(layout: NetworkLayout): CameraFlight {
  const { min, max } = layout.bounds;
  const centreY = (min[1] + max[1]) / 2;
  const distance = (max[1] - min[1]) * 1.6 + 30;
  return { position: [0, centreY + distance * VIEW_DOWN[0], distance * VIEW_DOWN[1]], target: [0, centreY, 0] };
}

/** The default viewing direction: 35 degrees down onto the planes, from in front (sin, cos). */
const VIEW_DOWN = [Math.sin((35 * Math.PI) / 180), Math.cos((35 * Math.PI) / 180)] as const;

/** A close look at one layer's plane from in front and above. */
export function layerFlight(layout: NetworkLayout, layerId: string): CameraFlight {
  const layer = layout.layers.find((l) => l.id === layerId);
  if (!layer) throw new Error(`no layer ${layerId}`);
  const y = (layer.bounds.min[1] + layer.bounds.max[1]) / 2;
  const width = layer.bounds.max[0] - layer.bounds.min[0];
  const distance = width * 1.25 + 10;
  return { position: [0, y + distance * 0.7, distance * 0.72], target: [0, y, 0] };
}

/** The flight to a camera preset: 'overview', 'front' or a layer id (an unknown id gives the overview). */
export function presetFlight(layout: NetworkLayout, preset: string): CameraFlight {
  if (preset === 'front') return frontFlight(layout);
  return layout.layers.some((l) => l.id === preset) ? layerFlight(layout, preset) : overviewFlight(layout);
}

/** The whole stack front-on, from in front and above (the first view of earlier versions). */
export function frontFlight(layout: NetworkLayout): CameraFlight {
  const { min, max } = layout.bounds;
  const centreY = (min[1] + max[1]) / 2;
  const distance = (max[1] - min[1]) * 1.6 + 30;
  return { position: [0, centreY + distance * VIEW_DOWN[0], distance * VIEW_DOWN[1]], target: [0, centreY, 0] };
}

/** Flies the camera to a preset and records it in the store (the address and the preset picker read it there). */
export function flyTo(preset: string): void {
  useAppStore.getState().set({ cameraPreset: preset });
  if (sceneHolder.layout) sceneHolder.flight = presetFlight(sceneHolder.layout, preset);
  sceneHolder.invalidate();
}
