import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { cssColour, textOn, type Shade } from './mapShades';
import { cellText } from './numberText';

/**
 * A small grid of numbers on their shades (a window, a kernel, its products): read by a screen reader as one
 * image whose label gives every number row by row; `marked` outlines one cell (a max-pooling winner).
 */
export function NumberGrid({
  name,
  values,
  columns,
  shade,
  marked = null,
  testId,
}: {
  name: string;
  values: readonly number[];
  columns: number;
  shade: Shade;
  marked?: number | null;
  testId?: string;
}) {
  const { t } = useTranslation('closeup');
  const language = useAppStore((s) => s.language);
  const rows = values.length / columns;
  const texts = values.map((v) => cellText(language, v));
  const described = Array.from({ length: rows }, (_, row) =>
    t('gridRow', {
      row,
      values: texts
        .slice(row * columns, (row + 1) * columns)
        .map((text, k) => (row * columns + k === marked ? t('marked', { value: text }) : text))
        .join(', '),
    }),
  ).join('; ');
  return (
    <figure className="number-grid-figure">
      <div
        className="number-grid"
        role="img"
        aria-label={t('grid', { name, rows, columns, values: described })}
        data-testid={testId}
        style={{ gridTemplateColumns: `repeat(${columns}, var(--cell-width))` }}
      >
        {values.map((value, i) => {
          const background = shade(value);
          return (
            <span
              key={i}
              className={i === marked ? 'marked' : undefined}
              style={{ background: cssColour(background), color: textOn(background) }}
            >
              {texts[i]}
            </span>
          );
        })}
      </div>
      <figcaption>{name}</figcaption>
    </figure>
  );
}
