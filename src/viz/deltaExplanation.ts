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
 * The index formulas of every sum are in deltaSources.ts; the words are the `delta` catalog's (deltaStrings.ts),
 * looked up through the translate function the caller passes in. The parts: deltaUpstream.ts (where dL/d(output)
 * came from), deltaLossText.ts (the output layer), deltaPassedDown.ts (what the node does with its δ),
 * deltaTutorial.ts (the tutorial's sections and where it differs).
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { LayerSpec, LossKind } from '../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../engine/model/nodeRef';
import { activationSlope, framePart, layerPosition, poolWindow, type WindowCell } from './deltaSources';
import { outputText } from './deltaLossText';
import { passedDownNotes } from './deltaPassedDown';
import { tutorialLines } from './deltaTutorial';
import { upstream } from './deltaUpstream';
import { formatNumber as f, type DeltaText } from './deltaWords';

export { edgeDeltas } from './deltaSources';
export { formatNumber, nodeName, type DeltaText } from './deltaWords';

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
  /** The tutorial's sections this node's rules come from, and where the tutorial differs from what is computed here. */
  readonly tutorial: readonly string[];
}

/**
 * Explains how `node`'s δ was computed from the layer above (or the loss), with this image's numbers, in
 * the language of `t` (the `delta` namespace's translate function).
 */
export function explainDelta(
  t: DeltaText,
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
  const own = passedDownNotes(t, layers, params, frame, backward, node, at, delta);
  const base = {
    delta,
    dOut,
    dPre,
    window: window?.cells ?? null,
    tie: window?.tie ?? false,
    tutorial: tutorialLines(t, layers, loss, at),
  };
  if (at === layers.length - 1) {
    const text = outputText(t, loss, frame, backward, spec, node.c, dOut, delta);
    return { ...base, ...text, notes: [...text.notes, ...own] };
  }
  const gradient = spec.kind === 'input' ? '∂E/∂x' : '∂E/∂a';
  const from = upstream(t, layers, params, frame, backward, node, at, gradient);
  if (dPre === null) {
    const symbol = spec.kind === 'input' ? '∂E/∂x' : 'δ';
    return {
      ...base,
      formula: `${symbol} = ${from.rule}`,
      notes: [...from.notes, ...own],
      worked: t('workedSum', { symbol, terms: from.terms, value: f(dOut) }),
    };
  }
  const activation = spec.kind === 'input' ? null : spec.activation;
  if (activation === null || activation === 'softmax') throw new Error(`${spec.id} has dL/dz but no activation`);
  const z = framePart(frame, spec.id, 'pre')![i];
  const slope = activationSlope(activation, z, framePart(frame, spec.id, 'out')![i]);
  const grouped = from.callForm ? from.rule : `(${from.rule})`;
  return {
    ...base,
    formula: `δ = ${grouped} ∘ f′(z)`,
    worked: `δ = ${f(dOut)} × f′(${f(z)}) = ${f(dOut)} × ${f(slope)} = ${f(delta)}`,
    notes: [...from.notes, ...own],
  };
}
