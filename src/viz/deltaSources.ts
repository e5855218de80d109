/**
 * The numbers behind one node's backpropagation error term, recomputed from the parameters and one
 * image's forward and backward frames (deltaExplanation.ts puts them into words).
 *
 * Indices are flat [c][y][x] as in the engine; δ of a layer is dL/dz where it has a pre-activation z,
 * else dL/d(output); a is a node's output. For node (c, y, x) (dense unit i) of layer l:
 *
 *   dense above (W [out][in]):  dL/da_i = Σ_k W[k][i] δ_k
 *   conv above (W [oc][ic][ky][kx], kernel K, output OH x OW):
 *       dL/da[c][y][x] = Σ_{oc reading c} Σ_{ky,kx} δ[oc][y − ky][x − kx] W[oc][c][ky][kx]
 *       over 0 <= y − ky < OH, 0 <= x − kx < OW (the rot180 kernel slid over the zero-padded δ map: 'full')
 *   pool above (2x2 stride 2): the cell (c, y div 2, x div 2), slot s = (y mod 2) * 2 + x mod 2, routes
 *     max        dL/d(out of the cell) to its winning slot, 0 to the other three
 *     mean       dL/d(out of the cell) / 4 to every slot
 *     subsample  coeff[c] * δ_cell to every slot
 *
 * The edge from node o down to its source i carries W[weightIndex] δ_o (conv, dense) or the pooling
 * cell's routed value above; summed over every node reading i, the edges give dL/da_i. With learned
 * combinations W is the effective kernel α_ij k_ij the forward convolves with (effectiveWeights.ts).
 */
import type { ActivationFrame, FrameRange } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { Activation, LayerSpec } from '../engine/model/layerSpec';
import { parameterLayout, tensorSpec } from '../engine/model/parameters';
import { TANH_AMPLITUDE, TANH_SLOPE } from '../engine/reference/activation';
import { effectiveParams } from './effectiveWeights';
import { directSources } from './layout/fanIn';
import { nodeIndex, nodeRef, type NodeRef } from '../engine/model/nodeRef';

/** A part of a forward or backward frame layer. */
export type FramePart = 'out' | 'pre' | 'argmax';

/** What `framePart` reads: an `ActivationFrame` or a `BackwardFrame`. */
export interface FrameLike {
  readonly values: Float32Array;
  readonly layers: readonly ({ readonly id: string } & { readonly [P in FramePart]?: FrameRange | null })[];
}

/** One W × δ term of a sum over the layer above: the node above, its weight to this node and its δ. */
export interface WeightedDelta {
  readonly above: NodeRef;
  readonly weight: number;
  readonly delta: number;
}

/** One cell of a pooling window: its forward value, the dL/d(output) the cell above routes to it, whether it won the max. */
export interface WindowCell {
  readonly value: number;
  readonly routed: number;
  readonly winner: boolean;
}

/** The position of layer `id` in `layers`; throws RangeError when there is none. */
export function layerPosition(layers: readonly LayerSpec[], id: string): number {
  const at = layers.findIndex((spec) => spec.id === id);
  if (at < 0) throw new RangeError(`No layer ${id}`);
  return at;
}

/** One part of one layer of a frame as a view (do not modify), or null where the layer has no such part. */
export function framePart(frame: FrameLike, id: string, part: FramePart): Float32Array | null {
  const layer = frame.layers.find((l) => l.id === id);
  if (!layer) throw new RangeError(`The frame has no layer ${id}`);
  const range = layer[part];
  return range ? frame.values.subarray(range[0], range[0] + range[1]) : null;
}

/** The element offset of parameter tensor `name` in the flat parameter vector. */
export function tensorOffset(layers: readonly LayerSpec[], name: string): number {
  return tensorSpec(parameterLayout(layers), name).offset;
}

/** f′(z) from z and a = f(z): relu 1 for z > 0 else 0, LeCun tanh (2/3)(1.7159 − a²/1.7159), sigmoid a(1 − a). */
export function activationSlope(kind: Activation, z: number, a: number): number {
  switch (kind) {
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'tanh':
      return TANH_SLOPE * (TANH_AMPLITUDE - (a * a) / TANH_AMPLITUDE);
    case 'sigmoid':
      return a * (1 - a);
    default: {
      const never: never = kind;
      throw new Error(`unknown activation ${String(never)}`);
    }
  }
}

/**
 * dL/d(output) of `node` recomputed as Σ W δ over the nodes of the dense or conv layer above that read
 * it (every term listed, in the above layer's order), or null when the layer above pools or there is none.
 */
