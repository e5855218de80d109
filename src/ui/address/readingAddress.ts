/** What the address carries for the reading shown (shipped runs only by name), and the link the share button copies. */
import { drawingToCarry, encodeAddress, type AddressDrawing, type AddressState } from '../../store/addressState';
import { useAppStore, type AppState } from '../../store/appStore';
import { SHIPPED_RUNS } from '../../store/compareReading';
import { probeFieldsOf } from './probeFields';

/** Whether `run` is a shipped network (the only runs an address names; one trained or imported here stays in this browser). */
export function isShippedRun(run: string | null): boolean {
  return run !== null && Object.hasOwn(SHIPPED_RUNS, run);
}

/** What the address carries for the app state `s`: a pinned focus only, the run and checkpoint only for a shipped run. */
export function addressStateOf(s: AppState): AddressState {
  const shipped = isShippedRun(s.run);
  const source = s.inputSource;
  const drawing: AddressDrawing | null =
    source.kind === 'test'
      ? { kind: 'test', index: source.index }
      : source.kind === 'address'
        ? s.input && { kind: 'input', input: s.input }
        : drawingToCarry(s.strokes, s.input);
  return {
    run: shipped ? s.run : null,
    epoch: shipped ? (s.checkpoints[s.checkpointIndex]?.epoch ?? null) : null,
    drawing,
    focus: s.pinned ? s.focus : null,
    traceMode: s.traceMode,
    colourMode: s.colourMode,
    cameraPreset: s.cameraPreset,
    backward: s.viewKind === 'backward' ? (s.trueLabel ?? 'reading') : null,
    language: s.language,
    chapter: s.chapter,
    presentation: s.presentation || null,
    attribution: s.attribution.on
      ? { method: s.attribution.method, target: s.attribution.target, contrast: s.attribution.contrast }
      : null,
    portrait: s.portraitOpen || null,
    ...probeFieldsOf(s),
  };
}

/** The full address of the reading shown now (query kept as it is, e.g. `?backend=`; the state in the fragment). */
export function shareUrl(): string {
  return `${location.origin}${location.pathname}${location.search}#${encodeAddress(addressStateOf(useAppStore.getState()))}`;
}
