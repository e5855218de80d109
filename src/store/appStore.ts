/**
 * The app's state as plain data, in slices combined into one zustand store. Nothing here holds a
 * three.js object or the Worker; activations live in frameHolder.ts.
 */
import { create } from 'zustand';
import type { ActivationRanges } from '../engine/activationRanges';
import type { ArchitectureOptions, LayerSpec } from '../engine/model/layerSpec';
import { DEFAULT_ARCHITECTURE } from '../engine/model/lenet5';
import type { PreprocessStages, PixelBox } from '../engine/data/preprocessDrawing';
import type { NodeRef } from '../engine/model/nodeRef';
import type { Backend } from '../worker/protocol';
import type { PadStroke } from './addressState';

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
  /** Set when the engine worker died too often and stays down until the person retries. */
  engineDown: string | null;
  /** The engine worker's restarts in this page. */
  engineRestarts: number;
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
  /** Records in this browser's run storage that could not be used (kept as they are; key '*': the storage itself). */
  damagedRuns: { key: string; problem: string }[];
  /** What the last export left out of the run file (store/runArchive.ts exportNote), or null. */
  runNote: string | null;
}

export interface DrawingSlice {
  input: Float32Array | null;
  stages: PreprocessStages | null;
  inkBox: PixelBox | null;
  padSize: number;
  prediction: Prediction | null;
  /** The pad's strokes as drawn (quarter pad pixels), for the address; emptied by Clear. */
  strokes: readonly PadStroke[];
  /** What was ignored from the page's address when it was restored (shown until dismissed), or null. */
  addressNote: string | null;
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
  history: {
    losses: [number, number][];
    epochs: { epoch: number; testAccuracy: number | null; seconds: number | null }[];
  };
}

/** How the 3D view draws. */
export interface ViewSlice {
  focus: NodeRef | null;
  pinned: boolean;
  traceMode: 'direct' | 'full';
  /** `difference`: colour by the change from the previous checkpoint of the run, for the same drawing. */
  colourMode: 'fixed' | 'perDrawing' | 'difference';
  edgeMode: 'weight' | 'contribution';
  /** The camera preset last chosen: 'overview' (the stack from the front side, looking up), 'front' (front-on), or a layer id's close-up. */
  cameraPreset: string;
  /** Whether "how to read this view" is shown (first visits, until dismissed). */
  viewGuide: boolean;
}

/** The result of teaching the network the drawing (see teachingCopy.ts in the worker). */
export interface TeachingState {
  /** SGD steps taken on the drawing since the checkpoint. */
  steps: number;
  /** The loss before the first step. */
  lossStart: number;
  /** The step after which the reading first equalled the taught label, or null. */
  flippedAfter: number | null;
  /** Test accuracy on the same images before and after the teaching, once measured. */
  cost: { before: number; after: number; images: number } | null;
}

/** One weight's derivative checked against the central finite difference. */
export interface GradientCheckState {
  tensor: string;
  index: number;
  weight: number;
  epsilon: number;
  engineGradient: number;
  analytic: number;
  numeric: number;
  lossPlus: number;
  lossMinus: number;
  relativeDifference: number;
}

/** The backward view: how the network learns from the drawing. */
export interface BackpropSlice {
  /** Which frame the 3D view colours: the activations, or the backward pass's deltas (frameHolder.backward). */
  viewKind: 'forward' | 'backward';
  /** Where a layer has both: colour by δ = dL/dz ('pre') or by dL/d(activation) ('out'). */
  deltaPart: 'pre' | 'out';
  /** The digit the person says the drawing is; null follows the network's reading. */
  trueLabel: number | null;
  /** The loss and label of the backward pass shown. */
  backward: { loss: number; label: number } | null;
  /** performance.now() when the output-to-input sweep began; null once it has ended or was skipped. */
  sweepStart: number | null;
  teaching: TeachingState | null;
  /** The weight picked for the gradient check (a kernel tap clicked, or a random one). */
  selectedWeight: { tensor: string; index: number } | null;
  gradientCheck: GradientCheckState | null;
}

/** Where the network's input comes from: the person's drawing, or a test image loaded from the explorer. */
export type InputSource =
  | { readonly kind: 'drawing' }
  | { readonly kind: 'test'; readonly index: number }
  /** An input restored at full precision from an address (its strokes were too long to carry). */
  | { readonly kind: 'address' };

/** The test-set explorer and the comparison of the two shipped networks. */
export interface ExplorerSlice {
  explorerOpen: boolean;
  inputSource: InputSource;
  /** The confusion-matrix cell whose digits the gallery shows. */
  explorerCell: { truth: number; predicted: number } | null;
  /** Bumped whenever more checkpoint predictions are known (the explorer's data lives in explorerController). */
  predictionsVersion: number;
  /** Compare mode: the other shipped network's reading of the same input. */
  compare: boolean;
  comparison: { run: string; label: number; probabilities: readonly number[] } | null;
}

type Slices = EngineSlice & RunSlice & DrawingSlice & ViewSlice & TrainingSlice & BackpropSlice & ExplorerSlice;

export type AppState = Slices & {
  set: (partial: Partial<Slices>) => void;
};

/** The one store of the app. */
export const useAppStore = create<AppState>((set) => ({
  backend: null,
  renderer: '',
  engineNote: null,
  error: null,
  engineDown: null,
  engineRestarts: 0,
  run: null,
  layers: [],
  ranges: null,
  runNames: [],
  testImages: 10000,
  checkpoints: [],
  checkpointIndex: 0,
  damagedRuns: [],
  runNote: null,
  input: null,
  stages: null,
  inkBox: null,
  padSize: 280,
  prediction: null,
  strokes: [],
  addressNote: null,
  focus: null,
  pinned: false,
  traceMode: 'direct',
  colourMode: 'fixed',
  edgeMode: 'weight',
  cameraPreset: 'overview',
  viewGuide: true,
  training: {
    status: 'idle',
    epoch: 0,
    step: 0,
    loss: null,
    accuracy: null,
    imagesPerSecond: 0,
    imagesDone: 0,
    imagesInEpoch: 0,
  },
  datasetProgress: null,
  trainImages: 60000,
  learningRate: 0.05,
  momentum: 0.9,
  weightDecay: 0,
  batchSize: 64,
  augment: false,
  architecture: DEFAULT_ARCHITECTURE,
  history: { losses: [], epochs: [] },
  viewKind: 'forward',
  deltaPart: 'pre',
  trueLabel: null,
  backward: null,
  sweepStart: null,
  teaching: null,
  selectedWeight: null,
  gradientCheck: null,
  explorerOpen: false,
  inputSource: { kind: 'drawing' },
  explorerCell: null,
  predictionsVersion: 0,
  compare: false,
  comparison: null,
  set: (partial) => set(partial),
}));
