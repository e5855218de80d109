/**
 * What a node does with its δ, in words with this drawing's numbers: the gradients of its own parameters
 * (dense ∂E/∂W = x δ, ∂E/∂b = δ; conv ∂E/∂b = Σ δ over its map, ∂E/∂k as a valid correlation of its input
 * maps with δ; subsampling ∂E/∂β and ∂E/∂b) and what it passes down (Wᵀ δ, the full convolution with rot180
 * kernels, or the pooling window's routed values).
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { LayerSpec } from '../engine/model/layerSpec';
import { nodeRef, type NodeRef } from '../engine/model/nodeRef';
import { edgeDeltas, poolWindow, tensorOffset } from './deltaSources';
import { formatNumber as f, mapSet, nodeName, operand, type DeltaText } from './deltaWords';

/** The lines on `node` (at layer position `at`, its δ `delta`) as the source of the layer below's gradients. */
export function passedDownNotes(
  t: DeltaText,
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
  const grad = (name: string, index: number) =>
    f(backward.gradients[tensorOffset(layers, `${spec.id}.${name}`) + index]);
  if (spec.kind === 'dense') {
    const edges = edgeDeltas(layers, params, frame, backward, node);
    const top = edges.reduce((best, v, i) => (Math.abs(v) > Math.abs(edges[best]) ? i : best), 0);
    const largest = `${nodeName(t, below, nodeRef(below, top))}: ${f(edges[top])}`;
    return [
      t('own.denseGradients', { unit: node.c, below: below.id, bias: grad('bias', node.c) }),
      t('own.densePasses', { unit: node.c, count: edges.length, below: below.id, largest }),
    ];
  }
  if (spec.kind === 'conv') {
    const maps = spec.connections[node.c];
    return [
      maps.length < spec.inShape[0]
        ? t('own.convPassesTable', { below: below.id, maps: mapSet(maps) })
        : t('own.convPasses', { below: below.id }),
      t('own.convBias', { map: node.c, bias: grad('bias', node.c) }),
      t('own.convKernel', { map: node.c, below: below.id }),
    ];
  }
  if (spec.kind !== 'pool') return [];
  const { cells, tie } = poolWindow(layers, params, frame, backward, node);
  const sources = cells.map((cell) =>
    cell.winner
      ? t('own.winnerCell', { value: f(cell.value), routed: f(cell.routed) })
      : `${f(cell.value)} → ${f(cell.routed)}`,
  );
  const window = t('own.window', { below: below.id, cells: sources.join(', ') });
  if (spec.pooling === 'max') {
    const winner = cells.findIndex((cell) => cell.winner);
    return [t('own.max', { value: f(delta), slot: winner }), window, ...(tie ? [t('own.tie')] : [])];
  }
  if (spec.pooling === 'mean') return [t('own.mean', { value: f(delta / 4) }), window];
  const coeff = params[tensorOffset(layers, `${spec.id}.coeff`) + node.c];
  return [
    t('own.subsample', { beta: f(coeff), delta: operand(delta), value: f(coeff * delta) }),
    window,
    t('own.subsampleGradients', { map: node.c, beta: grad('coeff', node.c), bias: grad('bias', node.c) }),
  ];
}
