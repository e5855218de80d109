/**
 * The pooling close-up's arithmetic for one cell (c, oy, ox) of a 2x2 stride-2 pooling layer, from the
 * frame the view shows (indices as in src/engine/reference/pool.ts; slot s = py·2 + px):
 *
 *   cells[s] = a_below[c][2·oy + py][2·ox + px]
 *   max:       value = max_s cells[s], the winner the first maximal slot in row-major order (PyTorch's rule)
 *   mean:      value = sum / 4
 *   subsample: z = coefficient[c] · sum + bias[c],  value = f(z)   (LeNet-5's trainable subsampling)
 */
import type { ActivationFrame } from '../../engine/activationFrame';
import type { LayerSpec, PoolingKind } from '../../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';
import { activateValue } from '../../engine/reference/activation';
import { findLayer } from './convolutionDetail';

/** One 2x2 window's cell in the layer below. */
export interface PoolingCell {
  readonly y: number;
  readonly x: number;
  readonly value: number;
}

/** What the close-up shows for a pooling cell. */
export interface PoolingDetail {
  readonly kind: PoolingKind;
  /** The 2x2 window in row-major order (slots 0-3). */
  readonly cells: PoolingCell[];
  readonly sum: number;
  /** Max pooling: the winning slot; else null. */
  readonly winner: number | null;
  /** Mean pooling: sum / 4; else null. */
  readonly mean: number | null;
  /** Trainable subsampling: the map's coefficient and bias and z = coefficient · sum + bias; else null. */
  readonly coefficient: number | null;
  readonly bias: number | null;
  readonly z: number | null;
  readonly value: number;
}

/** The close-up of one pooling cell, read from `frame` and (for subsampling) `params`. */
export function poolingDetail(
  layers: readonly LayerSpec[],
  frame: ActivationFrame,
  params: ArrayLike<number>,
  node: NodeRef,
): PoolingDetail {
  const { spec, index } = findLayer(layers, node.layer);
  if (spec.kind !== 'pool') throw new RangeError(`${node.layer} is not a pooling layer`);
  nodeIndex(spec, node);
  const [, IH, IW] = spec.inShape;
  const below = frame.layers[index - 1].out[0];
  const cells: PoolingCell[] = [];
  for (let slot = 0; slot < 4; slot++) {
    const y = 2 * node.y + (slot >> 1),
      x = 2 * node.x + (slot & 1);
    cells.push({ y, x, value: frame.values[below + (node.c * IH + y) * IW + x] });
  }
  const sum = cells.reduce((total, cell) => total + cell.value, 0);
  const empty = { winner: null, mean: null, coefficient: null, bias: null, z: null };
  switch (spec.pooling) {
    case 'max': {
      let winner = 0;
      cells.forEach((cell, slot) => {
        if (cell.value > cells[winner].value) winner = slot;
      });
      return { kind: 'max', cells, sum, ...empty, winner, value: cells[winner].value };
    }
    case 'mean':
      return { kind: 'mean', cells, sum, ...empty, mean: sum / 4, value: sum / 4 };
    case 'subsample': {
      const layout = parameterLayout(layers);
      const coefficient = params[tensorSpec(layout, `${spec.id}.coeff`).offset + node.c];
      const bias = params[tensorSpec(layout, `${spec.id}.bias`).offset + node.c];
      const z = coefficient * sum + bias;
      return {
        kind: 'subsample',
        cells,
        sum,
        ...empty,
        coefficient,
        bias,
        z,
        value: activateValue(spec.activation!, z),
      };
    }
    default: {
      const never: never = spec.pooling;
      throw new Error(`unknown pooling ${String(never)}`);
    }
  }
}
