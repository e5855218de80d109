/**
 * The app's state as plain data, in slices combined into one zustand store. Nothing here holds a
 * three.js object or the Worker; activations live in frameHolder.ts.
 */
import { create } from 'zustand';
import type { ActivationRanges } from '../engine/activationRanges';
import type { ArchitectureOptions, LayerSpec } from '../engine/model/layerSpec';
import { DEFAULT_ARCHITECTURE } from '../engine/model/lenet5';
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
  /** The selected run's layers (the view, tooltips and fan-in follow its architecture). */
  layers: readonly LayerSpec[];
  /** Colour ranges for the selected run, or null to scale per drawing. */
  ranges: ActivationRanges | null;
  /** Every run the page holds, for the run picker. */
  runNames: string[];
  /** How many test images the checkpoints' accuracies were measured on. */
  testImages: number;
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

/** A training run in this page. */
export interface TrainingSlice {
  training: {
    status: 'idle' | 'running' | 'paused';
    epoch: number;
    step: number;
    loss: number | null;
    accuracy: number | null;
    imagesPerSecond: number;
    imagesDone: number;
    imagesInEpoch: number;
  };
  /** Fraction of MNIST downloaded, or null when no download is under way. */
  datasetProgress: number | null;
  /** Training images used (60,000 unless a subset was asked for with ?trainSubset=N). */
  trainImages: number;
  learningRate: number;
  momentum: number;
  weightDecay: number;
  /** Fixed when a run starts (Reset applies a change). */
  batchSize: number;
  augment: boolean;
  /** The architecture of the next run started here (structural options start a new run). */
  architecture: ArchitectureOptions;
  /** The run's history for the charts: mean loss per report ([step, loss]) and each whole epoch's test accuracy and duration. */
  history: { losses: [number, number][]; epochs: { epoch: number; testAccuracy: number | null; seconds: number | null }[] };
}

/** How the 3D view draws. */
export interface ViewSlice {
  focus: NodeRef | null;
  pinned: boolean;
  traceMode: 'direct' | 'full';
  /** `difference`: colour by the change from the previous checkpoint of the run, for the same drawing. */
  colourMode: 'fixed' | 'perDrawing' | 'difference';
  edgeMode: 'weight' | 'contribution';
}

type Slices = EngineSlice & RunSlice & DrawingSlice & ViewSlice & TrainingSlice;

export type AppState = Slices & {
  set: (partial: Partial<Slices>) => void;
};

/** The one store of the app. */
export const useAppStore = create<AppState>((set) => ({
  backend: null, renderer: '', engineNote: null, error: null,
  run: null, layers: [], ranges: null, runNames: [], testImages: 10000, checkpoints: [], checkpointIndex: 0,
  input: null, stages: null, inkBox: null, padSize: 280, prediction: null,
  focus: null, pinned: false, traceMode: 'direct', colourMode: 'fixed', edgeMode: 'weight',
  training: { status: 'idle', epoch: 0, step: 0, loss: null, accuracy: null, imagesPerSecond: 0, imagesDone: 0, imagesInEpoch: 0 },
  datasetProgress: null, trainImages: 60000, learningRate: 0.05, momentum: 0.9, weightDecay: 0, batchSize: 64, augment: false, architecture: DEFAULT_ARCHITECTURE, history: { losses: [], epochs: [] },
  set: (partial) => set(partial),
}));
