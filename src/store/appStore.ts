/**
 * The app's state as plain data, in slices combined into one zustand store. Nothing here holds a
 * three.js object or the Worker; activations live in frameHolder.ts.
 */
import { create } from 'zustand';
import type { PreprocessStages, PixelBox } from '../engine/data/preprocessDrawing';
import type { NodeRef } from '../viz/layout/networkLayout';
import type { Backend } from '../worker/protocol';

/** The network's reading of the drawing. */
export interface Prediction {
  readonly label: number;
  readonly probabilities: readonly number[];
}

/** One checkpoint as the timeline lists it. */
export interface CheckpointSummary {
  readonly epoch: number;
  readonly testAccuracy: number | null;
}

export interface EngineSlice {
  backend: Backend | null;
  renderer: string;
  engineNote: string | null;
  error: string | null;
}

export interface RunSlice {
  run: string | null;
  checkpoints: CheckpointSummary[];
  checkpointIndex: number;
}

export interface DrawingSlice {
  input: Float32Array | null;
  stages: PreprocessStages | null;
  inkBox: PixelBox | null;
  padSize: number;
  prediction: Prediction | null;
}

/** How the 3D view draws. */
export interface ViewSlice {
  focus: NodeRef | null;
  pinned: boolean;
  traceMode: 'direct' | 'full';
  colourMode: 'fixed' | 'perDrawing';
  edgeMode: 'weight' | 'contribution';
}

export type AppState = EngineSlice & RunSlice & DrawingSlice & ViewSlice & {
  set: (partial: Partial<EngineSlice & RunSlice & DrawingSlice & ViewSlice>) => void;
};

/** The one store of the app. */
export const useAppStore = create<AppState>((set) => ({
  backend: null, renderer: '', engineNote: null, error: null,
  run: null, checkpoints: [], checkpointIndex: 0,
  input: null, stages: null, inkBox: null, padSize: 280, prediction: null,
  focus: null, pinned: false, traceMode: 'direct', colourMode: 'fixed', edgeMode: 'weight',
  set: (partial) => set(partial),
}));
