import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { attributionListeners, frameHolder } from '../../store/frameHolder';
import { PAD_SIZE } from '../pad/padStrokes';
import { inputRectOnPad, paintOverlay } from './padOverlay';
import './attribution.css';

/**
 * The heatmap laid over the pad, semi-transparent (the drawing stays visible under it) and letting the pen
 * through: the 32x32 map on the part of the pad the network's input was taken from, repainted whenever a new
 * map arrives (outside React: up to once a frame while drawing).
 */
export function AttributionOverlay() {
  const { t } = useTranslation('attribution');
  const on = useAppStore((s) => s.attribution.on);
  const method = useAppStore((s) => s.attribution.method);
  const source = useAppStore((s) => s.inputSource);
  const stages = useAppStore((s) => s.stages);
  const inkBox = useAppStore((s) => s.inkBox);
  const hasInput = useAppStore((s) => s.input !== null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const rect = on && hasInput ? inputRectOnPad(source, stages, inkBox, PAD_SIZE) : null;
  const shown = rect !== null;

  useEffect(() => {
    if (!shown) return;
    const paint = () => {
      const context = canvas.current?.getContext('2d');
      if (!context) return;
      const image = context.createImageData(32, 32);
      if (frameHolder.attribution) paintOverlay(frameHolder.attribution, useAppStore.getState().probe, image.data);
      context.putImageData(image, 0, 0);
    };
    paint();
    attributionListeners.add(paint);
    const unsubscribe = useAppStore.subscribe((s, before) => {
      if (s.probe !== before.probe) paint();
    });
    return () => {
      attributionListeners.delete(paint);
      unsubscribe();
    };
  }, [shown]);

  if (!rect) return null;
  return (
    <div
      className="attribution-overlay"
      style={{ left: `${rect.left}%`, top: `${rect.top}%`, width: `${rect.width}%`, height: `${rect.height}%` }}
    >
      <canvas
        ref={canvas}
        width={32}
        height={32}
        data-testid="attribution-map"
        role="img"
        aria-label={t('attribution.mapLabel', { method: t(`attribution.methods.${method}`) })}
      />
    </div>
  );
}
