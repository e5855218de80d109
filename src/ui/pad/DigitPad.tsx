import { useEffect, useRef, useState } from 'react';
import type { PadStroke } from '../../store/addressState';
import { useAppStore } from '../../store/appStore';
import { inputSquare } from '../../viz/layout/fanIn';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { inputSquareOnPad } from './padGeometry';
import { PAD_SIZE, padContext, paintSegment, paintStrokes, quantisePoint, readPad } from './padStrokes';
import { readFlag, writeFlag } from '../shell/rememberedFlag';
import { AddressInput } from './AddressInput';
import { TestImage } from './TestImage';

/** Set once the person has drawn in this browser: the pad's hint is for the first visit. */
const DRAWN_KEY = 'lenet5.hasDrawn';

/**
 * The drawing pad: mouse, pen and touch (a finger never scrolls or zooms the page); the network reads the
 * drawing live, at most once per frame. Strokes are recorded in the store (for the address) and the canvas
 * repaints from there when they change from outside.
 */
export function DigitPad({
  layers,
  onInput,
}: {
  layers: readonly LayerSpec[];
  onInput: (input: Float32Array | null, time: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const current = useRef<{ pointerId: number; stroke: { eraser: boolean; points: number[] } } | null>(null);
  const painted = useRef<readonly PadStroke[] | null>(null);
  const scheduled = useRef<{ frame: number; time: number } | null>(null);
  const [eraser, setEraser] = useState(false);
  const [firstVisit, setFirstVisit] = useState(() => !readFlag(DRAWN_KEY));
  const focus = useAppStore((s) => s.focus);
  const traceMode = useAppStore((s) => s.traceMode);
  const stages = useAppStore((s) => s.stages);
  const inkBox = useAppStore((s) => s.inkBox);
  const source = useAppStore((s) => s.inputSource);
  const input = useAppStore((s) => s.input);
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

  const point = (event: React.PointerEvent): [number, number] => {
    const rect = canvas.current!.getBoundingClientRect();
    return quantisePoint(
      ((event.clientX - rect.left) / rect.width) * PAD_SIZE,
      ((event.clientY - rect.top) / rect.height) * PAD_SIZE,
    );
  };

  const endStroke = () => {
    const active = current.current;
    if (!active) return;
    current.current = null;
    const next = [...useAppStore.getState().strokes, active.stroke];
    painted.current = next;
    useAppStore.getState().set({ strokes: next });
  };

  const clear = () => {
    padContext(canvas.current!).clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    current.current = null;
    painted.current = [];
    const wasTest = useAppStore.getState().inputSource.kind === 'test';
    useAppStore
      .getState()
      .set({ strokes: painted.current, inputSource: { kind: 'drawing' }, ...(wasTest ? { trueLabel: null } : {}) });
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

  const square =
    focus && traceMode === 'full' && stages
      ? inputSquareOnPad(inputSquare(layers, focus), stages, inkBox, PAD_SIZE)
      : null;
  const showHint = firstVisit && strokes.length === 0 && source.kind === 'drawing' && !input;
  return (
    <div className="pad">
      <div className="pad-surface" ref={surface} style={{ width: PAD_SIZE, height: PAD_SIZE, touchAction: 'none' }}>
        <canvas
          ref={canvas}
          width={PAD_SIZE}
          height={PAD_SIZE}
          data-testid="digit-pad"
          aria-label="Drawing pad: draw a digit"
          style={{ touchAction: 'none' }}
          onPointerDown={(e) => {
            if (current.current || (e.pointerType === 'mouse' && e.button !== 0)) return; // one stroke at a time
            // Drawing over a loaded test image (or an input from an address) returns to the person's own drawing.
            const from = useAppStore.getState().inputSource.kind;
            if (from !== 'drawing')
              useAppStore
                .getState()
                .set({ inputSource: { kind: 'drawing' }, ...(from === 'test' ? { trueLabel: null } : {}) });
            if (firstVisit) {
              setFirstVisit(false);
              writeFlag(DRAWN_KEY, true);
            }
            e.currentTarget.setPointerCapture(e.pointerId);
            const start = point(e);
            current.current = { pointerId: e.pointerId, stroke: { eraser, points: [...start] } };
            paintSegment(padContext(canvas.current!), start, start, eraser);
            schedule(performance.now());
          }}
          onPointerMove={(e) => {
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
          }}
          onPointerUp={(e) => {
            if (current.current?.pointerId === e.pointerId) endStroke();
          }}
          onPointerCancel={(e) => {
            if (current.current?.pointerId === e.pointerId) endStroke();
          }}
          onLostPointerCapture={(e) => {
            if (current.current?.pointerId === e.pointerId) endStroke();
          }}
        />
        {showHint && (
          <p className="pad-hint" data-testid="pad-hint" style={HINT_STYLE}>
            Draw a digit here, 0 to 9, with a mouse, pen or finger
          </p>
        )}
        {source.kind === 'test' && input && <TestImage input={input} index={source.index} />}
        {source.kind === 'address' && input && <AddressInput input={input} />}
        {square && (
          <div
            className="trace-square"
            data-testid="pad-trace"
            style={{ left: square.x, top: square.y, width: square.width, height: square.height }}
          />
        )}
      </div>
      <div className="pad-tools">
        <button type="button" data-testid="clear-pad" onClick={clear}>
          Clear
        </button>
        <button type="button" aria-pressed={eraser} onClick={() => setEraser(!eraser)}>
          {eraser ? 'Eraser (on)' : 'Eraser'}
        </button>
      </div>
    </div>
  );
}

const HINT_STYLE: React.CSSProperties = {
  position: 'absolute',
  inset: 0,
  margin: 0,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: '0 16px',
  textAlign: 'center',
  pointerEvents: 'none',
  color: '#7a8090',
  fontSize: 14,
};
