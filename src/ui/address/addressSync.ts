/**
 * The page's address and the app's reading (the codec is store/addressState.ts): restores an address once
 * the engine is up (run, checkpoint, the drawing read by the network, the view, the backward view, in that
 * order; whatever cannot be used is named in a note, never thrown), then keeps the address in step with
 * history.replaceState (never a new history entry); what it writes, and the share button's link, are readingAddress.ts.
 */
import { chapterById } from '../chapters/chapterList';
import { openChapter } from '../chapters/openChapter';
import { applyLanguage } from '../../i18n/i18n';
import {
  decodeAddress,
  encodeAddress,
  type AddressDrawing,
  type AddressField,
  type AddressState,
} from '../../store/addressState';
import { errorText, message as i18nMessage, type Message } from '../../i18n/message';
import { useAppStore, type AppState } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { nodeIndex } from '../../engine/model/nodeRef';
import { flyTo } from '../../viz/sceneHolder';
import { PAD_SIZE, readStrokes } from '../pad/padStrokes';
import { applyProbeFields, PROBE_WATCHED } from './probeFields';
import { addressStateOf, isShippedRun } from './readingAddress';

export { addressStateOf, isShippedRun, shareUrl } from './readingAddress';

/** The address is rewritten at most this often (ms): browsers refuse bursts of history.replaceState. */
const SYNC_INTERVAL = 300;

/** The store fields the address follows. */
const WATCHED: readonly (keyof AppState)[] = [
  'run',
  'checkpoints',
  'checkpointIndex',
  'strokes',
  'inputSource',
  'focus',
  'pinned',
  'traceMode',
  'colourMode',
  'cameraPreset',
  'viewKind',
  'trueLabel',
  'language',
  'chapter',
  'presentation',
  'attribution',
  'portraitOpen',
  ...PROBE_WATCHED,
];

/** A note that restoring `field` failed with `error`. */
const failed = (field: AddressField, error: unknown): Message =>
  i18nMessage('address', 'ignored.failed', {
    field: i18nMessage('address', `field.${field}`),
    detail: errorText(error),
  });

/** Shows the checkpoint the address names (in the shipped run it names); returns what could not be used. */
async function applyRun(connection: EngineConnection, state: AddressState, ignored: Message[]): Promise<void> {
  let record = connection.selectedRun();
  if (state.run !== null) {
    const named = isShippedRun(state.run) ? connection.runs.get(state.run) : undefined;
    if (named) record = named;
    else ignored.push(i18nMessage('address', 'ignored.notShipped', { run: state.run }));
  }
  let index = record === connection.selectedRun() ? connection.selectedIndex() : record.checkpoints.length - 1;
  if (state.epoch !== null) {
    const at = record.checkpoints.findIndex((c) => c.epoch === state.epoch);
    if (at >= 0) index = at;
    else ignored.push(i18nMessage('address', 'ignored.noEpoch', { epoch: state.epoch }));
  }
  if (record !== connection.selectedRun() || index !== connection.selectedIndex())
    await connection.showRun(record, index);
}

/** Puts the address's drawing on the pad (strokes), or its input or test digit, and has the network read it. */
async function applyDrawing(connection: EngineConnection, drawing: AddressDrawing): Promise<void> {
  const set = useAppStore.getState().set;
  if (drawing.kind === 'test') return connection.explorer.loadTestDigit(drawing.index);
  if (drawing.kind === 'input') {
    set({
      strokes: [],
      input: drawing.input,
      stages: null,
      inkBox: null,
      padSize: PAD_SIZE,
      inputSource: { kind: 'address' },
    });
    return connection.infer(drawing.input);
  }
  const read = readStrokes(drawing.strokes);
  set({
    strokes: drawing.strokes,
    input: read.input,
    stages: read.stages,
    inkBox: read.inkBox,
    padSize: PAD_SIZE,
    inputSource: { kind: 'drawing' },
  });
  return connection.infer(read.input);
}

