/**
 * How one hovered node's backpropagation error term was computed, in the CNN tutorial's terms and with
 * this drawing's numbers. The sensitivity δ = ∂E/∂u (u = z, the pre-activation; E the loss of
 * backwardFrame.ts: label t, p = softmax(z), K = 10 classes):
 *
 *   output, cross-entropy   δ_k = p_k − t_k
 *   output, mean squared    δ_k = p_k (∂E/∂p_k − Σ_j ∂E/∂p_j p_j),  ∂E/∂p_k = 2 (p_k − t_k) / K
 *   under a dense layer     δ^l = (W^{l+1})ᵀ δ^{l+1} ∘ f′(u^l)
 *   under a conv layer      ∂E/∂a_i = Σ_j conv2(δ_j^{l+1}, rot180(k_ij^{l+1}), 'full')  (∘ f′(u) where there is a u)
 *   under a pooling layer   δ^l = UpSample(δ^{l+1} ∘ β) ∘ f′(u^l): max routes to the winner only, mean δ/4 each
 *   weight gradient         ∂E/∂W = x^{l−1} (δ^l)ᵀ,  ∂E/∂b = Σ δ
 *
 * conv2(..., 'full') here slides the 180°-rotated kernel over the zero-padded δ map, as a layer slides its
 * kernel (the engine and PyTorch correlate): ∂E/∂a[c][y][x] = Σ δ[oc][y − ky][x − kx] W[oc][c][ky][kx].
 * The index formulas of every sum are in deltaSources.ts.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { LayerSpec, LossKind } from '../engine/model/layerSpec';
import {
  activationSlope,
  edgeDeltas,
  framePart,
  layerPosition,
  poolCellAbove,
  poolWindow,
  tensorOffset,
  weightedDeltaSum,
  type WindowCell,
} from './deltaSources';
import { nodeIndex, nodeRef, type NodeRef } from '../engine/model/nodeRef';

export { edgeDeltas } from './deltaSources';

/** What the view says about one node's δ. */
export interface DeltaExplanation {
  /** The node's δ shown in the view: dL/dz where the layer has a pre-activation, else dL/d(output). */
  readonly delta: number;
  /** dL/d(output) of the node (for output: dL/dp). */
  readonly dOut: number;
  /** dL/dz or null. */
  readonly dPre: number | null;
  /** The rule in the tutorial's symbols, e.g. 'δ = (Wᵀ δ of c5) ∘ f′(z)'. */
  readonly formula: string;
  /** The same with this drawing's numbers, e.g. 'δ = 0.0123 × f′(0.52) = 0.0123 × 1 = 0.0123'. */
  readonly worked: string;
  /** Further short lines (where dL/d(output) came from, top contributions, what this node passes down). */
  readonly notes: readonly string[];
  /**
   * Pooling cells only: the 2x2 window one layer down in row-major order: each cell's dL/d(output) as
   * routed by this cell, and whether it is the max-pooling winner.
   */
  readonly window: readonly WindowCell[] | null;
  /**
   * Max pooling only: true when two or more cells of the window tie for the maximum (the first in
   * row-major order wins, PyTorch's convention).
   */
  readonly tie: boolean;
}

/** A number in at most 4 significant digits, in exponent form below 1e-3 or from 1e4 up ('0.0123', '1.5e-5', '0'). */
export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return Object.is(value, -0) ? '0' : String(value);
  const rounded = Number(value.toPrecision(4));
  if (Math.abs(rounded) >= 1e-3 && Math.abs(rounded) < 1e4) return String(rounded);
  const [mantissa, exponent] = value.toExponential(3).split('e');
  return `${String(Number(mantissa))}e${exponent.replace('+', '')}`;
}

const f = formatNumber;

/** A number as the right-hand operand of − or ×: negative ones in parentheses. */
const operand = (value: number): string => (value < 0 ? `(${f(value)})` : f(value));

/** A node's name as the view labels it: 'c3 (2, 4, 7)' or 'f6 unit 12'. */
export function nodeName(spec: LayerSpec, ref: NodeRef): string {
  return spec.kind === 'dense' ? `${spec.id} unit ${ref.c}` : `${spec.id} (${ref.c}, ${ref.y}, ${ref.x})`;
}

/** Where dL/d(output) came from: the rule, how many W × δ terms it sums (0 when routed by a pooling cell), and notes. */
interface Upstream {
  readonly rule: string;
  readonly terms: number;
  readonly notes: string[];
}

