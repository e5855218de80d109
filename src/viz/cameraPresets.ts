/**
 * The camera presets as placements fitted to the canvas: the overview (the stack seen obliquely from
 * in front, to one side and a little above, so the planes read as stacked 3D planes), the front-on
 * view of earlier versions, and a close look at each layer. Every preset fits its subject to the
 * canvas's aspect, leaving room for the labels at the left (labelSpace.ts).
 */
import { fitPoints, projectedExtent, viewDirection, type Margins } from './layout/cameraFit';
import type { LayerLayout, NetworkLayout, Vec3 } from './layout/networkLayout';
import { labelReserve } from './labelSpace';

/** The perspective camera's vertical field of view in degrees. */
export const CAMERA_FOV = 40;

/** The overview's direction: degrees round the vertical from the front (+z), and degrees above the horizontal. */
export const OVERVIEW_AZIMUTH = -25;
export const OVERVIEW_ELEVATION = 20;

/** A canvas size in CSS pixels. */
export interface ViewSize {
  readonly width: number;
  readonly height: number;
}

/** A requested camera move: where to look from and at. */
export interface CameraFlight {
  readonly position: readonly [number, number, number];
  readonly target: readonly [number, number, number];
}

/**
 * The corners of each layer's plane; for the outputs' upright tiles, the corners of their row and a point above it
 * for the digit labels.
 */
function framePoints(layers: readonly LayerLayout[]): Vec3[] {
  return layers.flatMap((layer): Vec3[] => {
    const { min, max } = layer.bounds;
    const y = layer.positions[1];
    if (layer.upright) {
      const z = layer.positions[2];
      const label = y + 1.1 * layer.nodeSize; // the label's top: it hangs 0.6 tile above the middle, ~0.5 tile tall
      return [
        [min[0], min[1], z],
        [max[0], min[1], z],
        [min[0], label, z],
        [max[0], label, z],
      ];
    }
    return [
      [min[0], y, min[2]],
      [max[0], y, min[2]],
      [min[0], y, max[2]],
      [max[0], y, max[2]],
    ];
  });
}

/** The size assumed before the canvas has one (the first frame sets it, and the preset is fitted again). */
const UNSIZED: ViewSize = { width: 740, height: 529 };

/** The canvas fractions kept clear: the labels' room at the left (`extra` pixels more), a little at the other edges. */
function margins({ width, height }: ViewSize, extra = 0): Margins {
  return { left: (labelReserve(width) + extra) / width, right: 12 / width, top: 24 / height, bottom: 12 / height };
}

function sized(canvas: ViewSize): ViewSize {
  return canvas.width > 0 && canvas.height > 0 ? canvas : UNSIZED;
}

function fitted(
  layers: readonly LayerLayout[],
  azimuth: number,
  elevation: number,
  canvas: ViewSize,
  extra = 0,
): CameraFlight {
  const size = sized(canvas);
  return fitPoints(framePoints(layers), viewDirection(azimuth, elevation), {
    fov: CAMERA_FOV,
    aspect: size.width / size.height,
    margins: margins(size, extra),
  });
}

/**
 * How many pixels the left edge of a layer whose label is in the frame (its left edge's middle within the canvas's
 * height) lies left of the labels' room, at most: 0 when every such label has its room.
 */
export function labelShortfall(layout: NetworkLayout, flight: CameraFlight, canvas: ViewSize): number {
  const size = sized(canvas);
  const view = { fov: CAMERA_FOV, aspect: size.width / size.height, margins: margins(size) };
  const placement = { position: flight.position as Vec3, target: flight.target as Vec3 };
  let shortfall = 0;
  for (const layer of layout.layers) {
    const { min, max } = layer.bounds;
    const y = layer.positions[1];
    const [x0, , y0, y1] = projectedExtent(
      [
        [min[0], y, min[2]],
        [min[0], y, max[2]],
      ],
      placement,
      view,
    );
    const middle = (y0 + y1) / 2;
    if (!(middle > -1 && middle < 1)) continue;
    shortfall = Math.max(shortfall, labelReserve(size.width) - ((x0 + 1) / 2) * size.width);
  }
  return shortfall;
}

/** The overview: the whole stack from in front and to one side, a little above (see the header). */
export function overviewFlight(layout: NetworkLayout, size: ViewSize): CameraFlight {
  return fitted(layout.layers, OVERVIEW_AZIMUTH, OVERVIEW_ELEVATION, size);
}

/** The whole stack front-on, from in front and 30 degrees above (the first view of earlier versions). */
export function frontFlight(layout: NetworkLayout, size: ViewSize): CameraFlight {
  return fitted(layout.layers, 0, 30, size);
}

/**
 * A close look at one layer's plane from in front and above; the layers seen beside it (nearer ones look wider) keep
 * their labels' room at the left too: the left margin grows until it does (up to a third of the canvas).
 */
export function layerFlight(layout: NetworkLayout, layerId: string, size: ViewSize): CameraFlight {
  const layer = layout.layers.find((l) => l.id === layerId);
  if (!layer) throw new Error(`no layer ${layerId}`);
  const limit = sized(size).width / 3;
  let extra = 0;
  let flight = fitted([layer], 0, 45, size);
  for (let step = 0; step < 4; step++) {
    const missing = labelShortfall(layout, flight, size);
    if (missing < 0.5 || extra >= limit) break;
    extra = Math.min(limit, extra + missing);
    flight = fitted([layer], 0, 45, size, extra);
  }
  return flight;
}

/** The flight to a camera preset: 'overview', 'front' or a layer id (an unknown id gives the overview). */
export function presetFlight(layout: NetworkLayout, preset: string, size: ViewSize): CameraFlight {
  if (preset === 'front') return frontFlight(layout, size);
  return layout.layers.some((l) => l.id === preset) ? layerFlight(layout, preset, size) : overviewFlight(layout, size);
}
