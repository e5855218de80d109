import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { probedInput } from '../../store/networkInput';
import './probe.css';

/**
 * While the transform probe is set, the pad shows what the network reads: the input shifted, turned and scaled
 * (32x32, pixelated, as a test image is shown) with a note saying so; drawing goes on underneath and is read under
 * the same transform.
 */
export function ProbedInput() {
  const { t } = useTranslation('probe');
  const language = useAppStore((s) => s.language);
  const input = useAppStore((s) => s.input);
  const probe = useAppStore((s) => s.probe);
  const canvas = useRef<HTMLCanvasElement>(null);
  const shown = probedInput(input, probe);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !shown) return;
    const image = ctx.createImageData(32, 32);
    shown.forEach((v, i) => {
      const shade = Math.round(247 - 230 * v);
      image.data.set([shade, shade, Math.round(shade * 0.97), 255], i * 4);
    });
    ctx.putImageData(image, 0, 0);
  }, [shown]);
  if (!probe || !shown || shown === input) return null;
  const words = {
    dx: formatFixed(language, probe.dx, Number.isInteger(probe.dx) ? 0 : 2),
    dy: formatFixed(language, probe.dy, Number.isInteger(probe.dy) ? 0 : 2),
    rotate: formatFixed(language, probe.rotate, Number.isInteger(probe.rotate) ? 0 : 1),
    scale: formatFixed(language, probe.scale, 2),
  };
  return (
    <div className="test-image probed-input" data-testid="probed-input">
      <canvas ref={canvas} width={32} height={32} role="img" aria-label={t('pad.label', words)} />
      <span>{t('pad.caption', words)}</span>
    </div>
  );
}
