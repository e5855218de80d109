/**
 * Where a node's input comes from: the edges to draw for a focused node and the receptive fields
 * that trace mode highlights. Layers are read from a `LayerSpec[]`, each reading the one before it.
 *
 * Indices (flat [c][y][x], as in the engine): o is the node, i its source in the layer below;
 * conv: K kernel size, IC input maps; pool: 2x2 stride 2, window slot s = py * 2 + px (the engine's argmax).
 *
 *   conv  (oc, oy, ox) <- (ic, oy + ky, ox + kx)  for ic in connections[oc], ky, kx in [0, K)
 *         weightIndex = ((oc * IC + ic) * K + ky) * K + kx      (weight tensor [oc][ic][ky][kx])
 *   pool  (c, oy, ox)  <- (c, 2 oy + py, 2 ox + px)             for py, px in {0, 1}
 *   dense o            <- every i of the layer below            weightIndex = o * IN + i
 *   input              <- nothing
 *
 * Receptive fields compose these windows, so a node's field in the input is a square: K - 1 wider
 * per conv, doubled (2 x0 .. 2 x1 + 1) per pool, and the whole input as soon as a dense layer is crossed.
 */
import type { ComputeLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { nodeIndex, nodeRef, type NodeRef } from '../../engine/model/nodeRef';

/** A node one layer down feeding the focused node; `weightIndex` for conv and dense, `winner` for max pooling. */
export type SourceNode = NodeRef & { readonly winner?: true; readonly weightIndex?: number };

/** The nodes of one layer that can influence the traced node, in flat index order. */
export interface LayerField {
  readonly layer: string;
  readonly nodes: NodeRef[];
}

/** An inclusive square of input pixels: columns x0 .. x1, rows y0 .. y1. */
export interface InputSquare {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const POOL_SIZE = 2;

/** Calls visit(i, tag) for each source i of node o; tag is the weight index (conv, dense) or window slot (pool). */
function forEachSource(spec: ComputeLayerSpec, o: number, visit: (i: number, tag: number) => void): void {
  switch (spec.kind) {
    case 'conv': {
      const [IC, IH, IW] = spec.inShape;
      const K = spec.kernelSize;
      const { c: oc, y: oy, x: ox } = nodeRef(spec, o);
      for (const ic of spec.connections[oc]) {
        for (let ky = 0; ky < K; ky++) {
          for (let kx = 0; kx < K; kx++) visit((ic * IH + oy + ky) * IW + ox + kx, ((oc * IC + ic) * K + ky) * K + kx);
        }
      }
      return;
    }
    case 'pool': {
      const [, IH, IW] = spec.inShape;
      const { c, y: oy, x: ox } = nodeRef(spec, o);
      for (let s = 0; s < POOL_SIZE * POOL_SIZE; s++) {
        const py = Math.floor(s / POOL_SIZE),
          px = s % POOL_SIZE;
        visit((c * IH + POOL_SIZE * oy + py) * IW + POOL_SIZE * ox + px, s);
      }
      return;
    }
    case 'dense':
      for (let i = 0; i < spec.inFeatures; i++) visit(i, o * spec.inFeatures + i);
      return;
    default: {
      const unreachable: never = spec;
      throw new Error(`Unknown layer ${JSON.stringify(unreachable)}`);
    }
  }
}

function layerAt(layers: readonly LayerSpec[], id: string): number {
  const index = layers.findIndex((spec) => spec.id === id);
  if (index < 0) throw new RangeError(`No layer ${id}`);
  return index;
}

/** The compute layer at `index` of `layers` (any layer but the first, which is the input). */
function computeLayer(layers: readonly LayerSpec[], index: number): ComputeLayerSpec {
  const spec = layers[index];
  if (spec.kind === 'input') throw new Error(`The input layer ${spec.id} must come first`);
  return spec;
}

/** The nodes one layer down that feed `ref`; with the pool layer's `argmax`, max pooling marks its winner. */
export function directSources(
  layers: readonly LayerSpec[],
  ref: NodeRef,
  argmax: ArrayLike<number> | null = null,
): SourceNode[] {
  const at = layerAt(layers, ref.layer);
  const o = nodeIndex(layers[at], ref);
  if (at === 0) return [];
  const spec = computeLayer(layers, at);
  const below = layers[at - 1];
  let winnerSlot = -1;
  if (spec.kind === 'pool' && spec.pooling === 'max' && argmax !== null) {
    const count = shapeCount(spec);
    if (argmax.length !== count) throw new RangeError(`${spec.id} argmax needs ${count} slots, got ${argmax.length}`);
    winnerSlot = argmax[o];
  }
  const sources: SourceNode[] = [];
  forEachSource(spec, o, (i, tag) => {
    const source = nodeRef(below, i);
    if (spec.kind !== 'pool') sources.push({ ...source, weightIndex: tag });
    else sources.push(tag === winnerSlot ? { ...source, winner: true } : source);
  });
  return sources;
}

/** Every node of every layer below `ref` that can influence it, from the layer just below down to the input. */
export function receptiveField(layers: readonly LayerSpec[], ref: NodeRef): LayerField[] {
  const at = layerAt(layers, ref.layer);
  let marked = new Uint8Array(shapeCount(layers[at]));
  marked[nodeIndex(layers[at], ref)] = 1;
  const fields: LayerField[] = [];
  for (let layerIndex = at; layerIndex > 0; layerIndex--) {
    const spec = computeLayer(layers, layerIndex);
    const below = layers[layerIndex - 1];
    const reached = new Uint8Array(shapeCount(below));
    marked.forEach((isMarked, o) => {
      if (isMarked)
        forEachSource(spec, o, (i) => {
          reached[i] = 1;
        });
    });
    const nodes: NodeRef[] = [];
    reached.forEach((isReached, i) => {
      if (isReached) nodes.push(nodeRef(below, i));
    });
    fields.push({ layer: below.id, nodes });
    marked = reached;
  }
  return fields;
}

/** The square of input pixels `ref` sees, or null when it sees the whole input (any dense node). */
export function inputSquare(layers: readonly LayerSpec[], ref: NodeRef): InputSquare | null {
  const at = layerAt(layers, ref.layer);
  nodeIndex(layers[at], ref); // refuses a node outside its layer, as the other lookups do
  let square: InputSquare = { x0: ref.x, y0: ref.y, x1: ref.x, y1: ref.y };
  for (let layerIndex = at; layerIndex > 0; layerIndex--) {
    const spec = computeLayer(layers, layerIndex);
    if (spec.kind === 'dense') return null;
    const grow = spec.kind === 'conv' ? spec.kernelSize - 1 : 0;
    const scale = spec.kind === 'pool' ? POOL_SIZE : 1;
    square = {
      x0: square.x0 * scale,
      y0: square.y0 * scale,
      x1: square.x1 * scale + (scale - 1) + grow,
      y1: square.y1 * scale + (scale - 1) + grow,
    };
  }
  const [, height, width] = layers[0].shape;
  const whole = square.x0 === 0 && square.y0 === 0 && square.x1 === width - 1 && square.y1 === height - 1;
  return whole ? null : square;
}

function shapeCount(spec: LayerSpec): number {
  return spec.shape[0] * spec.shape[1] * spec.shape[2];
}
