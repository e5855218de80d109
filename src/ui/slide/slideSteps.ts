/**
 * The slide mode's steps over one map of height x width cells, in row-major order as the tutorial's figure
 * builds its feature map: cell (y, x) is number y·width + x; the keys move the window as the view's keys move a node.
 */

/** A cell of a map. */
export interface Cell {
  readonly y: number;
  readonly x: number;
}

/** The cell after `cell` in row-major order, or null after the last. */
export function nextCell(height: number, width: number, cell: Cell): Cell | null {
  if (cell.x + 1 < width) return { y: cell.y, x: cell.x + 1 };
  if (cell.y + 1 < height) return { y: cell.y + 1, x: 0 };
  return null;
}

/** How many cells are built once the window has reached `cell`: those before it and its own. */
export function builtCount(width: number, cell: Cell): number {
  return cell.y * width + cell.x + 1;
}

/** The cell a key moves the window to (arrows by one, clamped; Home and End to the first and last), or null for other keys. */
export function cellForKey(height: number, width: number, cell: Cell, key: string): Cell | null {
  const clamp = (v: number, size: number) => Math.max(0, Math.min(size - 1, v));
  switch (key) {
    case 'ArrowLeft':
      return { y: cell.y, x: clamp(cell.x - 1, width) };
    case 'ArrowRight':
      return { y: cell.y, x: clamp(cell.x + 1, width) };
    case 'ArrowUp':
      return { y: clamp(cell.y - 1, height), x: cell.x };
    case 'ArrowDown':
      return { y: clamp(cell.y + 1, height), x: cell.x };
    case 'Home':
      return { y: 0, x: 0 };
    case 'End':
      return { y: height - 1, x: width - 1 };
    default:
      return null;
  }
}

/** The milliseconds between two steps at `speed` cells a second. */
export function stepInterval(speed: number): number {
  return 1000 / speed;
}
