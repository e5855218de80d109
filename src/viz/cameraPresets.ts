/**
 * The camera presets as placements fitted to the canvas: the overview (the stack seen obliquely from
 * in front, to one side and a little above, so the planes read as stacked 3D planes), the front-on
 * view of earlier versions, and a close look at each layer. Every preset fits its subject to the
 * canvas's aspect, leaving room for the labels at the left (labelSpace.ts).
 */
import { fitPoints, viewDirection, type Margins } from './layout/cameraFit';
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

/** The corners of each layer's plane, and a point above each output node for its digit label. */
function framePoints(layers: readonly LayerLayout[]): Vec3[] {
  return layers.flatMap((layer) => {
    const { min, max } = layer.bounds;
    const y = layer.positions[1];
    const corners: Vec3[] = [
      [min[0], y, min[2]],
      [max[0], y, min[2]],
      [min[0], y, max[2]],
      [max[0], y, max[2]],
    ];
    return layer.kind === 'dense' && layer.shape[0] <= 10
      ? [...corners, [min[0], y + 2 * layer.pitch, min[2] - layer.pitch]]
      : corners;
  });
}

/** The size assumed before the canvas has one (the first frame sets it, and the preset is fitted again). */
const UNSIZED: ViewSize = { width: 740, height: 529 };

/** The canvas fractions kept clear: the labels' room at the left, a little at the other edges. */
function margins({ width, height }: ViewSize): Margins {
  return { left: labelReserve(width) / width, right: 12 / width, top: 24 / height, bottom: 12 / height };
}

function fitted(layers: readonly LayerLayout[], azimuth: number, elevation: number, canvas: ViewSize): CameraFlight {
  const size = canvas.width > 0 && canvas.height > 0 ? canvas : UNSIZED;
  return fitPoints(framePoints(layers), viewDirection(azimuth, elevation), {
    fov: CAMERA_FOV,
    aspect: size.width / size.height,
    margins: margins(size),
  });
}

/** The overview: the whole stack from in front and to one side, a little above (see the header). */
export function overviewFlight(layout: NetworkLayout, size: ViewSize): CameraFlight {
  return fitted(layout.layers, OVERVIEW_AZIMUTH, OVERVIEW_ELEVATION, size);
}

/** The whole stack front-on, from in front and 30 degrees above (the first view of earlier versions). */
export function frontFlight(layout: NetworkLayout, size: ViewSize): CameraFlight {
  return fitted(layout.layers, 0, 30, size);
}

/** A close look at one layer's plane from in front and above. */
export function layerFlight(layout: NetworkLayout, layerId: string, size: ViewSize): CameraFlight {
  const layer = layout.layers.find((l) => l.id === layerId);
  if (!layer) throw new Error(`no layer ${layerId}`);
  return fitted([layer], 0, 45, size);
}

/** The flight to a camera preset: 'overview', 'front' or a layer id (an unknown id gives the overview). */
export function presetFlight(layout: NetworkLayout, preset: string, size: ViewSize): CameraFlight {
  if (preset === 'front') return frontFlight(layout, size);
  return layout.layers.some((l) => l.id === preset) ? layerFlight(layout, preset, size) : overviewFlight(layout, size);
}
