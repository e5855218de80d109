import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** An input restored from an address at full precision, shown on the pad as an image (32x32, pixelated). */
export function AddressInput({ input }: { input: Float32Array }) {
  const { t } = useTranslation('pad');
  const image = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = image.current?.getContext('2d');
    if (!ctx) return;
    const pixels = ctx.createImageData(32, 32);
    input.forEach((v, i) => {
      const shade = Math.round(247 - 230 * v);
      pixels.data.set([shade, shade, Math.round(shade * 0.97), 255], i * 4);
    });
    ctx.putImageData(pixels, 0, 0);
  }, [input]);
  return (
    <div className="test-image" data-testid="address-input">
      <canvas ref={image} width={32} height={32} aria-label={t('addressInput.label')} />
      <span>{t('addressInput.caption')}</span>
    </div>
  );
}