/** Applies the focus, trace and colour modes and camera preset, each checked against the run shown. */
function applyView(state: AddressState, ignored: Message[]): void {
  const { layers, set } = useAppStore.getState();
  if (state.focus) {
    const layer = layers.find((l) => l.id === state.focus!.layer);
    try {
      if (!layer) ignored.push(i18nMessage('address', 'ignored.noLayer', { layer: state.focus.layer }));
      else {
        nodeIndex(layer, state.focus);
        set({ focus: state.focus, pinned: true });
      }
    } catch (error) {
      ignored.push(failed('focus', error));
    }
  }
  if (state.traceMode) set({ traceMode: state.traceMode });
  if (state.colourMode) set({ colourMode: state.colourMode });
  if (state.cameraPreset) {
    if (['overview', 'front', ...layers.map((l) => l.id)].includes(state.cameraPreset)) flyTo(state.cameraPreset);
    else ignored.push(i18nMessage('address', 'ignored.noPreset', { preset: state.cameraPreset }));
  }
}

/** Restores an address fragment (run, checkpoint, drawing, view, backward view); notes what was ignored; never throws. */
export async function applyAddress(connection: EngineConnection, fragment: string): Promise<Message[]> {
  const { state, ignored } = decodeAddress(fragment);
  const step = async (name: AddressField, action: () => Promise<void> | void) => {
    try {
      await action();
    } catch (error) {
      ignored.push(failed(name, error));
    }
  };
  if (state.presentation) useAppStore.getState().set({ presentation: true });
  if (state.language && state.language !== useAppStore.getState().language) {
    applyLanguage(state.language, false);
    useAppStore.getState().set({ language: state.language });
  }
  await step('run', () => applyRun(connection, state, ignored));
  if (state.drawing) await step('drawing', () => applyDrawing(connection, state.drawing!));
  await step('view', () => applyView(state, ignored));
  // The heatmap on the pad and the neuron portrait (src/ui/attribution and src/ui/portraits draw them once they are set).
  const { attribution: current, set } = useAppStore.getState();
  if (state.attribution) set({ attribution: { ...current, ...state.attribution, on: true } });
  if (state.portrait) set({ portraitOpen: true });
  await applyProbeFields(connection, state, step);
  if (state.backward !== null) {
    await step('backward', async () => {
      const { set } = useAppStore.getState();
      set({ trueLabel: state.backward === 'reading' ? null : state.backward, viewKind: 'backward' });
      const input = useAppStore.getState().input;
      if (input) await connection.infer(input);
      else await connection.backprop.read(new Float32Array(1024)); // an empty pad reads as a blank input, as window.lenet.backward does
    });
  }
  if (state.chapter !== null) {
    const chapter = state.chapter;
    if (!chapterById(chapter)) ignored.push(i18nMessage('address', 'ignored.noChapter', { chapter }));
    // An address that names only the chapter opens it (its scene is set up); one written while a chapter was open
    // carries the scene itself, restored above, and only shows the chapter's text again.
    else if (
      state.focus === null &&
      state.drawing === null &&
      state.backward === null &&
      state.probe === null &&
      state.probePanel === null
    )
      await step('chapter', () => openChapter(connection, chapter));
    else useAppStore.getState().set({ chapter });
  }
  useAppStore.getState().set({ addressNote: ignored.length > 0 ? ignored : null });
  return ignored;
}

/**
 * Restores the page's address, then keeps it in step with the app (history.replaceState at most every 300 ms,
 * after a stroke ends rather than during it) and applies an address pasted into the same tab (hashchange).
 */
export async function followAddress(connection: EngineConnection): Promise<void> {
  let restoring = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = 0;
  const write = () => {
    timer = null;
    if (restoring) return;
    lastWrite = performance.now();
    const hash = `#${encodeAddress(addressStateOf(useAppStore.getState()))}`;
    if (location.hash !== hash)
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  };
  const restore = async (fragment: string) => {
    restoring = true;
    try {
      await applyAddress(connection, fragment);
    } finally {
      restoring = false;
    }
    if (fragment.replace(/^#/, '') !== '') write(); // what was ignored leaves the address
  };
  useAppStore.subscribe((s, before) => {
    if (timer || restoring || !WATCHED.some((key) => s[key] !== before[key])) return;
    timer = setTimeout(write, Math.max(0, SYNC_INTERVAL - (performance.now() - lastWrite)));
  });
  window.addEventListener('hashchange', () => {
    if (!restoring) void restore(location.hash);
  });
  await restore(location.hash);
}
