/**
 * `window.lenet`: the automation API end-to-end tests and scripts drive the app through (documented
 * in the README). Present in development and production builds.
 */
import { openChapter } from '../chapters/openChapter';
import { i18n } from '../../i18n/i18n';
import { messageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { frameHolder } from '../../store/frameHolder';
import { networkInput } from '../../store/networkInput';
import { highlightedNodes } from '../../viz/highlights';
import { nodeIndex } from '../../engine/model/nodeRef';
import { nodeCanvasPosition, nodeScreenRect } from '../../viz/nodeScreenPosition';
import { sceneHolder } from '../../viz/sceneHolder';
import { followAddress, shareUrl } from '../address/addressSync';
import { backpropAutomation } from './backpropAutomation';
import { combinationsAutomation } from './combinationsAutomation';
import { interpretAutomation } from './interpretAutomation';
import { probeAutomation } from './probeAutomation';

export type { LenetAutomation } from './lenetAutomation';

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
    confusion: () => require().explorer.confusion(),
    simulateEngineFault(fault) {
      if (fault !== 'close' && fault !== 'hang') throw new Error(`a fault is 'close' or 'hang', got ${String(fault)}`);
      require().simulateFault(fault);
    },
    loadTestDigit: (index) => require().explorer.loadTestDigit(index),
    shareUrl,
    ...probeAutomation(require, currentLayers),
    ...backpropAutomation(require, currentLayers),
    ...interpretAutomation(require),
    ...combinationsAutomation(require),
    async selectCheckpoint(epoch) {
      const index = useAppStore.getState().checkpoints.findIndex((c) => c.epoch === epoch);
      if (index < 0) throw new Error(`no checkpoint at epoch ${epoch}`);
      await require().selectCheckpoint(index);
    },
  };
}
