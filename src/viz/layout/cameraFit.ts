/**
 * Fitting a perspective camera to a set of points: given the viewing direction, the field of view and
 * the canvas's aspect, find the target and distance at which every point lands inside a window of the
 * canvas (the canvas less its margins), filling it along one axis. Pure arithmetic, no three.js.
 *
 * Camera frame: `back` is the unit vector from the target to the camera, `right` = up x back with up
 * = +y, and `top` = back x right. A point p at target + (x right + y top + b back) is at depth
 * distance - b in front of the camera and projects to NDC (x / (depth tanH), y / (depth tanV)).
 */
import type { Vec3 } from './networkLayout';

/** Fractions of the canvas kept clear on each side. */
export interface Margins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** What the fit needs to know about the view. */
export interface FitView {
  /** Vertical field of view in degrees. */
  readonly fov: number;
  /** Canvas width / height. */
  readonly aspect: number;
  readonly margins: Margins;
}

/** A camera placement: where it stands and where it looks. */
export interface Placement {
  readonly position: Vec3;
  readonly target: Vec3;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (a: Vec3): Vec3 => {
  const n = Math.hypot(...a);
  return [a[0] / n, a[1] / n, a[2] / n];
};
const along = (origin: Vec3, axis: Vec3, amount: number): Vec3 => [
  origin[0] + axis[0] * amount,
  origin[1] + axis[1] * amount,
  origin[2] + axis[2] * amount,
];

/** The unit vector from the target toward a camera `azimuth` degrees round +y from +z and `elevation` degrees up. */
export function viewDirection(azimuth: number, elevation: number): Vec3 {
  const a = (azimuth * Math.PI) / 180;
  const e = (elevation * Math.PI) / 180;
  return [Math.sin(a) * Math.cos(e), Math.sin(e), Math.cos(a) * Math.cos(e)];
}

/** The NDC extents [xMin, xMax, yMin, yMax] of `points` seen from `placement` (points behind the camera give Infinity). */
export function projectedExtent(
  points: readonly Vec3[],
  placement: Placement,
  view: FitView,
): [number, number, number, number] {
  const back = unit([0, 1, 2].map((k) => placement.position[k] - placement.target[k]) as Vec3);
  const right = unit(cross([0, 1, 0], back));
  const top = cross(back, right);
  const distance = Math.hypot(...placement.position.map((v, k) => v - placement.target[k]));
  const tanV = Math.tan((view.fov * Math.PI) / 360);
  const tanH = tanV * view.aspect;
  const extent: [number, number, number, number] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    const rel = [0, 1, 2].map((k) => p[k] - placement.target[k]) as Vec3;
    const depth = distance - dot(rel, back);
    if (!(depth > 0)) return [-Infinity, Infinity, -Infinity, Infinity];
    const x = dot(rel, right) / (depth * tanH);
    const y = dot(rel, top) / (depth * tanV);
    extent[0] = Math.min(extent[0], x);
    extent[1] = Math.max(extent[1], x);
    extent[2] = Math.min(extent[2], y);
    extent[3] = Math.max(extent[3], y);
  }
  return extent;
}

/** The placement looking along -`direction` at which `points` fill the window of `view` (see the header). */
export function fitPoints(points: readonly Vec3[], direction: Vec3, view: FitView): Placement {
  const back = unit(direction);
  const right = unit(cross([0, 1, 0], back));
  const top = cross(back, right);
  const tanV = Math.tan((view.fov * Math.PI) / 360);
  const tanH = tanV * view.aspect;
  const { left, right: rightMargin, top: topMargin, bottom } = view.margins;
  const window = [-1 + 2 * left, 1 - 2 * rightMargin, -1 + 2 * bottom, 1 - 2 * topMargin];
  const centre = (window[0] + window[1]) / 2;
  const middle = (window[2] + window[3]) / 2;
  const min = [0, 1, 2].map((k) => Math.min(...points.map((p) => p[k])));
  const max = [0, 1, 2].map((k) => Math.max(...points.map((p) => p[k])));
  let target: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  let distance = (4 * Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2])) / tanV + 1;
  // Scale the distance by how much the picture over- or under-fills the window, and slide the target
  // so the picture's middle sits at the window's middle; perspective makes both approximate, so repeat.
  for (let step = 0; step < 60; step++) {
    const [x0, x1, y0, y1] = projectedExtent(points, { position: along(target, back, distance), target }, view);
    const scale = Math.max((x1 - x0) / (window[1] - window[0]), (y1 - y0) / (window[3] - window[2]));
    const shiftX = ((x0 + x1) / 2 - centre) * distance * tanH;
    const shiftY = ((y0 + y1) / 2 - middle) * distance * tanV;
    target = along(along(target, right, shiftX), top, shiftY);
    distance *= scale;
    if (Math.abs(scale - 1) < 1e-5 && Math.abs(shiftX) + Math.abs(shiftY) < 1e-6 * distance) break;
  }
  return { position: along(target, back, distance), target };
}
