/**
 * A dense unit's close-up: its largest contributions w·x listed and the rest summed. For unit o of a
 * dense layer reading x (the layer below flattened [c][y][x], as in src/engine/reference/dense.ts):
 *
 *   contribution_i = w[o][i] · x[i],   z = bias[o] + Σ_i contribution_i,   value = f(z)
 *
 * (for the output layer value = softmax(z)[o], over the ten logits computed the same way). The listed
 * contributions are the `count` largest by |w·x| (ties: the lower input first); `rest` sums the others.
 */
import type { ActivationFrame } from '../../engine/activationFrame';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { nodeIndex, nodeRef, type NodeRef } from '../../engine/model/nodeRef';
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';
import { activateValue } from '../../engine/reference/activation';
import { findLayer } from './convolutionDetail';

/** One input's share of a dense unit's z. */
export interface DenseContribution {
  /** The input's flat index in the layer below, and that node. */
  readonly input: number;
  readonly node: NodeRef;
  readonly x: number;
  readonly w: number;
  readonly product: number;
}

/** What the close-up shows for a dense unit. */
export interface DenseDetail {
  readonly top: DenseContribution[];
  /** The other inputs' contributions: how many, and their sum. */
  readonly rest: { readonly count: number; readonly sum: number };
  readonly bias: number;
  readonly z: number;
  readonly value: number;
}

/** z of every unit of a dense layer (float64 sums over the frame's inputs). */
function preActivations(weights: ArrayLike<number>, weight: number, bias: number, x: ArrayLike<number>, units: number) {
  return Array.from({ length: units }, (_, o) => {
    let z = weights[bias + o];
    for (let i = 0; i < x.length; i++) z += weights[weight + o * x.length + i] * x[i];
    return z;
  });
}

/** The close-up of dense unit `node.c`, with its `count` largest contributions (default 8). */
export function denseDetail(
  layers: readonly LayerSpec[],
  frame: ActivationFrame,
  params: ArrayLike<number>,
  node: NodeRef,
  count = 8,
): DenseDetail {
  const { spec, index } = findLayer(layers, node.layer);
  if (spec.kind !== 'dense') throw new RangeError(`${node.layer} is not a dense layer`);
  nodeIndex(spec, node);
  const belowSpec = layers[index - 1];
  const [offset, inputs] = frame.layers[index - 1].out;
  const x = frame.values.subarray(offset, offset + inputs);
  const layout = parameterLayout(layers);
  const weight = tensorSpec(layout, `${spec.id}.weight`).offset;
  const biasAt = tensorSpec(layout, `${spec.id}.bias`).offset;
  const contributions = Array.from(x, (value, i): DenseContribution => {
    const w = params[weight + node.c * inputs + i];
    return { input: i, node: nodeRef(belowSpec, i), x: value, w, product: w * value };
  });
  const ranked = [...contributions].sort((a, b) => Math.abs(b.product) - Math.abs(a.product) || a.input - b.input);
  const top = ranked.slice(0, count);
  const rest = ranked.slice(count);
  const bias = params[biasAt + node.c];
  const z = contributions.reduce((total, c) => total + c.product, bias);
  let value: number;
  if (spec.activation === 'softmax') {
    const logits = preActivations(params, weight, biasAt, x, spec.shape[0]);
    const largest = Math.max(...logits);
    const total = logits.reduce((sum, l) => sum + Math.exp(l - largest), 0);
    value = Math.exp(logits[node.c] - largest) / total;
  } else value = activateValue(spec.activation, z);
  return { top, rest: { count: rest.length, sum: rest.reduce((total, c) => total + c.product, 0) }, bias, z, value };
}
