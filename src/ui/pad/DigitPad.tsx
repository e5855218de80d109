import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { inputSquare } from '../../viz/layout/fanIn';
import { readFlag, writeFlag } from '../shell/rememberedFlag';
import { AddressInput } from './AddressInput';
import { PadHint } from './PadHint';
import { inputSquareOnPad } from './padGeometry';
import { PAD_SIZE } from './padStrokes';
import { TestImage } from './TestImage';
import { ProbedInput } from '../probe/ProbedInput';
import { usePadDrawing } from './usePadDrawing';

/** Set once the person has drawn in this browser: the pad's hint is for the first visit. */
const DRAWN_KEY = 'lenet5.hasDrawn';

/**
 * The drawing pad: mouse, pen and touch (a finger never scrolls or zooms the page); the network reads the
 * drawing live, at most once per frame (usePadDrawing.ts). Over it: the first visit's hint, a loaded test
 * image or an input from the address, the input square the focused node sees (in trace mode), and `children`
 * (laid over the pad's surface by their own CSS, letting the pen through: the attribution heatmap).
 */
export function DigitPad({
  layers,
  onInput,
  children,
}: {
  layers: readonly LayerSpec[];
  onInput: (input: Float32Array | null, time: number) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('pad');
  const [eraser, setEraser] = useState(false);
  const [firstVisit, setFirstVisit] = useState(() => !readFlag(DRAWN_KEY));
  const focus = useAppStore((s) => s.focus);
  const traceMode = useAppStore((s) => s.traceMode);
  const stages = useAppStore((s) => s.stages);
  const inkBox = useAppStore((s) => s.inkBox);
  const source = useAppStore((s) => s.inputSource);
  const input = useAppStore((s) => s.input);
  const strokes = useAppStore((s) => s.strokes);
  const canvas = useRef<HTMLCanvasElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const pad = usePadDrawing(canvas, surface, onInput, eraser, () => {
    if (!firstVisit) return;
    setFirstVisit(false);
    writeFlag(DRAWN_KEY, true);
  });

  const square =
    focus && traceMode === 'full' && stages
      ? inputSquareOnPad(inputSquare(layers, focus), stages, inkBox, PAD_SIZE)
      : null;
  const showHint = firstVisit && strokes.length === 0 && source.kind === 'drawing' && !input;
  return (
    <div className="pad">
      {/* Drawn at PAD_SIZE pixels, shown at the layout's --pad-size (smaller on a phone); strokes are in pad pixels. */}
      <div className="pad-surface" ref={surface} style={{ touchAction: 'none' }}>
        <canvas
          ref={canvas}
          width={PAD_SIZE}
          height={PAD_SIZE}
          data-testid="digit-pad"
          aria-label={t('label')}
          style={{ touchAction: 'none' }}
          {...pad.handlers}
        />
        {showHint && <PadHint />}
        {source.kind === 'test' && input && <TestImage input={input} index={source.index} />}
        {source.kind === 'address' && input && <AddressInput input={input} />}
        {children}
        <ProbedInput />
        {square && (
          <div
            className="trace-square"
            data-testid="pad-trace"
            style={{
              left: `${(100 * square.x) / PAD_SIZE}%`,
              top: `${(100 * square.y) / PAD_SIZE}%`,
              width: `${(100 * square.width) / PAD_SIZE}%`,
              height: `${(100 * square.height) / PAD_SIZE}%`,
            }}
          />
        )}
      </div>
      <div className="pad-tools">
        <button type="button" data-testid="clear-pad" onClick={pad.clear}>
          {t('clear')}
        </button>
        <button type="button" aria-pressed={eraser} onClick={() => setEraser(!eraser)}>
          {eraser ? t('eraserOn') : t('eraser')}
        </button>
      </div>
    </div>
  );
}
