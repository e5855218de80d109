import { useEffect, useRef, useState } from 'react';
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
        <p className="muted">No test digits here.</p>
      ) : (
        <>
          <ul className="gallery-items">
            {items.map(({ index, confidence }) => {
              const read = predictions.predicted[index];
              const percent = `${confidence >= 1 ? 100 : Math.min(99, Math.round(confidence * 100))}%`;
              return (
                <li key={index}>
                  <button
                    type="button"
                    data-testid="misclassified-item"
                    data-index={index}
                    aria-pressed={loadedIndex === index}
                    aria-label={`Load test image ${index}, a ${labels[index]}: read ${read} · ${percent}`}
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
            <button type="button" aria-label="Previous page" disabled={shown === 0} onClick={() => setPage(shown - 1)}>
              <span aria-hidden="true">‹</span>
            </button>
            <span>
              page {shown + 1} of {pages} ({members.length.toLocaleString('en-US')} digit
              {members.length === 1 ? '' : 's'})
            </span>
            <button
              type="button"
              aria-label="Next page"
              disabled={shown >= pages - 1}
              onClick={() => setPage(shown + 1)}
            >
              <span aria-hidden="true">›</span>
            </button>
          </div>
        </>
      )}
    </section>
  );
}
