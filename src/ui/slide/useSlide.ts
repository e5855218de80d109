/**
 * The slide mode's clock: while playing, the pinned node moves to the next cell of its map (row-major) every
 * 1/speed seconds, so the view's window, the tooltip and the close-up move with it and the map is built cell by
 * cell; it stops after the last cell, or when the focus leaves the map.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { nextCell, stepInterval, type Cell } from './slideSteps';

/** What the slide controls call. */
export interface Slide {
  readonly playing: boolean;
  /** Plays from the focused cell (from the first when the focus is on the last). */
  play(): void;
  pause(): void;
  /** One cell on (back to the first after the last). */
  step(): void;
  /** Back to the first cell, in slide mode. */
  restart(): void;
  /** Leaves slide mode: the whole map is shown again. */
  wholeMap(): void;
  /** Moves the window to `cell` (the keys). */
  moveTo(cell: Cell): void;
}

/** Puts the focus of map `c` of `layer` on `cell`, in slide mode unless `slide` is false. */
function focusCell(layer: string, c: number, cell: Cell, slide = true): void {
  const { closeup, set } = useAppStore.getState();
  set({ focus: { layer, c, y: cell.y, x: cell.x }, pinned: true, closeup: { ...closeup, slide } });
}

/** The slide over map `c` of layer `layer` (height x width cells), the focus on `focus`. */
export function useSlide(layer: string, c: number, height: number, width: number, focus: Cell): Slide {
  const [playing, setPlaying] = useState(false);
  const speed = useAppStore((s) => s.closeup.speed);
  const slide = useAppStore((s) => s.closeup.slide);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const now = useAppStore.getState().focus;
      const next = now && now.layer === layer && now.c === c ? nextCell(height, width, now) : null;
      if (next) focusCell(layer, c, next);
      else setPlaying(false);
    }, stepInterval(speed));
    return () => clearInterval(timer);
  }, [playing, speed, layer, c, height, width]);

  const atEnd = nextCell(height, width, focus) === null;
  return {
    playing,
    play() {
      focusCell(layer, c, atEnd ? { y: 0, x: 0 } : focus);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    step() {
      setPlaying(false);
      focusCell(layer, c, nextCell(height, width, focus) ?? { y: 0, x: 0 });
    },
    restart: () => focusCell(layer, c, { y: 0, x: 0 }),
    wholeMap() {
      setPlaying(false);
      focusCell(layer, c, focus, false);
    },
    moveTo: (cell) => focusCell(layer, c, cell, slide),
  };
}
