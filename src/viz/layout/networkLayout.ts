/**
 * Where every neuron's node sits in 3D, in the style of Adam Harley's LeNet visualizer.
 *
 * Axes (right-handed, y up): each layer is a horizontal plane, the input at y = 0 and the output at the
 * top; consecutive planes are layerSpacing + depthSpacing * (mean z extent of the two) apart, so that
 * deep planes seen obliquely from above (the overview camera) do not hide one another. Within a plane,
 * image columns run along +x and image rows along +z, so row 0 is the far edge (-z) of its map: from a
 * camera in front (+z) and above, looking down toward -z, row 0 is at the top and column 0 at the left,
 * as on the drawing pad; seen from straight above with -z up the image reads unmirrored. Every plane is centred on x = z = 0.
 *
 * Conv, pool and input layers lay their maps out in a grid of mapColumns(c) columns (1 -> 1x1,
 * 6 -> 6x1, 16 -> 8x2), map m at grid row floor(m / cols) and column m % cols, with `mapGap` between
 * maps; the node pitch is chosen so that every such plane is `planeWidth` wide (the input plane
 * INPUT_WIDTH_FRACTION of it). So a 2x2 pool layer
 * whose grid matches the conv below has twice its pitch, and each pooled node sits right above the
 * centre of its window. Dense layers are grids of DENSE_COLUMNS (120 -> 24x5, 84 -> 24x4) at a pitch of
 * planeWidth / (1.6 DENSE_COLUMNS). One that fits in a single row (the 10 outputs, everything leads to them) is
 * spread at OUTPUT_PITCH times that pitch, and its nodes are large tiles standing upright (`upright`: in the plane
 * z = const, facing the front, +z), OUTPUT_FILL of their pitch wide, with room above each for its digit's label.
 *
 * Node order is the network's flattened [c][y][x]: node i of a layer with shape [C, H, W] is
 * (c, y, x) = (floor(i / (H W)), floor(i / W) % H, i % W), and its position is positions[3i .. 3i+2].
 * Dense unit u is (c, y, x) = (u, 0, 0).
 */
import type { LayerSpec, Shape3 } from '../../engine/model/layerSpec';

/** A point or extent in world units: [x, y, z]. */
export type Vec3 = [number, number, number];

/** An axis-aligned box in world units. */
export interface Bounds {
  readonly min: Vec3;
  readonly max: Vec3;
}

/** Where one layer's nodes sit. */
export interface LayerLayout {
  readonly id: string;
  readonly kind: LayerSpec['kind'];
  readonly shape: Shape3;
  readonly count: number;
  /** x, y, z of node i at 3i .. 3i+2, nodes in flattened [c][y][x] order. */
  readonly positions: Float32Array;
  /** Distance between neighbouring node centres in a map. */
  readonly pitch: number;
  /** Edge of a node's cube; smaller than the pitch, so nodes never touch. */
  readonly nodeSize: number;
  /** True when the tiles stand upright (x-y plane, facing +z) instead of lying in the layer's plane (the outputs). */
  readonly upright: boolean;
  /** The box holding every node, cubes included. */
  readonly bounds: Bounds;
  /** The centre of each map's grid, one per channel (for dense layers, each unit's own position). */
  readonly mapOrigins: readonly Vec3[];
  /** The [x, z] extent of one map's frame: its nodes' cells, pitch x pitch each. */
  readonly mapSize: readonly [number, number];
  /** How the maps (for dense layers, the units) tile the plane: map m at grid row floor(m / columns), column m % columns. */
  readonly mapGrid: MapGrid;
}

/** The grid of a layer's maps: `columns` x `rows` frames of mapSize, `gap` apart, the first one's corner at (left, back). */
export interface MapGrid {
  readonly columns: number;
  readonly rows: number;
  readonly gap: number;
  /** The smallest x of the grid (the left edge of column 0). */
  readonly left: number;
  /** The smallest z of the grid (the far edge of row 0). */
  readonly back: number;
}

/** Every layer's placement and the box around them all. */
export interface NetworkLayout {
  readonly layers: readonly LayerLayout[];
  readonly bounds: Bounds;
}

/** The sizes that set the picture's proportions, in world units. */
export interface LayoutOptions {
  /** Width of every conv, pool and input plane. */
  readonly planeWidth: number;
  /** Space between neighbouring maps of a layer. */
  readonly mapGap: number;
  /** Vertical distance between consecutive layers, before the depth allowance. */
  readonly layerSpacing: number;
  /** Extra vertical distance between two layers per unit of their mean plane depth (z extent), so deep planes seen from above stay apart. */
  readonly depthSpacing: number;
}

/** With these, LeNet-5's c1 and c3 nodes are 1 and 2 units apart. */
export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  planeWidth: 160,
  mapGap: 5,
  layerSpacing: 10,
  depthSpacing: 0.8,
};

/** Columns of a dense layer's grid. */
export const DENSE_COLUMNS = 24;

/** The input plane's width as a fraction of the others' (one 32x32 map would otherwise dwarf them). */
export const INPUT_WIDTH_FRACTION = 0.33;

