/**
 * The convolution close-up's arithmetic for one conv node (oc, oy, ox), from the frame the view shows and
 * the weights it was read with; K the kernel size, indices as in the engine (src/engine/reference/conv.ts):
 *
 *   windows[j][ky·K + kx]  = a_below[ic_j][oy + ky][ox + kx]      ic_j the j-th connected input map
 *   kernels[j][ky·K + kx]  = w[oc][ic_j][ky][kx]                 (learned combinations: α[oc][ic_j] w[...],
 *                                                                the effective kernel the forward convolves with)
 *   products[j][t]         = windows[j][t] · kernels[j][t]
 *   sums[j]                = Σ_t products[j][t]                    (row-major, float64)
 *   z = bias[oc] + Σ_j sums[j],   value = f(z)
 *
 * Numbers are computed in float64 from the float32 values of the frame and the weights, so z and value
 * equal the engine's pre-activation and activation to float32 rounding.
 */
import type { ActivationFrame } from '../../engine/activationFrame';
import type { ConvLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';
import { activateValue } from '../../engine/reference/activation';
import { effectiveParams } from '../effectiveWeights';

/** What the close-up shows for a conv node: one entry per connected input map, each 5x5 row-major. */
export interface ConvolutionDetail {
  readonly maps: number[];
  readonly windows: number[][];
  readonly kernels: number[][];
  readonly products: number[][];
  readonly sums: number[];
  readonly bias: number;
  readonly z: number;
  readonly value: number;
}

/** A layer of the network by id, with its index; throws naming the layers when there is none. */
export function findLayer(layers: readonly LayerSpec[], id: string): { spec: LayerSpec; index: number } {
  const index = layers.findIndex((l) => l.id === id);
  if (index < 0) throw new RangeError(`no layer ${id}; layers: ${layers.map((l) => l.id).join(', ')}`);
  return { spec: layers[index], index };
}

/** The conv layer a node belongs to (checking the node is inside it), with its index. */
function convLayer(layers: readonly LayerSpec[], node: NodeRef): { spec: ConvLayerSpec; index: number } {
  const { spec, index } = findLayer(layers, node.layer);
  if (spec.kind !== 'conv') throw new RangeError(`${node.layer} is not a convolution layer`);
  nodeIndex(spec, node);
  return { spec, index };
}

/** The arithmetic of one conv node, read from `frame` (the activations shown) and `params` (run-format layout). */
export function convolutionDetail(
  layers: readonly LayerSpec[],
  frame: ActivationFrame,
  params: ArrayLike<number>,
  node: NodeRef,
): ConvolutionDetail {
  const { spec, index } = convLayer(layers, node);
  params = effectiveParams(layers, params);
  const K = spec.kernelSize;
  const [IC, IH, IW] = spec.inShape;
  const layout = parameterLayout(layers);
  const weight = tensorSpec(layout, `${spec.id}.weight`).offset;
  const bias = params[tensorSpec(layout, `${spec.id}.bias`).offset + node.c];
  const below = frame.layers[index - 1].out[0];
  const maps = [...spec.connections[node.c]];
  const windows: number[][] = [],
    kernels: number[][] = [],
    products: number[][] = [],
    sums: number[] = [];
  for (const ic of maps) {
    const window: number[] = [],
      kernel: number[] = [],
      product: number[] = [];
    let sum = 0;
    for (let ky = 0; ky < K; ky++) {
      for (let kx = 0; kx < K; kx++) {
        const a = frame.values[below + (ic * IH + node.y + ky) * IW + node.x + kx];
        const w = params[weight + ((node.c * IC + ic) * K + ky) * K + kx];
        window.push(a);
        kernel.push(w);
        product.push(a * w);
        sum += a * w;
      }
    }
    windows.push(window);
    kernels.push(kernel);
    products.push(product);
    sums.push(sum);
  }
  const z = sums.reduce((total, s) => total + s, bias);
  return { maps, windows, kernels, products, sums, bias, z, value: activateValue(spec.activation, z) };
}
