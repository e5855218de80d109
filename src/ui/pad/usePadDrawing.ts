/**
 * The pad's drawing: pointer strokes painted on its canvas and read at most once per animation frame,
 * strokes recorded in the store (for the address), the canvas repainted when they change from outside,
 * and touch kept from scrolling or zooming the page.
 */
import { useEffect, useRef, type PointerEvent, type RefObject } from 'react';
import type { PadStroke } from '../../store/addressState';
import { useAppStore } from '../../store/appStore';
import { PAD_SIZE, padContext, paintSegment, paintStrokes, quantisePoint, readPad } from './padStrokes';

/** What the pad's markup needs: the canvas's pointer handlers, and a clear. */
export interface PadDrawing {
  readonly handlers: {
    readonly onPointerDown: (event: PointerEvent<HTMLCanvasElement>) => void;
    readonly onPointerMove: (event: PointerEvent<HTMLCanvasElement>) => void;
    readonly onPointerUp: (event: PointerEvent<HTMLCanvasElement>) => void;
    readonly onPointerCancel: (event: PointerEvent<HTMLCanvasElement>) => void;
    readonly onLostPointerCapture: (event: PointerEvent<HTMLCanvasElement>) => void;
  };
  readonly clear: () => void;
}

/**
 * Drawing on the pad's `canvas` (inside its `surface`): `onInput` gets the preprocessed drawing (and the time of the pointer event behind it);
 * `eraser` says what a new stroke does; `onStrokeStart` is told when a stroke begins.
 */
export function usePadDrawing(
  canvas: RefObject<HTMLCanvasElement | null>,
  surface: RefObject<HTMLDivElement | null>,
  onInput: (input: Float32Array | null, time: number) => void,
  eraser: boolean,
  onStrokeStart: () => void,
): PadDrawing {
  const current = useRef<{ pointerId: number; stroke: { eraser: boolean; points: number[] } } | null>(null);
  const painted = useRef<readonly PadStroke[] | null>(null);
  const scheduled = useRef<{ frame: number; time: number } | null>(null);
  const strokes = useAppStore((s) => s.strokes);

  const analyse = () => {
    const result = readPad(padContext(canvas.current!));
    useAppStore
      .getState()
      .set({ input: result.input, stages: result.stages, inkBox: result.inkBox, padSize: PAD_SIZE });
    onInput(result.input, scheduled.current?.time ?? performance.now());
    scheduled.current = null;
  };

  const schedule = (time: number) => {
    if (scheduled.current) return;
    scheduled.current = { frame: requestAnimationFrame(analyse), time };
  };

  const point = (event: PointerEvent): [number, number] => {
    const rect = canvas.current!.getBoundingClientRect();
    return quantisePoint(
      ((event.clientX - rect.left) / rect.width) * PAD_SIZE,
      ((event.clientY - rect.top) / rect.height) * PAD_SIZE,
    );
  };

  const endStroke = (event: PointerEvent) => {
    const active = current.current;
    if (!active || active.pointerId !== event.pointerId) return;
    current.current = null;
    const next = [...useAppStore.getState().strokes, active.stroke];
    painted.current = next;
    useAppStore.getState().set({ strokes: next });
  };

  const clear = () => {
    padContext(canvas.current!).clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    current.current = null;
    const none: readonly PadStroke[] = [];
    painted.current = none;
    const wasTest = useAppStore.getState().inputSource.kind === 'test';
    useAppStore
      .getState()
      .set({ strokes: none, inputSource: { kind: 'drawing' }, ...(wasTest ? { trueLabel: null } : {}) });
    schedule(performance.now());
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (current.current || (e.pointerType === 'mouse' && e.button !== 0)) return; // one stroke at a time
    // Drawing over a loaded test image (or an input from an address) returns to the person's own drawing.
    const from = useAppStore.getState().inputSource.kind;
    if (from !== 'drawing')
      useAppStore.getState().set({ inputSource: { kind: 'drawing' }, ...(from === 'test' ? { trueLabel: null } : {}) });
    onStrokeStart();
    e.currentTarget.setPointerCapture(e.pointerId);
    const start = point(e);
    current.current = { pointerId: e.pointerId, stroke: { eraser, points: [...start] } };
    paintSegment(padContext(canvas.current!), start, start, eraser);
    schedule(performance.now());
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const active = current.current;
    if (!active || active.pointerId !== e.pointerId) return;
    const { points } = active.stroke;
    const next = point(e);
    if (next[0] === points[points.length - 2] && next[1] === points[points.length - 1]) return; // a replay paints what is recorded
    paintSegment(
      padContext(canvas.current!),
      [points[points.length - 2], points[points.length - 1]],
      next,
      active.stroke.eraser,
    );
    points.push(...next);
    schedule(performance.now());
  };

  // The canvas follows strokes set from outside (an address restored, the pad mounted again).
  useEffect(() => {
    if (painted.current === strokes) return;
    painted.current = strokes;
    paintStrokes(padContext(canvas.current!), current.current ? [...strokes, current.current.stroke] : strokes);
  }, [strokes]);

  // Touch listeners React cannot make non-passive: no scrolling, pinch or double-tap zoom from the pad.
  useEffect(() => {
    const element = surface.current!;
    const hold = (event: TouchEvent) => {
      if (event.cancelable) event.preventDefault();
    };
    element.addEventListener('touchstart', hold, { passive: false });
    element.addEventListener('touchmove', hold, { passive: false });
    return () => {
      element.removeEventListener('touchstart', hold);
      element.removeEventListener('touchmove', hold);
    };
  }, []);

  useEffect(
    () => () => {
      if (scheduled.current) cancelAnimationFrame(scheduled.current.frame);
    },
    [],
  );

  return {
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: endStroke,
      onPointerCancel: endStroke,
      onLostPointerCapture: endStroke,
    },
    clear,
  };
}