function upstream(
  layers: readonly LayerSpec[],
  params: ArrayLike<number>,
  frame: ActivationFrame,
  backward: BackwardFrame,
  node: NodeRef,
  at: number,
  gradient: string,
): Upstream {
  const above = layers[at + 1];
  const weighted = weightedDeltaSum(layers, params, backward, node);
  if (weighted) {
    const size = (t: { weight: number; delta: number }) => Math.abs(t.weight * t.delta);
    const largest = [...weighted.terms]
      .sort((a, b) => size(b) - size(a))
      .slice(0, 3)
      .map((t) => `${nodeName(above, t.above)}: ${f(t.weight)} × ${operand(t.delta)} = ${f(t.weight * t.delta)}`);
    const terms = weighted.terms.length;
    const top = `largest W × δ: ${largest.join('; ')}`;
    if (above.kind === 'dense') {
      const j = nodeIndex(layers[at], node);
      return {
        rule: `Wᵀ δ of ${above.id}`,
        terms,
        notes: [`${gradient} = Σ_k W[k][${j}] δ_k over the ${terms} units of ${above.id} = ${f(weighted.sum)}`, top],
      };
    }
    const maps = [...new Set(weighted.terms.map((t) => t.above.c))];
    const table = maps.length < above.shape[0] ? ` {${maps.join(', ')}} (C3 table)` : '';
    return {
      rule: `Σ_j conv2(δ_j of ${above.id}, rot180(k_j), 'full')`,
      terms,
      notes: [
        `${gradient} = full convolution of ${above.id}'s δ maps with the 180°-rotated kernels, over the ` +
          `${maps.length} ${above.id} maps connected to this map${table}: Σ of ${terms} W × δ terms = ${f(weighted.sum)}`,
        top,
      ],
    };
  }
  if (above?.kind !== 'pool') throw new RangeError(`${node.layer} has no dense, conv or pooling layer above it`);
  const { cell, slot } = poolCellAbove(layers, node)!;
  const { cells, tie } = poolWindow(layers, params, frame, backward, cell);
  const value = cells[slot].routed;
  const cellDOut = framePart(backward, above.id, 'out')![nodeIndex(above, cell)];
  const name = nodeName(above, cell);
  if (above.pooling === 'mean') {
    return {
      rule: `UpSample(δ of ${above.id}) / 4`,
      terms: 0,
      notes: [`mean pooling: ${name} gives each of its 4 cells ¼ × ∂E/∂a = ¼ × ${operand(cellDOut)} = ${f(value)}`],
    };
  }
  if (above.pooling === 'subsample') {
    const coeff = params[tensorOffset(layers, `${above.id}.coeff`) + node.c];
    const cellDelta = framePart(backward, above.id, 'pre')![nodeIndex(above, cell)];
    return {
      rule: `UpSample(β δ of ${above.id})`,
      terms: 0,
      notes: [
        `subsampling: ${name} gives each of its 4 cells β × δ = ${f(coeff)} × ${operand(cellDelta)} = ${f(value)}`,
      ],
    };
  }
  const winner = cells.findIndex((c) => c.winner);
  const tieNote = tie ? ', a tie broken by row-major order' : '';
  return {
    rule: `UpSample_max(δ of ${above.id})`,
    terms: 0,
    notes: [
      winner === slot
        ? `max pooling: the winner of ${name} (window slot ${slot}${tieNote}): gets its ∂E/∂a = ${f(cellDOut)}`
        : `max pooling: not the winner of ${name} (window slot ${winner} wins${tieNote}): gets 0`,
    ],
  };
}

function outputText(
  loss: LossKind,
  frame: ActivationFrame,
  backward: BackwardFrame,
  spec: LayerSpec,
  k: number,
  dOut: number,
  delta: number,
): { formula: string; worked: string; notes: string[] } {
  const p = framePart(frame, spec.id, 'out')!;
  const dp = framePart(backward, spec.id, 'out')!;
  const t = k === backward.label ? 1 : 0;
  const label = `label ${backward.label}: t_${backward.label} = 1, every other t_k = 0`;
  if (loss === 'softmax-cross-entropy') {
    return {
      formula: 'δ_k = p_k − t_k',
      worked: `δ_${k} = ${f(p[k])} − ${t} = ${f(delta)}`,
      notes: [
        label,
        `∂E/∂p_${k} = −t_${k} / p_${k} = −${t} / ${f(p[k])} = ${f(dOut)}`,
        `E = −log p_${backward.label} = ${f(backward.loss)}`,
      ],
    };
  }
  let dot = 0;
  for (let j = 0; j < p.length; j++) dot += dp[j] * p[j];
  return {
    formula: 'δ_k = p_k (∂E/∂p_k − Σ_j ∂E/∂p_j p_j), ∂E/∂p_k = 2 (p_k − t_k) / K',
    worked: `δ_${k} = ${f(p[k])} × (${f(dOut)} − ${operand(dot)}) = ${f(delta)}`,
    notes: [
      label,
      `∂E/∂p_${k} = 2 × (${f(p[k])} − ${t}) / ${p.length} = ${f(dOut)}`,
      `E = 1/K Σ_k (p_k − t_k)² = ${f(backward.loss)}`,
    ],
  };
}

