/**
 * Mutable handles into the 3D scene for code outside the R3F tree (the automation API, camera
 * presets, the labels): the camera and canvas size, written by <CameraRig/> every frame, the camera
 * flight requested, and the listeners told after each frame.
 */
import type { Camera } from 'three';
import { useAppStore } from '../store/appStore';
import { presetFlight as fittedFlight, type CameraFlight } from './cameraPresets';
import type { NetworkLayout } from './layout/networkLayout';

export type { CameraFlight } from './cameraPresets';

/** The scene's handles; see the header. */
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
  /** Called in every frame once the camera has moved (the labels follow it). */
  frameListeners: Set<() => void>;
}

/** The one scene holder of the page. */
export const sceneHolder: SceneHolder = {
  camera: null,
  width: 0,
  height: 0,
  canvas: null,
  layout: null,
  flight: null,
  framesRendered: 0,
  latencies: [],
  invalidate: () => {},
  frameListeners: new Set(),
};

/** The flight to a camera preset ('overview', 'front' or a layer id), fitted to the canvas's current size. */
export function presetFlight(layout: NetworkLayout, preset: string): CameraFlight {
  return fittedFlight(layout, preset, { width: sceneHolder.width, height: sceneHolder.height });
}

/** Flies the camera to a preset and records it in the store (the address and the preset picker read it there). */
export function flyTo(preset: string): void {
  useAppStore.getState().set({ cameraPreset: preset });
  if (sceneHolder.layout) sceneHolder.flight = presetFlight(sceneHolder.layout, preset);
  sceneHolder.invalidate();
}
