/**
 * Where a node's dL/d(output) came from, in words with this drawing's numbers: Wᵀ δ of the dense layer
 * above, the full convolution of the conv layer's δ maps with rot180 kernels (through the C3 table), or
 * what the pooling cell above routes to it (max: its winner only; mean: ¼ each; subsampling: β δ each).
 * The sums themselves are recomputed in deltaSources.ts.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { LayerSpec } from '../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../engine/model/nodeRef';
import { framePart, poolCellAbove, poolWindow, tensorOffset, weightedDeltaSum } from './deltaSources';
import { formatNumber as f, mapSet, nodeName, operand, type DeltaText } from './deltaWords';

/** Where dL/d(output) came from: the rule, how many W × δ terms it sums (0 when routed by a pooling cell), and notes. */
export interface Upstream {
  readonly rule: string;
  /** True when the rule is one function call (UpSample(...)) that needs no parentheses before ∘ f′(z). */
  readonly callForm: boolean;
  readonly terms: number;
  readonly notes: string[];
}

/** The rule and notes for node (at layer position `at`) from the layer above; `gradient` names dL/d(output) ('∂E/∂a'). */
export function upstream(
  t: DeltaText,
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
    const size = (term: { weight: number; delta: number }) => Math.abs(term.weight * term.delta);
    const largest = [...weighted.terms]
      .sort((a, b) => size(b) - size(a))
      .slice(0, 3)
      .map((term) => {
        const product = `${f(term.weight)} × ${operand(term.delta)} = ${f(term.weight * term.delta)}`;
        return `${nodeName(t, above, term.above)}: ${product}`;
      });
    const terms = weighted.terms.length;
    const top = t('upstream.largest', { terms: largest.join(t('listSeparator')) });
    const sum = f(weighted.sum);
    if (above.kind === 'dense') {
      const j = nodeIndex(layers[at], node);
      return {
        rule: t('rule.dense', { above: above.id }),
        callForm: false,
        terms,
        notes: [t('upstream.dense', { gradient, j, terms, above: above.id, sum }), top],
      };
    }
    const maps = [...new Set(weighted.terms.map((term) => term.above.c))];
    const values = { gradient, above: above.id, count: maps.length, terms, sum };
    return {
      rule: t('rule.conv', { above: above.id }),
      callForm: false,
      terms,
      notes: [
        maps.length < above.shape[0]
          ? t('upstream.convTable', { ...values, maps: mapSet(maps) })
          : t('upstream.conv', values),
        top,
      ],
    };
  }
  if (above?.kind !== 'pool') throw new RangeError(`${node.layer} has no dense, conv or pooling layer above it`);
  const { cell, slot } = poolCellAbove(layers, node)!;
  const { cells, tie } = poolWindow(layers, params, frame, backward, cell);
  const value = f(cells[slot].routed);
  const cellDOut = framePart(backward, above.id, 'out')![nodeIndex(above, cell)];
  const name = nodeName(t, above, cell);
  if (above.pooling === 'mean') {
    return {
      rule: t('rule.mean', { above: above.id }),
      callForm: false,
      terms: 0,
      notes: [t('upstream.mean', { cell: name, dOut: operand(cellDOut), value })],
    };
  }
  if (above.pooling === 'subsample') {
    const coeff = params[tensorOffset(layers, `${above.id}.coeff`) + node.c];
    const cellDelta = framePart(backward, above.id, 'pre')![nodeIndex(above, cell)];
    return {
      rule: t('rule.subsample', { above: above.id }),
      callForm: true,
      terms: 0,
      notes: [t('upstream.subsample', { cell: name, beta: f(coeff), delta: operand(cellDelta), value })],
    };
  }
  const winner = cells.findIndex((c) => c.winner);
  const note =
    winner === slot
      ? t(tie ? 'upstream.maxWinnerTie' : 'upstream.maxWinner', { cell: name, slot, dOut: f(cellDOut) })
      : t(tie ? 'upstream.maxLoserTie' : 'upstream.maxLoser', { cell: name, winner });
  return { rule: t('rule.max', { above: above.id }), callForm: true, terms: 0, notes: [note] };
}