export function weightedDeltaSum(
  layers: readonly LayerSpec[],
  params: ArrayLike<number>,
  backward: BackwardFrame,
  node: NodeRef,
): { readonly sum: number; readonly terms: readonly WeightedDelta[] } | null {
  params = effectiveParams(layers, params);
  const at = layerPosition(layers, node.layer);
  const i = nodeIndex(layers[at], node);
  const above = layers[at + 1];
  if (!above || (above.kind !== 'dense' && above.kind !== 'conv')) return null;
  const deltas = framePart(backward, above.id, 'pre')!;
  const weights = tensorOffset(layers, `${above.id}.weight`);
  const terms: WeightedDelta[] = [];
  if (above.kind === 'dense') {
    for (let k = 0; k < above.shape[0]; k++) {
      terms.push({ above: nodeRef(above, k), weight: params[weights + k * above.inFeatures + i], delta: deltas[k] });
    }
  } else {
    const [inChannels] = above.inShape;
    const [, height, width] = above.shape;
    const K = above.kernelSize;
    above.connections.forEach((maps, oc) => {
      if (!maps.includes(node.c)) return;
      for (let ky = 0; ky < K; ky++) {
        for (let kx = 0; kx < K; kx++) {
          const y = node.y - ky,
            x = node.x - kx;
          if (y < 0 || y >= height || x < 0 || x >= width) continue;
          const weight = params[weights + ((oc * inChannels + node.c) * K + ky) * K + kx];
          terms.push({ above: { layer: above.id, c: oc, y, x }, weight, delta: deltas[(oc * height + y) * width + x] });
        }
      }
    });
  }
  let sum = 0;
  for (const term of terms) sum += term.weight * term.delta;
  return { sum, terms };
}

/**
 * The δ each edge carries down from `node` to each of `directSources(layers, node, argmax)`, in that
 * order: conv and dense W[node ← source] × δ_node (δ = dL/dz); max pooling dL/d(out) to the winner and
 * 0 to the others; mean pooling dL/d(out) / 4 each; subsampling coeff × dL/dz each. None for the input.
 */
export function edgeDeltas(
  layers: readonly LayerSpec[],
  params: ArrayLike<number>,
  frame: ActivationFrame,
  backward: BackwardFrame,
  node: NodeRef,
): number[] {
  const spec = layers[layerPosition(layers, node.layer)];
  const o = nodeIndex(spec, node);
  if (spec.kind === 'input') return [];
  const sources = directSources(layers, node, framePart(frame, spec.id, 'argmax'));
  const dOut = framePart(backward, spec.id, 'out')![o];
  const dPre = framePart(backward, spec.id, 'pre')?.[o] ?? 0;
  if (spec.kind === 'pool') {
    if (spec.pooling === 'max') return sources.map((source) => (source.winner ? dOut : 0));
    const share = spec.pooling === 'mean' ? dOut / 4 : params[tensorOffset(layers, `${spec.id}.coeff`) + node.c] * dPre;
    return sources.map(() => share);
  }
  const weights = tensorOffset(layers, `${spec.id}.weight`);
  const effective = effectiveParams(layers, params);
  return sources.map((source) => effective[weights + source.weightIndex!] * dPre);
}

/** The 2x2 window under pooling cell `node` in row-major order with what it routes to each cell, and whether max pooling tied. */
export function poolWindow(
  layers: readonly LayerSpec[],
  params: ArrayLike<number>,
  frame: ActivationFrame,
  backward: BackwardFrame,
  node: NodeRef,
): { readonly cells: WindowCell[]; readonly tie: boolean } {
  const at = layerPosition(layers, node.layer);
  const spec = layers[at];
  if (spec.kind !== 'pool') throw new RangeError(`${node.layer} is not a pooling layer`);
  const below = layers[at - 1];
  const values = framePart(frame, below.id, 'out')!;
  const routed = edgeDeltas(layers, params, frame, backward, node);
  const cells = directSources(layers, node, framePart(frame, spec.id, 'argmax')).map((source, n): WindowCell => ({
    value: values[nodeIndex(below, source)],
    routed: routed[n],
    winner: source.winner === true,
  }));
  const best = Math.max(...cells.map((cell) => cell.value));
  return { cells, tie: spec.pooling === 'max' && cells.filter((cell) => cell.value === best).length > 1 };
}

/** For a node under a pooling layer: the pooling cell above it and the node's slot in that cell's window; else null. */
export function poolCellAbove(
  layers: readonly LayerSpec[],
  node: NodeRef,
): { readonly cell: NodeRef; readonly slot: number } | null {
  const above = layers[layerPosition(layers, node.layer) + 1];
  if (!above || above.kind !== 'pool') return null;
  return {
    cell: { layer: above.id, c: node.c, y: Math.floor(node.y / 2), x: Math.floor(node.x / 2) },
    slot: (node.y % 2) * 2 + (node.x % 2),
  };
}
