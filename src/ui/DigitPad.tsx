import { useEffect, useRef, useState } from 'react';
import { preprocessDrawing } from '../engine/data/preprocessDrawing';
import { useAppStore } from '../store/appStore';
import { inputSquare } from '../viz/layout/fanIn';
import type { LayerSpec } from '../engine/model/layerSpec';
import { inputSquareOnPad } from './padGeometry';
import { TestImage } from './TestImage';

/** Side of the pad in CSS pixels (and in canvas pixels: the network sees 32x32 anyway). */
export const PAD_SIZE = 280;
const PEN_WIDTH = 20;

/** The drawing pad: mouse, pen and touch; the network reads the drawing live, at most once per frame. */
export function DigitPad({ layers, onInput }: { layers: readonly LayerSpec[]; onInput: (input: Float32Array | null, time: number) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<[number, number] | null>(null);
  const scheduled = useRef<{ frame: number; time: number } | null>(null);
  const [eraser, setEraser] = useState(false);
  const focus = useAppStore((s) => s.focus);
  const traceMode = useAppStore((s) => s.traceMode);
  const stages = useAppStore((s) => s.stages);
  const inkBox = useAppStore((s) => s.inkBox);
  const source = useAppStore((s) => s.inputSource);
  const input = useAppStore((s) => s.input);

  const analyse = () => {
    const ctx = canvas.current!.getContext('2d', { willReadFrequently: true })!;
    const { data } = ctx.getImageData(0, 0, PAD_SIZE, PAD_SIZE);
    const ink = new Float32Array(PAD_SIZE * PAD_SIZE);
    for (let i = 0; i < ink.length; i++) ink[i] = data[i * 4 + 3] / 255;
    const result = preprocessDrawing({ width: PAD_SIZE, height: PAD_SIZE, ink });
    useAppStore.getState().set({ input: result.input, stages: result.stages, inkBox: result.inkBox, padSize: PAD_SIZE });
    onInput(result.input, scheduled.current?.time ?? performance.now());
    scheduled.current = null;
  };

  const schedule = (time: number) => {
    if (scheduled.current) return;
    scheduled.current = { frame: requestAnimationFrame(analyse), time };
  };

  const point = (event: React.PointerEvent): [number, number] => {
    const rect = canvas.current!.getBoundingClientRect();
    return [((event.clientX - rect.left) / rect.width) * PAD_SIZE, ((event.clientY - rect.top) / rect.height) * PAD_SIZE];
  };

  const stroke = (from: [number, number], to: [number, number]) => {
    const ctx = canvas.current!.getContext('2d', { willReadFrequently: true })!;
    ctx.globalCompositeOperation = eraser ? 'destination-out' : 'source-over';
    ctx.strokeStyle = '#111';
    ctx.lineWidth = eraser ? PEN_WIDTH * 1.6 : PEN_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(...from);
    ctx.lineTo(...to);
    ctx.stroke();
  };

  const clear = () => {
    canvas.current!.getContext('2d', { willReadFrequently: true })!.clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    schedule(performance.now());
  };

  useEffect(() => () => { if (scheduled.current) cancelAnimationFrame(scheduled.current.frame); }, []);

  const square = focus && traceMode === 'full' && stages ? inputSquareOnPad(inputSquare(layers, focus), stages, inkBox, PAD_SIZE) : null;
  return (
    <div className="pad">
      <div className="pad-surface" style={{ width: PAD_SIZE, height: PAD_SIZE }}>
        <canvas
          ref={canvas}
          width={PAD_SIZE}
          height={PAD_SIZE}
          data-testid="digit-pad"
          aria-label="Drawing pad: draw a digit"
          style={{ touchAction: 'none' }}
          onPointerDown={(e) => {
            // Drawing over a loaded test image returns to the person's own drawing.
            if (useAppStore.getState().inputSource.kind === 'test') useAppStore.getState().set({ inputSource: { kind: 'drawing' }, trueLabel: null });
            e.currentTarget.setPointerCapture(e.pointerId);
            last.current = point(e);
            stroke(last.current, last.current);
            schedule(performance.now());
          }}
          onPointerMove={(e) => {
            if (!last.current) return;
            const next = point(e);
            stroke(last.current, next);
            last.current = next;
            schedule(performance.now());
          }}
          onPointerUp={() => { last.current = null; }}
          onPointerCancel={() => { last.current = null; }}
        />
        {source.kind === 'test' && input && <TestImage input={input} index={source.index} />}
        {square && <div className="trace-square" data-testid="pad-trace" style={{ left: square.x, top: square.y, width: square.width, height: square.height }} />}
      </div>
      <div className="pad-tools">
        <button type="button" data-testid="clear-pad" onClick={clear}>Clear</button>
        <button type="button" aria-pressed={eraser} onClick={() => setEraser(!eraser)}>{eraser ? 'Eraser (on)' : 'Eraser'}</button>
      </div>
    </div>
  );
}
