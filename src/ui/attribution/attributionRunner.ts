/**
 * Keeps the attribution shown on the pad in step with what the network reads: every new frame (a stroke
 * drawn, a test digit loaded, another checkpoint, a teaching step, a run training, the transform probe) and
 * every change of method, target or option asks the engine again. The methods that cost one backward pass
 * (gradient, gradient × input, Grad-CAM: well under a millisecond on the WebAssembly engine) follow the pen
 * at once, one request in flight at a time with the newest input waiting; the others (many passes) wait
 * until the input has been still for QUIET_MS and the pen is up (at most MAX_WAIT_MS while it is up), so
 * drawing never queues behind them. The result goes to frameHolder.attribution; the status (busy, a
 * problem) to `attributionStatus`.
 */
import type { AttributionMethod, AttributionOptions } from '../../engine/interpret/attribute';
import { errorText } from '../../i18n/message';
import { useAppStore, type AttributionChoice } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { frameHolder, frameListeners, showAttribution } from '../../store/frameHolder';
import { networkInput } from '../../store/networkInput';

/** A slow method waits until the input has been still this long (ms). */
export const QUIET_MS = 200;
/** ...but no longer than this after the first change it waits for, when the pen is up (a run training streams frames). */
export const MAX_WAIT_MS = 1000;

/** The methods cheap enough to follow the pen. */
export function followsPen(method: AttributionMethod): boolean {
  return method === 'gradient' || method === 'gradientInput' || method === 'gradcam';
}

/** What the read-outs show besides the map. */
export interface AttributionStatus {
  /** A request in flight or waiting for the pen. */
  readonly busy: boolean;
  /** Why no map could be computed (the engine's words), or null. */
  readonly problem: string | null;
  /** "A rather than A" was asked for: the digit, or null. */
  readonly sameDigits: number | null;
}

let status: AttributionStatus = { busy: false, problem: null, sameDigits: null };
const statusListeners = new Set<() => void>();

/** The status now (for useSyncExternalStore). */
export const attributionStatus = {
  get: (): AttributionStatus => status,
  subscribe(listener: () => void): () => void {
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
  },
};

/** Changes the status, telling its readers only when something changed (it is set up to every frame while drawing). */
function setStatus(next: Partial<AttributionStatus>): void {
  const changed = (Object.keys(next) as (keyof AttributionStatus)[]).some((key) => next[key] !== status[key]);
  if (!changed) return;
  status = { ...status, ...next };
  statusListeners.forEach((listener) => listener());
}

/** The engine's options for a choice. */
export function optionsOf(choice: AttributionChoice): AttributionOptions {
  return {
    ...(choice.target !== null ? { target: choice.target } : {}),
    contrast: choice.contrast,
    samples: choice.samples,
    sigma: choice.sigma,
    steps: choice.steps,
    patch: choice.patch,
    layer: choice.layer,
  };
}

/** Starts following the network's reading for `engine`; returns the function that stops it (and clears the map). */
export function startAttributionRunner(engine: EngineConnection): () => void {
  let inFlight = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waitingSince: number | null = null;
  let penDown = false;
  let lastFrame = frameHolder.frame;
  let stopped = false;

  const show = (attribution: typeof frameHolder.attribution) =>
    showAttribution(attribution, useAppStore.getState().attributionOnView);

  const request = async () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    const choice = useAppStore.getState().attribution;
    const prediction = useAppStore.getState().prediction;
    if (!networkInput() || !prediction) {
      show(null);
      setStatus({ busy: false, problem: null, sameDigits: null });
      return;
    }
    const explained = choice.target ?? prediction.label;
    if (choice.contrast === explained) {
      show(null);
      setStatus({ busy: false, problem: null, sameDigits: explained });
      return;
    }
    inFlight = true;
    // The one-pass methods answer within a frame: no "computing…" flickering while the pen moves.
    setStatus({ busy: !followsPen(choice.method), sameDigits: null });
    try {
      const attribution = await engine.interpret.attribution(choice.method, optionsOf(choice));
      if (!stopped && useAppStore.getState().attribution === choice) show(attribution);
      setStatus({ problem: null });
    } catch (error) {
      if (!stopped) show(null);
      setStatus({ problem: errorText(error) });
    } finally {
      inFlight = false;
      setStatus({ busy: timer !== null || (again && !followsPen(useAppStore.getState().attribution.method)) });
      if (again) {
        again = false;
        void request();
      }
    }
  };

  /** Runs now, or once the input is still and the pen up. */
  const schedule = () => {
    if (stopped) return;
    if (followsPen(useAppStore.getState().attribution.method)) {
      void request();
      return;
    }
    waitingSince ??= performance.now();
    if (timer) clearTimeout(timer);
    setStatus({ busy: true });
    const waited = performance.now() - waitingSince;
    timer = setTimeout(fire, penDown ? QUIET_MS : Math.min(QUIET_MS, Math.max(0, MAX_WAIT_MS - waited)));
  };
  const fire = () => {
    timer = null;
    if (penDown) return schedule(); // a stroke is being drawn: its end schedules again
    waitingSince = null;
    void request();
  };

  const onFrame = () => {
    if (frameHolder.frame === lastFrame) return; // a backward pass or the map itself was shown
    lastFrame = frameHolder.frame;
    schedule();
  };
  const onPointerDown = (event: PointerEvent) => {
    if (event.target instanceof Element && event.target.closest('[data-testid="digit-pad"]')) penDown = true;
  };
  const onPointerUp = () => {
    penDown = false;
  };
  frameListeners.add(onFrame);
  window.addEventListener('pointerdown', onPointerDown, true);
  window.addEventListener('pointerup', onPointerUp, true);
  window.addEventListener('pointercancel', onPointerUp, true);
  const unsubscribe = useAppStore.subscribe((state, before) => {
    if (state.attribution !== before.attribution) schedule();
    else if (state.attributionOnView !== before.attributionOnView) showAttribution(frameHolder.attribution, true);
  });
  schedule();

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    frameListeners.delete(onFrame);
    window.removeEventListener('pointerdown', onPointerDown, true);
    window.removeEventListener('pointerup', onPointerUp, true);
    window.removeEventListener('pointercancel', onPointerUp, true);
    unsubscribe();
    showAttribution(null, true);
    setStatus({ busy: false, problem: null, sameDigits: null });
  };
}
