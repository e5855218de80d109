import { useTranslation } from 'react-i18next';
import type { NodeHistogram } from '../../engine/interpret/neuronPortraits';
import { formatFixed, formatPercent, formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { barHeights, binOf, markerPosition } from './portraitGeometry';

const WIDTH = 320;
const HEIGHT = 72;

/**
 * The distribution of the node's value over the checkpoint's test images (square-root bar heights), the
 * current input's value marked (its bar highlighted), and the share of images on which it is exactly 0.
 */
export function ValueHistogram({ histogram, value }: { histogram: NodeHistogram; value: number | null }) {
  const { t } = useTranslation('portraits');
  const language = useAppStore((s) => s.language);
  const number = (v: number) => formatSignificant(language, v, 3);
  const heights = barHeights(histogram.counts);
  const bar = WIDTH / heights.length;
  const marker = value === null ? null : markerPosition(histogram, value);
  const markedBin = value === null ? -1 : binOf(histogram, value);
  const words = {
    images: formatFixed(language, histogram.images),
    low: number(histogram.low),
    high: number(histogram.high),
  };
  const label =
    value === null
      ? t('portrait.histogram.labelNoInput', words)
      : t('portrait.histogram.label', { ...words, value: number(value) });
  const markerText =
    value === null || !marker
      ? null
      : t(marker.beyond ? `portrait.histogram.${marker.beyond}` : 'portrait.histogram.marker', {
          value: number(value),
        });
  return (
    <figure className="portrait-histogram" data-testid="neuron-histogram">
      {!(histogram.high > histogram.low) ? (
        <p>{t('portrait.histogram.single', { value: number(histogram.low) })}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
          {heights.map((h, k) => (
            <rect
              key={k}
              x={k * bar + 0.5}
              y={HEIGHT - Math.max(h > 0 ? 1 : 0, h * HEIGHT)}
              width={bar - 1}
              height={Math.max(h > 0 ? 1 : 0, h * HEIGHT)}
              className={k === markedBin ? 'marked' : undefined}
            />
          ))}
          {marker && <line x1={marker.at * WIDTH} x2={marker.at * WIDTH} y1={0} y2={HEIGHT} className="marker" />}
        </svg>
      )}
      <figcaption>
        <span className="portrait-axis">
          <span>{words.low}</span>
          {markerText && <span className="marker-text">{markerText}</span>}
          <span>{words.high}</span>
        </span>
        <span>
          {histogram.zeroShare > 0
            ? t('portrait.histogram.zero', { share: formatPercent(language, histogram.zeroShare, 1) })
            : t('portrait.histogram.zeroNone')}{' '}
          <span className="muted">{t('portrait.histogram.sqrt')}</span>
        </span>
      </figcaption>
    </figure>
  );
}