/**
 * Maps per row: up to 8 maps side by side in one row, more in two rows (6 -> 6x1, 16 -> 8x2), so
 * planes are wide and shallow and a camera looking down at ~35 degrees sees each one clear of the next.
 */
export function mapColumns(channels: number): number {
  return channels <= 8 ? channels : Math.ceil(channels / 2);
}

/** A node's cube edge as a fraction of the pitch of a map grid or of a multi-row dense grid. */
export const NODE_FILL = 0.88;

/** A one-row dense layer's (the outputs') pitch, in dense pitches. */
export const OUTPUT_PITCH = 3;

/** An output tile's edge as a fraction of its pitch (the rest is the gap between neighbouring tiles). */
export const OUTPUT_FILL = 0.8;

/** How a layer's maps and nodes are arranged in its plane. */
interface Grid {
  readonly columns: number;
  readonly rows: number;
  readonly pitch: number;
  readonly nodeSize: number;
  readonly gap: number;
  readonly upright: boolean;
}

function gridFor(spec: LayerSpec, options: LayoutOptions): Grid {
  const [channels, , width] = spec.shape;
  if (spec.kind === 'dense') {
    const columns = Math.min(channels, DENSE_COLUMNS);
    const pitch = options.planeWidth / (1.6 * DENSE_COLUMNS);
    const rows = Math.ceil(channels / columns);
    if (rows === 1) {
      const wide = OUTPUT_PITCH * pitch;
      return { columns, rows, pitch: wide, nodeSize: OUTPUT_FILL * wide, gap: 0, upright: true };
    }
    return { columns, rows, pitch, nodeSize: NODE_FILL * pitch, gap: 0, upright: false };
  }
  const columns = mapColumns(channels);
  const planeWidth = spec.kind === 'input' ? options.planeWidth * INPUT_WIDTH_FRACTION : options.planeWidth;
  const pitch = (planeWidth - (columns - 1) * options.mapGap) / (columns * width);
  const rows = Math.ceil(channels / columns);
  return { columns, rows, pitch, nodeSize: NODE_FILL * pitch, gap: options.mapGap, upright: false };
}

/** Places every node of every layer; see the header for the axes and grid rules. */
export function networkLayout(layers: readonly LayerSpec[], options: Partial<LayoutOptions> = {}): NetworkLayout {
  const settings = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const depths = layers.map((spec) => planeDepth(gridFor(spec, settings), spec.shape[1]));
  let planeY = 0;
  const placed = layers.map((spec, index) => {
    if (index > 0) planeY += settings.layerSpacing + (settings.depthSpacing * (depths[index - 1] + depths[index])) / 2;
    return layOutLayer(spec, planeY, settings);
  });
  return { layers: placed, bounds: unionBounds(placed.map((layer) => layer.bounds)) };
}

/** The z extent of a layer's grid of maps. */
function planeDepth(grid: Grid, height: number): number {
  return grid.rows * height * grid.pitch + (grid.rows - 1) * grid.gap;
}

function layOutLayer(spec: LayerSpec, planeY: number, options: LayoutOptions): LayerLayout {
  const [channels, height, width] = spec.shape;
  const { columns, rows, pitch, nodeSize, gap, upright } = gridFor(spec, options);
  const mapSize: [number, number] = [width * pitch, height * pitch];
  const left = -(columns * mapSize[0] + (columns - 1) * gap) / 2;
  const back = -(rows * mapSize[1] + (rows - 1) * gap) / 2;
  const mapOrigins = Array.from({ length: channels }, (_, map): Vec3 => [
    left + (map % columns) * (mapSize[0] + gap) + mapSize[0] / 2,
    planeY,
    back + Math.floor(map / columns) * (mapSize[1] + gap) + mapSize[1] / 2,
  ]);
  const count = channels * height * width;
  const positions = new Float32Array(3 * count);
  for (let node = 0; node < count; node++) {
    const [originX, , originZ] = mapOrigins[Math.floor(node / (height * width))];
    positions[3 * node] = originX + ((node % width) - (width - 1) / 2) * pitch;
    positions[3 * node + 1] = planeY;
    positions[3 * node + 2] = originZ + ((Math.floor(node / width) % height) - (height - 1) / 2) * pitch;
  }
  const bounds = nodeBounds(positions, nodeSize);
  return {
    id: spec.id,
    kind: spec.kind,
    shape: spec.shape,
    count,
    positions,
    pitch,
    nodeSize,
    upright,
    bounds,
    mapOrigins,
    mapSize,
    mapGrid: { columns, rows, gap, left, back },
  };
}

function nodeBounds(positions: Float32Array, nodeSize: number): Bounds {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  positions.forEach((value, i) => {
    min[i % 3] = Math.min(min[i % 3], value - nodeSize / 2);
    max[i % 3] = Math.max(max[i % 3], value + nodeSize / 2);
  });
  return { min, max };
}

function unionBounds(boxes: readonly Bounds[]): Bounds {
  const axes = [0, 1, 2] as const;
  return {
    min: axes.map((axis) => Math.min(...boxes.map((box) => box.min[axis]))) as Vec3,
    max: axes.map((axis) => Math.max(...boxes.map((box) => box.max[axis]))) as Vec3,
  };
}
