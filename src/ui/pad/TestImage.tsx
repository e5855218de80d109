import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A loaded MNIST test image shown on the pad as an image (the 32x32 input, pixelated), over the
 * person's drawing, which stays underneath: drawing on the pad returns to it.
 */
export function TestImage({ input, index }: { input: Float32Array; index: number }) {
  const { t } = useTranslation('pad');
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(32, 32);
    input.forEach((v, i) => {
      const shade = Math.round(247 - 230 * v);
      image.data.set([shade, shade, Math.round(shade * 0.97), 255], i * 4);
    });
    ctx.putImageData(image, 0, 0);
  }, [input]);
  return (
    <div className="test-image" data-testid="test-image">
      <canvas ref={canvas} width={32} height={32} aria-label={t('testImage.label', { index })} />
      <span>{t('testImage.caption', { index })}</span>
    </div>
  );
}
