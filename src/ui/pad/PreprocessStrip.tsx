import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InkImage } from '../../engine/data/preprocessDrawing';
import { useAppStore } from '../../store/appStore';

function Stage({ image, label }: { image: InkImage | null; label: string }) {
  const { t } = useTranslation('pad');
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !canvas.current) return;
    if (!image) {
      ctx.clearRect(0, 0, canvas.current.width, canvas.current.height);
      return;
    }
    canvas.current.width = image.width;
    canvas.current.height = image.height;
    const data = ctx.createImageData(image.width, image.height);
    image.pixels.forEach((v, i) => {
      const shade = Math.round(255 * (1 - v));
      data.data.set([shade, shade, shade, 255], i * 4);
    });
    ctx.putImageData(data, 0, 0);
  }, [image]);
  return (
    <figure>
      <canvas ref={canvas} width={28} height={28} role="img" aria-label={t('strip.stage', { step: label })} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** MNIST-style preprocessing, step by step: crop to the ink, fit 20 px, centre by mass in 28x28, pad to 32x32. */
export function PreprocessStrip() {
  const { t } = useTranslation('pad');
  const stages = useAppStore((s) => s.stages);
  const source = useAppStore((s) => s.inputSource);
  if (source.kind === 'test') return <p className="strip-note muted">{t('strip.testNote')}</p>;
  if (source.kind === 'address') return <p className="strip-note muted">{t('strip.addressNote')}</p>;
  return (
    <div className="strip" role="group" aria-label={t('strip.label')}>
      <Stage image={stages?.cropped ?? null} label={t('strip.step.crop')} />
      <Stage image={stages?.scaled ?? null} label={t('strip.step.fit')} />
      <Stage image={stages?.centred ?? null} label={t('strip.step.centre')} />
      <Stage image={stages?.input ?? null} label={t('strip.step.input')} />
    </div>
  );
}
