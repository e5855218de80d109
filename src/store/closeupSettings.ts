/**
 * The settings of the arithmetic close-up (src/ui/closeup) and of the transform probe's panel (src/ui/probe), as
 * plain data: what the store holds and the address carries, with the values each may take.
 */

/** How fast the slide mode moves the window, in cells per second. */
export const SLIDE_SPEEDS = [1, 3, 10, 30] as const;

/** The strides and zero paddings the c1 close-up offers. */
export const STRIDES = [1, 2, 3] as const;
export const PADDINGS = [0, 1, 2] as const;

/** The close-up of the pinned node. */
export interface CloseupSettings {
  /** Folded to its heading by the person (it stays folded for the next nodes pinned). */
  readonly folded: boolean;
  /** Slide mode: the focused node's map is built cell by cell up to it, as the tutorial's figure does. */
  readonly slide: boolean;
  /** The slide's speed, one of SLIDE_SPEEDS. */
  readonly speed: number;
  /** The connected input map whose arithmetic a conv close-up shows: its index among the node's maps. */
  readonly map: number;
  /** The stride (1-3) and zero padding (0-2) the c1 close-up applies the node's kernel with. */
  readonly stride: number;
  readonly padding: number;
}

/** The transform probe's panel: open or not, and the layer and map the equivariance panel compares. */
export interface ProbePanelSettings {
  readonly open: boolean;
  readonly layer: string;
  readonly map: number;
}

/** The close-up as it starts: unfolded, no slide, the network's own stride and padding. */
export const DEFAULT_CLOSEUP: CloseupSettings = {
  folded: false,
  slide: false,
  speed: 3,
  map: 0,
  stride: 1,
  padding: 0,
};

/** The probe's panel as it starts: closed, comparing c1's first map. */
export const DEFAULT_PROBE_PANEL: ProbePanelSettings = { open: false, layer: 'c1', map: 0 };

/** True for a slide speed the close-up offers. */
export function isSlideSpeed(value: number): boolean {
  return (SLIDE_SPEEDS as readonly number[]).includes(value);
}

/** True for a stride the close-up offers. */
export function isStride(value: number): boolean {
  return (STRIDES as readonly number[]).includes(value);
}

/** True for a zero padding the close-up offers. */
export function isPadding(value: number): boolean {
  return (PADDINGS as readonly number[]).includes(value);
}
