/**
 * The app's state as plain data, slice by slice (combined into one store in appStore.ts; the training and
 * interpretation slices are trainingSlice.ts and interpretSlice.ts). Nothing here holds a three.js object or the
 * Worker; activations live in frameHolder.ts.
 */
import type { ActivationRanges } from '../engine/activationRanges';
import type { LayerSpec } from '../engine/model/layerSpec';
import type { PreprocessStages, PixelBox } from '../engine/data/preprocessDrawing';
import type { InputTransform } from '../engine/data/inputTransform';
import type { SweepKind, SweepValues } from '../engine/probe/invarianceSweep';
import type { NodeRef } from '../engine/model/nodeRef';
import type { Language } from '../i18n/catalog';
import type { Message } from '../i18n/message';
import type { Backend } from '../worker/protocol';
import type { PadStroke } from './addressState';
import type { CloseupSettings, ProbePanelSettings } from './closeupSettings';
import type { DamagedRun } from './runStorage';
import type { RunHistorySlice } from './runHistories';
import type { InterpretSlice } from './interpretSlice';
import type { TrainingSlice } from './trainingSlice';

export type { TrainingSlice } from './trainingSlice';
export type { AttributionChoice, InterpretSlice } from './interpretSlice';

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
  /** A note about the engine a person should see (a restart, a lost GPU context), or null. */
  engineNote: Message | null;
  /** Why the engine running is not the one preferred (in the engine's details), or null. */
  engineReason: Message | null;
  error: Message | null;
  /** Set when the engine worker died too often and stays down until the person retries. */
  engineDown: Message | null;
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
  /** What the last export left out of the run file (runArchive.ts exportNote), or null. */
  runNote: Message | null;
  /** The shipped run shown last (where "back to the shipped network" returns). */
  lastShipped: string;
  /** Records in this browser's run storage that could not be used (kept as they are; key '*': the storage itself). */
  damagedRuns: DamagedRun[];
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
  addressNote: readonly Message[] | null;
}

/** How the 3D view draws. */
export interface ViewSlice {
  /** The language the app is shown in (src/i18n). */
  language: Language;
  /** The tutorial chapter opened from the chapters menu (its text is shown), or null. */
  chapter: string | null;
  /** Presentation mode: text scaled for a projector, the control column hidden, the view as large as it can be. */
  presentation: boolean;
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
  /** Of those, the steps taken before on other drawings or labels (the status counts this drawing's from there). */
  stepsBefore: number;
  /** The label taught, and the input it was taught on (the status describes that drawing, whatever is drawn now). */
  label: number;
  input: Float32Array;
  /** The loss before the first step. */
  lossStart: number;
  /** The loss of the taught input after the last step. */
  lossAfter: number;
  /** The step (of this drawing's) after which the reading first equalled the taught label, or null. */
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
  /** How the colours are scaled: each layer by its own largest |δ|, or every layer by the network's largest. */
  deltaScale: 'layer' | 'shared';
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

/** One invariance sweep of the untransformed input, for the selected checkpoint and the shipped runs beside it. */
export interface InvarianceSweepSet {
  readonly kind: SweepKind;
  readonly values: SweepValues;
  /** The selected checkpoint first (`selected`), then each other shipped run at its last checkpoint. */
  readonly runs: readonly {
    readonly run: string;
    readonly epoch: number;
    readonly selected: boolean;
    /** The ten softmax outputs for each value, ordered as `values` (shifts: dy outer, dx inner). */
    readonly probabilities: readonly (readonly number[])[];
  }[];
}

/** The transform probe (probeController.ts): what is applied to the input, and the sweeps computed for it. */
export interface ProbeSlice {
  /** The shift, rotation and scale applied to the input after preprocessing, or null for none. */
  probe: InputTransform | null;
  /** The last sweep of each kind for the input and weights shown (emptied when either changes). */
  sweeps: Partial<Record<SweepKind, InvarianceSweepSet>>;
}

/** The arithmetic close-up of the pinned node and the transform probe's panel (src/ui/closeup, src/ui/probe). */
export interface CloseupSlice {
  closeup: CloseupSettings;
  probePanel: ProbePanelSettings;
}

/** Files on their way: a shipped run's checkpoints (fetched when needed or when the page is idle), offline use. */
export interface DownloadSlice {
  /** For each shipped run, which of its checkpoints the page holds (by index). */
  heldCheckpoints: Record<string, readonly boolean[]>;
  /** A checkpoint asked for (timeline, address, run picker) and still on its way, or null. */
  fetching: { run: string; index: number; epoch: number } | null;
  /** A fetch that failed and is being retried, naming the file; null when nothing is failing. */
  fetchProblem: Message | null;
  /** Fraction of the MNIST test images downloaded for the explorer, or null when no download is under way. */
  testSetProgress: number | null;
  /** The service worker has cached the app and the selected run: the page works with the network off. */
  offlineReady: boolean;
  /** A new version of the app is installed and waits for the person to reload (never reloaded under a drawing). */
  updateReady: boolean;
}

type Slices = EngineSlice &
  RunSlice &
  DrawingSlice &
  ViewSlice &
  TrainingSlice &
  BackpropSlice &
  ExplorerSlice &
  ProbeSlice &
  CloseupSlice &
  DownloadSlice &
  InterpretSlice &
  RunHistorySlice;

export type AppState = Slices & {
  set: (partial: Partial<Slices>) => void;
};
