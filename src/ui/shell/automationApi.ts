/**
 * `window.lenet`: the automation API end-to-end tests and scripts drive the app through (documented
 * in the README). Present in development and production builds.
 */
import { openChapter } from '../chapters/openChapter';
import { i18n } from '../../i18n/i18n';
import { messageText } from '../../i18n/useMessage';
import type { AttributionMethod, AttributionOptions } from '../../engine/interpret/attribute';
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { frameHolder } from '../../store/frameHolder';
import { networkInput } from '../../store/networkInput';
import { highlightedNodes, type HighlightedNode } from '../../viz/highlights';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { nodeCanvasPosition, nodeScreenRect } from '../../viz/nodeScreenPosition';
import { sceneHolder } from '../../viz/sceneHolder';
import { followAddress, shareUrl } from '../address/addressSync';
import { probeAutomation, type ProbeAutomation } from './probeAutomation';
import type { InputTransform } from '../../engine/data/inputTransform';

/** The shape of `window.lenet`. */
export interface LenetAutomation extends ProbeAutomation {
  ready: Promise<void>;
  state(): {
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
  /** The backward pass of the current input against `label`; the view switches to it. */
  backward(label: number): Promise<{ loss: number }>;
  /** Opens a tutorial chapter (ids in src/ui/chapters/chapterList.ts): its text, and the state that shows its section. */
  openChapter(id: string): Promise<void>;
  /** Of the last backward pass: dL/d(output) and dL/dz (null where the layer has none), flattened [c][y][x]. */
  deltas(layerId: string): { out: number[] | null; pre: number[] | null };
  /** dL/d(a manifest tensor) of the last backward pass, in the manifest's layout. */
  gradient(tensorName: string): number[];
  /** SGD steps on the current input with `label` on a teaching copy of the selected checkpoint. */
  teach(label: number, steps?: number, learningRate?: number): Promise<{ lossBefore: number; lossAfter: number }>;
  /** Returns to the selected checkpoint exactly. */
  undoTeach(): Promise<void>;
  /** The 10x10 counts [true][predicted] of the selected checkpoint over the test images it was evaluated on. */
  confusion(): Promise<number[][]>;
  /** Loads MNIST test image `index` as the input, as clicking it in the explorer's gallery does. */
  loadTestDigit(index: number): Promise<void>;
  /** For tests of the engine's supervision: the worker closes itself (as a crash would) or stops answering. */
  simulateEngineFault(fault: 'close' | 'hang'): void;
  /** Measurements for `npm run bench:ui`: pointer-to-frame latencies (ms) and frames rendered. */
  metrics(): { latencies: number[]; framesRendered: number };
  /**
   * An attribution of the current input by the network shown: `map` 1,024 values (32x32, signed, in the logit's
   * units), `raw` the layer-sized cam (Grad-CAM) or the drop per patch position (occlusion), `score` z_t(x) (or
   * z_A − z_B), `baseline` z_t(0) (integrated gradients).
   */
  attribution(
    method: AttributionMethod,
    options?: AttributionOptions,
  ): Promise<{ map: number[]; raw?: number[]; target: number; score: number; baseline?: number }>;
  /** The `k` test digits that excite `node` most at the selected checkpoint, by value descending (ties to the lower index). */
  topImages(node: NodeRef, k: number): Promise<{ index: number; value: number }[]>;
  /** The input in [0, 1] that maximizes `node` at the selected checkpoint, and the node's value on it. */
  featureImage(node: NodeRef): Promise<{ image: number[]; value: number; steps: number }>;
  /** The full address of the reading shown now (run, checkpoint, drawing, view, backward label), as the share button copies it. */
  shareUrl(): string;
}

function checkDigit(label: number): void {
  if (!Number.isInteger(label) || label < 0 || label > 9)
    throw new Error(`a label is a digit 0-9, got ${String(label)}`);
}

declare global {
  interface Window {
    lenet: LenetAutomation;
  }
}

/** Installs `window.lenet`; `connection` resolves once the engine and run are up; `ready` also waits for the page's address to be restored. */
export function installAutomationApi(connection: Promise<EngineConnection>): void {
  let current: EngineConnection | null = null;
  const require = () => {
    if (!current) throw new Error('window.lenet is not ready yet: await window.lenet.ready');
    return current;
  };
  const ready = connection.then(async (c) => {
    current = c;
    while (sceneHolder.framesRendered === 0) await new Promise((r) => requestAnimationFrame(r));
    await followAddress(c);
  });
  const currentLayers = () => {
    require();
    return useAppStore.getState().layers;
  };
  const layerIndex = (id: string) => {
    const index = currentLayers().findIndex((l) => l.id === id);
    if (index < 0)
      throw new Error(
        `no layer ${id}; layers: ${currentLayers()
          .map((l) => l.id)
          .join(', ')}`,
      );
    return index;
  };

  window.lenet = {
    ready,
    state() {
      const s = useAppStore.getState();
      return {
        backend: s.backend,
        prediction: s.prediction ? { label: s.prediction.label, probabilities: [...s.prediction.probabilities] } : null,
        run: s.run,
        checkpoint: s.checkpoints[s.checkpointIndex]?.epoch ?? null,
        checkpoints: s.checkpoints.map((c) => ({ ...c })),
        focus: s.focus,
        traceMode: s.traceMode,
        colourMode: s.colourMode,
        cameraPreset: s.cameraPreset,
        training: {
          status: s.training.status,
          epoch: s.training.epoch,
          step: s.training.step,
          loss: s.training.loss,
          imagesPerSecond: s.training.imagesPerSecond,
        },
        view: s.viewKind,
        trueLabel: s.trueLabel,
        backward: s.backward ? { ...s.backward } : null,
        teaching: s.teaching ? { steps: s.teaching.steps, flippedAfter: s.teaching.flippedAfter } : null,
        probe: s.probe ? { ...s.probe } : null,
        inputSource: { ...s.inputSource },
        engine: { restarts: s.engineRestarts, down: s.engineDown && messageText(i18n.t, s.engineDown) },
        language: s.language,
        chapter: s.chapter,
        presentation: s.presentation,
        deltaScale: s.deltaScale,
        fetchedEpochs: s.checkpoints
          .filter((_, i) => (s.run === null ? false : (s.heldCheckpoints[s.run]?.[i] ?? true)))
          .map((c) => c.epoch),
        offlineReady: s.offlineReady,
      };
    },
    layers: () =>
      currentLayers().map((l) => ({ id: l.id, kind: l.kind, shape: [...l.shape] as [number, number, number] })),
    activations(layerId) {
      const l = layerIndex(layerId);
      const frame = frameHolder.frame;
      const size = currentLayers()[l].shape.reduce((a, b) => a * b, 1);
      if (!frame) return new Array<number>(size).fill(0);
      const [offset, count] = frame.layers[l].out;
      return Array.from(frame.values.subarray(offset, offset + count));
    },
    input: () => Array.from(networkInput() ?? new Float32Array(1024)),
    screenPosition(node) {
      layerIndex(node.layer); // an unknown layer is an error, not "off screen"
      const { canvas } = sceneHolder;
      const p = canvas ? nodeCanvasPosition(currentLayers(), node) : null;
      if (!canvas || !p) return null;
      const rect = canvas.getBoundingClientRect();
      const x = rect.left + p.x,
        y = rect.top + p.y;
      const inside =
        x >= rect.left &&
        x < rect.right &&
        y >= rect.top &&
        y < rect.bottom &&
        x >= 0 &&
        y >= 0 &&
        x < window.innerWidth &&
        y < window.innerHeight;
      return inside ? { x, y } : null;
    },
    screenRect(node) {
      layerIndex(node.layer);
      const { canvas } = sceneHolder;
      const r = canvas ? nodeScreenRect(currentLayers(), node) : null;
      if (!canvas || !r) return null;
      const { left, top } = canvas.getBoundingClientRect();
      return { left: left + r.left, top: top + r.top, right: left + r.right, bottom: top + r.bottom };
    },
    highlighted() {
      const s = useAppStore.getState();
      return highlightedNodes(currentLayers(), s.focus, s.traceMode, frameHolder.frame);
    },
    focus(node) {
      if (node) nodeIndex(currentLayers()[layerIndex(node.layer)], node);
      useAppStore.getState().set({ focus: node, pinned: node !== null });
    },
    setTraceMode(mode) {
      if (mode !== 'direct' && mode !== 'full')
        throw new Error(`trace mode must be 'direct' or 'full', got ${String(mode)}`);
      useAppStore.getState().set({ traceMode: mode });
    },
    metrics: () => ({ latencies: [...sceneHolder.latencies], framesRendered: sceneHolder.framesRendered }),
    openChapter: (id) => openChapter(require(), id),
    async backward(label) {
      checkDigit(label);
      const connection = require();
      const store = useAppStore.getState();
      store.set({ trueLabel: label, viewKind: 'backward', sweepStart: performance.now() });
      if (store.input) await connection.infer(store.input);
      else await connection.backprop.read(new Float32Array(1024)); // an empty pad reads as a blank input
      const shown = frameHolder.backward;
      if (!shown || shown.label !== label) throw new Error('the backward pass did not complete');
      return { loss: shown.loss };
    },
    deltas(layerId) {
      layerIndex(layerId);
      const shown = frameHolder.backward;
      if (!shown) throw new Error('no backward pass yet: call window.lenet.backward(label) first');
      const layer = shown.layers.find((l) => l.id === layerId)!;
      const part = (range: readonly [number, number] | null) =>
        range ? Array.from(shown.values.subarray(range[0], range[0] + range[1])) : null;
      return { out: part(layer.out), pre: part(layer.pre) };
    },
    gradient(tensorName) {
      const shown = frameHolder.backward;
      if (!shown) throw new Error('no backward pass yet: call window.lenet.backward(label) first');
      const spec = tensorSpec(parameterLayout(currentLayers()), tensorName);
      return Array.from(shown.gradients.subarray(spec.offset, spec.offset + spec.size));
    },
    async teach(label, steps = 1, learningRate = 0.01) {
      checkDigit(label);
      return require().backprop.teach(label, steps, learningRate);
    },
    async undoTeach() {
      await require().backprop.undo();
    },
    confusion: () => require().explorer.confusion(),
    simulateEngineFault(fault) {
      if (fault !== 'close' && fault !== 'hang') throw new Error(`a fault is 'close' or 'hang', got ${String(fault)}`);
      require().simulateFault(fault);
    },
    loadTestDigit: (index) => require().explorer.loadTestDigit(index),
    shareUrl,
    ...probeAutomation(require, currentLayers),
    async attribution(method, options = {}) {
      const result = await require().interpret.attribution(method, options);
      return {
        map: Array.from(result.map),
        ...(result.raw ? { raw: Array.from(result.raw) } : {}),
        target: result.target,
        score: result.score,
        ...(result.baseline !== null ? { baseline: result.baseline } : {}),
      };
    },
    topImages: (node, k = 9) => require().interpret.topImages(node, k),
    async featureImage(node) {
      const feature = await require().interpret.featureImage(node);
      return { image: Array.from(feature.image), value: feature.value, steps: feature.steps };
    },
    async selectCheckpoint(epoch) {
      const index = useAppStore.getState().checkpoints.findIndex((c) => c.epoch === epoch);
      if (index < 0) throw new Error(`no checkpoint at epoch ${epoch}`);
      await require().selectCheckpoint(index);
    },
  };
}
