/**
 * One node's ranking of the test images a checkpoint is evaluated on, for `topImages` with k beyond the
 * PORTRAIT_KEEP images the portraits keep: the node's value on each of the first `limit` test images (after
 * its activation; the softmax probability for the output layer, as the portraits measure it), in one pass
 * that yields like the portrait pass, sorted by value descending with ties to the lower index.
 */
import type { MnistSet } from '../data/mnistInput';
import { shapeSize } from '../model/layerSpec';
import { nodeIndex, type NodeRef } from '../model/nodeRef';
import { layerIndexOf, type AttributionEngine } from './attributionEngine';
import { passImages, PASS_SLICE_MS, testImagePass } from './testImagePass';

/** The best `k` images of a node (all of them when k exceeds `images`), best first (arrays transferred whole). */
export interface NodeRanking {
  /** Test images the pass ran over (the first `images` of the set). */
  readonly images: number;
  readonly index: Int32Array;
  /** The node's value on each of those images. */
  readonly value: Float32Array;
}

/** The `k` of the first `limit` test images on which `node` is highest; `waitTurn` as in testImagePass. */
export async function rankTestImages(
  engine: AttributionEngine,
  test: MnistSet,
  limit: number,
  node: NodeRef,
  k: number,
  waitTurn: (done: number) => Promise<void>,
  sliceMs = PASS_SLICE_MS,
): Promise<NodeRanking> {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`k must be a whole number, at least 1, got ${String(k)}`);
  const layer = layerIndexOf(engine.layers, node.layer);
  const spec = engine.layers[layer];
  const entry = nodeIndex(spec, node);
  const size = shapeSize(spec.shape);
  const images = passImages(test, limit);
  const values = new Float64Array(images); // the engine's own values: the order the portraits give, then rounded
  const visit = (_round: number, first: number, n: number) => {
    const layerValues = engine.values(layer, 'out');
    for (let b = 0; b < n; b++) values[first + b] = layerValues[b * size + entry];
  };
  await testImagePass(engine, test, images, 1, visit, waitTurn, sliceMs);
  const order = Int32Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b);
  const index = order.slice(0, Math.min(k, images));
  return { images, index, value: Float32Array.from(index, (i) => values[i]) };
}