/** What the node does with its δ: gradients of its own parameters and what it passes down. */
function ownNotes(
  layers: readonly LayerSpec[],
  params: ArrayLike<number>,
  frame: ActivationFrame,
  backward: BackwardFrame,
  node: NodeRef,
  at: number,
  delta: number,
): string[] {
  const spec = layers[at];
  const below = layers[at - 1];
  const grad = (name: string, index: number) => backward.gradients[tensorOffset(layers, `${spec.id}.${name}`) + index];
  if (spec.kind === 'dense') {
    const edges = edgeDeltas(layers, params, frame, backward, node);
    const top = edges.reduce((best, v, i) => (Math.abs(v) > Math.abs(edges[best]) ? i : best), 0);
    const largest = `${nodeName(below, nodeRef(below, top))}: ${f(edges[top])}`;
    return [
      `∂E/∂W[${node.c}][i] = x_i δ (x: ${below.id}'s outputs); ∂E/∂b = δ = ${f(grad('bias', node.c))}`,
      `passes W[${node.c}][i] × δ down to each of the ${edges.length} ${below.id} nodes (largest: ${largest})`,
    ];
  }
  if (spec.kind === 'conv') {
    const maps = spec.connections[node.c];
    const table = maps.length < spec.inShape[0] ? ` (over maps {${maps.join(', ')}} of the C3 table)` : '';
    return [
      `its δ map is full-convolved with its 180°-rotated kernels to pass δ down to ${below.id}${table}`,
      `∂E/∂b_${node.c} = Σ δ over map ${node.c} = ${f(grad('bias', node.c))}`,
      `∂E/∂k_i${node.c}[ky][kx] = Σ_y,x δ[y][x] x_i[y + ky][x + kx] (x_i: map i of ${below.id}'s outputs)`,
    ];
  }
  if (spec.kind !== 'pool') return [];
  const { cells, tie } = poolWindow(layers, params, frame, backward, node);
  const sources = cells.map((cell) => `${f(cell.value)} → ${f(cell.routed)}${cell.winner ? ' (winner)' : ''}`);
  const window = `window in ${below.id} (value → routed ∂E/∂a): ${sources.join(', ')}`;
  if (spec.pooling === 'max') {
    const winner = cells.findIndex((cell) => cell.winner);
    return [
      `max pooling routes ∂E/∂a = ${f(delta)} to the winner (slot ${winner}); the other three get 0`,
      window,
      ...(tie ? ["tie: several cells hold the maximum; the first in row-major order wins (PyTorch's convention)"] : []),
    ];
  }
  if (spec.pooling === 'mean') return [`mean pooling gives each of the 4 cells δ / 4 = ${f(delta / 4)}`, window];
  const coeff = params[tensorOffset(layers, `${spec.id}.coeff`) + node.c];
  return [
    `β·δ upsampled: each of the 4 cells gets β × δ = ${f(coeff)} × ${operand(delta)} = ${f(coeff * delta)}`,
    window,
    `∂E/∂β = Σ δ × (window sum) over map ${node.c} = ${f(grad('coeff', node.c))}; ` +
      `∂E/∂b = Σ δ = ${f(grad('bias', node.c))}`,
  ];
}

/** Explains how `node`'s δ was computed from the layer above (or the loss), with this image's numbers. */
export function explainDelta(
  layers: readonly LayerSpec[],
  loss: LossKind,
  params: ArrayLike<number>,
  frame: ActivationFrame,
  backward: BackwardFrame,
  node: NodeRef,
): DeltaExplanation {
  const at = layerPosition(layers, node.layer);
  const spec = layers[at];
  const i = nodeIndex(spec, node);
  const dOut = framePart(backward, spec.id, 'out')![i];
  const dPre = framePart(backward, spec.id, 'pre')?.[i] ?? null;
  const delta = dPre ?? dOut;
  const window = spec.kind === 'pool' ? poolWindow(layers, params, frame, backward, node) : null;
  const own = ownNotes(layers, params, frame, backward, node, at, delta);
  const base = { delta, dOut, dPre, window: window?.cells ?? null, tie: window?.tie ?? false };
  if (at === layers.length - 1) {
    const text = outputText(loss, frame, backward, spec, node.c, dOut, delta);
    return { ...base, ...text, notes: [...text.notes, ...own] };
  }
  const from = upstream(layers, params, frame, backward, node, at, spec.kind === 'input' ? '∂E/∂x' : '∂E/∂a');
  if (dPre === null) {
    const symbol = spec.kind === 'input' ? '∂E/∂x' : 'δ';
    return {
      ...base,
      formula: `${symbol} = ${from.rule}`,
      notes: [...from.notes, ...own],
      worked: `${symbol} = Σ of ${from.terms} W × δ terms = ${f(dOut)}`,
    };
  }
  const activation = spec.kind === 'input' ? null : spec.activation;
  if (activation === null || activation === 'softmax') throw new Error(`${spec.id} has dL/dz but no activation`);
  const z = framePart(frame, spec.id, 'pre')![i];
  const slope = activationSlope(activation, z, framePart(frame, spec.id, 'out')![i]);
  const grouped = /^\w+\([^()]*\)$/.test(from.rule) ? from.rule : `(${from.rule})`;
  return {
    ...base,
    formula: `δ = ${grouped} ∘ f′(z)`,
    worked: `δ = ${f(dOut)} × f′(${f(z)}) = ${f(dOut)} × ${f(slope)} = ${f(delta)}`,
    notes: [...from.notes, ...own],
  };
}
