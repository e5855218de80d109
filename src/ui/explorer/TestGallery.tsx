import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed, formatPercent } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import type { CellMember, CheckpointPredictions } from '../../store/explorerData';

/** Digits shown per page of the gallery. */
export const GALLERY_PAGE = 48;
const SIDE = 28;
const PIXELS = SIDE * SIDE;

/** Props of {@link TestGallery}. */
export interface TestGalleryProps {
  readonly members: readonly CellMember[];
  readonly predictions: CheckpointPredictions;
  readonly labels: Uint8Array;
  /** Every test image, 28x28 bytes each (0 paper, 255 ink). */
  readonly images: Uint8Array;
  readonly title: string;
  readonly onLoad: (index: number) => void;
  readonly loadedIndex: number | null;
}

/** One 28x28 test image drawn dark ink on light paper, to be scaled up by CSS. */
function DigitThumb({ images, index }: { images: Uint8Array; index: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const data = ctx.createImageData(SIDE, SIDE);
    const bytes = images.subarray(index * PIXELS, (index + 1) * PIXELS);
    for (let i = 0; i < bytes.length; i++) {
      const shade = 255 - bytes[i];
      data.data[i * 4] = shade;
      data.data[i * 4 + 1] = shade;
      data.data[i * 4 + 2] = shade;
      data.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(data, 0, 0);
  }, [images, index]);
  return <canvas ref={canvas} width={SIDE} height={SIDE} aria-hidden="true" />;
}

/** A paged grid of test digits (one confusion cell's), each with what the checkpoint read; a click loads the digit. */
export function TestGallery({ members, predictions, labels, images, title, onLoad, loadedIndex }: TestGalleryProps) {
  const { t } = useTranslation('explorer');
  const language = useAppStore((s) => s.language);
  const [page, setPage] = useState(0);
  const [pageTitle, setPageTitle] = useState(title);
  if (pageTitle !== title) {
    setPageTitle(title);
    setPage(0);
  }
  const pages = Math.max(1, Math.ceil(members.length / GALLERY_PAGE));
  const shown = Math.min(page, pages - 1);
  const items = members.slice(shown * GALLERY_PAGE, (shown + 1) * GALLERY_PAGE);
  return (
    <section className="gallery" aria-label={title}>
      <h3>{title}</h3>
      {members.length === 0 ? (
        <p className="muted">{t('gallery.empty')}</p>
      ) : (
        <>
          <ul className="gallery-items">
            {items.map(({ index, confidence }) => {
              const read = predictions.predicted[index];
              // Capped at 99% below certainty, so that only a certain reading shows 100%.
              const percent = formatPercent(
                language,
                confidence >= 1 ? 1 : Math.min(99, Math.round(confidence * 100)) / 100,
                0,
              );
              return (
                <li key={index}>
                  <button
                    type="button"
                    data-testid="misclassified-item"
                    data-index={index}
                    aria-pressed={loadedIndex === index}
                    aria-label={t('gallery.load', { index, label: labels[index], read, confidence: percent })}
                    onClick={() => onLoad(index)}
                  >
                    <DigitThumb images={images} index={index} />
                    <span>
                      {read} · {percent}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="gallery-pager">
            <button
              type="button"
              aria-label={t('gallery.previous')}
              disabled={shown === 0}
              onClick={() => setPage(shown - 1)}
            >
              <span aria-hidden="true">{t('gallery.previousArrow')}</span>
            </button>
            <span>
              {t('gallery.page', {
                page: formatFixed(language, shown + 1),
                pages: formatFixed(language, pages),
                count: members.length,
                digits: formatFixed(language, members.length),
              })}
            </span>
            <button
              type="button"
              aria-label={t('gallery.next')}
              disabled={shown >= pages - 1}
              onClick={() => setPage(shown + 1)}
            >
              <span aria-hidden="true">{t('gallery.nextArrow')}</span>
            </button>
          </div>
        </>
      )}
    </section>
  );
}
