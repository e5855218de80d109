import { useTranslation } from 'react-i18next';
import { formatFixed } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { largestOffDiagonal } from '../../store/explorerData';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Mistakes shade toward this red-orange, relative to the most frequent mistake. */
const MISTAKE_RGB = '214, 92, 44';
/** Correct readings shade toward this blue, relative to the largest diagonal count, so they stand apart. */
const CORRECT_RGB = '58, 110, 180';

/** Props of {@link ConfusionMatrix}. */
export interface ConfusionMatrixProps {
  /** Counts, `matrix[true digit][predicted digit]`. */
  readonly matrix: readonly (readonly number[])[];
  /** How many test images the counts cover. */
  readonly images: number;
  readonly selected: { truth: number; predicted: number } | null;
  readonly onSelect: (truth: number, predicted: number) => void;
}

function shade(rgb: string, share: number): string | undefined {
  return share > 0 ? `rgba(${rgb}, ${(0.15 + 0.75 * share).toFixed(3)})` : undefined;
}

/** A 10x10 table of test images by true digit (rows) and predicted digit (columns); each cell selects its images. */
export function ConfusionMatrix({ matrix, images, selected, onSelect }: ConfusionMatrixProps) {
  const { t } = useTranslation('explorer');
  const language = useAppStore((s) => s.language);
  const maxMistakes = Math.max(1, largestOffDiagonal(matrix).count);
  const maxCorrect = Math.max(1, ...DIGITS.map((d) => matrix[d][d]));
  return (
    <table className="confusion" data-testid="confusion-matrix">
      <caption>{t('confusion.caption', { images: formatFixed(language, images) })}</caption>
      <thead>
        <tr>
          <th scope="col" className="confusion-corner" aria-label={t('confusion.cornerLabel')}>
            {t('confusion.corner')}
          </th>
          {DIGITS.map((p) => (
            <th key={p} scope="col">
              {p}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {DIGITS.map((truth) => (
          <tr key={truth}>
            <th scope="row">{truth}</th>
            {DIGITS.map((predicted) => {
              const count = matrix[truth][predicted];
              // Written as the cell shows it (no separator), so that the cell's name holds its visible text.
              const images = String(count);
              const diagonal = truth === predicted;
              const isSelected = selected?.truth === truth && selected.predicted === predicted;
              return (
                <td key={predicted}>
                  <button
                    type="button"
                    className={diagonal ? 'diagonal' : count === 0 ? 'zero' : 'mistake'}
                    data-testid={diagonal ? `confusion-diag-${truth}` : `confusion-cell-${truth}-${predicted}`}
                    aria-label={t('confusion.cell', { truth, predicted, count, images })}
                    aria-pressed={isSelected}
                    disabled={count === 0}
                    style={{
                      background: diagonal
                        ? shade(CORRECT_RGB, count / maxCorrect)
                        : shade(MISTAKE_RGB, count / maxMistakes),
                    }}
                    onClick={() => onSelect(truth, predicted)}
                  >
                    {count /* no thousands separator: "1,135" would not fit a cell of the docked explorer */}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
