/**
 * The shape of `window.lenet` (documented in the README's automation API): the core members here, the backward
 * view's, the transform probe's and interpretation's members in their own modules.
 */
import type { InputTransform } from '../../engine/data/inputTransform';
import type { NodeRef } from '../../engine/model/nodeRef';
import type { HighlightedNode } from '../../viz/highlights';
import type { BackpropAutomation } from './backpropAutomation';
import type { CombinationsAutomation } from './combinationsAutomation';
import type { InterpretAutomation } from './interpretAutomation';
import type { ProbeAutomation } from './probeAutomation';

/** What `window.lenet.state()` gives. */
export type AutomationState = {
  backend: 'webgl2' | 'wasm' | 'cpu' | null;
  prediction: { label: number; probabilities: number[] } | null;
  run: string | null;
  checkpoint: number | null;
  checkpoints: { epoch: number; testAccuracy: number | null }[];
  focus: NodeRef | null;
  traceMode: 'direct' | 'full';
  /** How the view colours nodes, and the camera preset last chosen ('overview', 'front' or a layer id). */
  colourMode: 'fixed' | 'perDrawing' | 'difference';
  cameraPreset: string;
  training: {
    status: 'idle' | 'running' | 'paused';
    epoch: number;
    step: number;
    loss: number | null;
    imagesPerSecond: number;
  };
  /** The backward view: which frame the 3D view colours, the label chosen, the shown backward pass, the teaching. */
  view: 'forward' | 'backward';
  trueLabel: number | null;
  backward: { loss: number; label: number } | null;
  teaching: { steps: number; flippedAfter: number | null } | null;
  /** The transform probe's shift, rotation and scale, or null when none is set. */
  probe: InputTransform | null;
  /** Where the input comes from: the drawing, a test image loaded from the explorer, or an input restored from an address. */
  inputSource: { kind: 'drawing' } | { kind: 'test'; index: number } | { kind: 'address' };
  /** The engine worker's restarts in this page, and the message when it stays down. */
  engine: { restarts: number; down: string | null };
  /** The language the app is shown in. */
  language: 'en' | 'zh';
  /** The tutorial chapter open, or null. */
  chapter: string | null;
  /** Presentation mode (a projector: large text, no control column). */
  presentation: boolean;
  /** The backward view's colour scale: each layer by its own largest |δ|, or one shared scale. */
  deltaScale: 'layer' | 'shared';
  /** The epochs of the selected run's checkpoints the page holds (a shipped run's arrive when needed or when idle). */
  fetchedEpochs: number[];
  /** The service worker has cached the app and the selected run: the page works with the network off. */
  offlineReady: boolean;
};

/** The shape of `window.lenet`. */
export interface LenetAutomation
  extends ProbeAutomation, BackpropAutomation, InterpretAutomation, CombinationsAutomation {
  ready: Promise<void>;
  state(): AutomationState;
  layers(): { id: string; kind: 'input' | 'conv' | 'pool' | 'dense'; shape: [number, number, number] }[];
  activations(layerId: string): number[];
  input(): number[];
  screenPosition(node: NodeRef): { x: number; y: number } | null;
  /** The box round the node's tile on screen (page CSS pixels), or null when it is behind the camera or not drawn yet. */
  screenRect(node: NodeRef): { left: number; top: number; right: number; bottom: number } | null;
  highlighted(): HighlightedNode[];
  focus(node: NodeRef | null): void;
  setTraceMode(mode: 'direct' | 'full'): void;
  selectCheckpoint(epoch: number): Promise<void>;
  /** Opens a tutorial chapter (ids in src/ui/chapters/chapterList.ts): its text, and the state that shows its section. */
  openChapter(id: string): Promise<void>;
  /** The 10x10 counts [true][predicted] of the selected checkpoint over the test images it was evaluated on. */
  confusion(): Promise<number[][]>;
  /** Loads MNIST test image `index` as the input, as clicking it in the explorer's gallery does. */
  loadTestDigit(index: number): Promise<void>;
  /** For tests of the engine's supervision: the worker closes itself (as a crash would) or stops answering. */
  simulateEngineFault(fault: 'close' | 'hang'): void;
  /** Measurements for `npm run bench:ui`: pointer-to-frame latencies (ms) and frames rendered. */
  metrics(): { latencies: number[]; framesRendered: number };
  /** The full address of the reading shown now (run, checkpoint, drawing, view, backward label), as the share button copies it. */
  shareUrl(): string;
}

declare global {
  interface Window {
    lenet: LenetAutomation;
  }
}
