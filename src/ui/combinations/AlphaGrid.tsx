import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { alphaColour, type AlphaMatrix } from './alphaMatrix';

/** A cell of a grid: output map j (row), input map i (column). */
export interface AlphaCell {
  readonly out: number;
  readonly in: number;
}

/**
 * One 16x6 grid (rows c3 maps, columns s2 maps) on the panel's sequential ramp: α, or LeCun's table as 0/1.
 * `onPoint` reports the cell under the pointer or keyboard focus (null when it leaves); `onPick` a click or Enter.
 * One tab stop; the arrow keys move between cells.
 */
export function AlphaGrid({
  matrix,
  caption,
  testId,
  describe,
  picked,
  onPoint,
  onPick,
}: {
  matrix: AlphaMatrix;
  caption: string;
  testId: string;
  describe(cell: AlphaCell, value: number): string;
  picked?: AlphaCell | null;
  onPoint(cell: AlphaCell | null): void;
  onPick?(cell: AlphaCell): void;
}) {
  const { t } = useTranslation('combinations');
  const table = useRef<HTMLTableElement>(null);
  const current = picked ?? { out: 0, in: 0 };
  const focusCell = (cell: AlphaCell) =>
    table.current?.querySelector<HTMLElement>(`[data-out="${cell.out}"][data-in="${cell.in}"]`)?.focus();
  const onKey = (event: KeyboardEvent, cell: AlphaCell) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const out = Math.min(matrix.outMaps - 1, Math.max(0, cell.out + move[0]));
      const inn = Math.min(matrix.inMaps - 1, Math.max(0, cell.in + move[1]));
      focusCell({ out, in: inn });
    } else if ((event.key === 'Enter' || event.key === ' ') && onPick) {
      event.preventDefault();
      onPick(cell);
    }
  };
  return (
    <figure className="alpha-grid" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <table ref={table} aria-label={t('grid.region', { name: caption })} onMouseLeave={() => onPoint(null)}>
        <thead>
          <tr>
            <th scope="col" className="alpha-corner" title={t('grid.corner')} />
            {Array.from({ length: matrix.inMaps }, (_, i) => (
              <th key={i} scope="col">
                {i}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: matrix.outMaps }, (_, j) => (
            <tr key={j}>
              <th scope="row">{j}</th>
              {Array.from({ length: matrix.inMaps }, (_, i) => {
                const value = matrix.values[j * matrix.inMaps + i];
                const cell = { out: j, in: i };
                const words = describe(cell, value);
                const isPicked = picked?.out === j && picked?.in === i;
                return (
                  <td
                    key={i}
                    data-out={j}
                    data-in={i}
                    data-value={value}
                    className={isPicked ? 'picked' : undefined}
                    style={{ background: alphaColour(value) }}
                    title={words}
                    aria-label={words}
                    tabIndex={current.out === j && current.in === i ? 0 : -1}
                    onMouseEnter={() => onPoint(cell)}
                    onFocus={() => onPoint(cell)}
                    onBlur={() => onPoint(null)}
                    onClick={onPick ? () => onPick(cell) : undefined}
                    onKeyDown={(e) => onKey(e, cell)}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
