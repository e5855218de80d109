/**
 * What a neuron's portrait shows of one checkpoint over the test images it is evaluated on, for all
 * 9,118 nodes without keeping 9,118 x 10,000 values: per node, the PORTRAIT_KEEP images with the
 * highest value (after the activation; the softmax probability for the output layer) sorted
 * descending with ties to the lower image index, its lowest and highest value, how many images give
 * exactly 0 (dead-ReLU rate), and a histogram of HISTOGRAM_BINS equal bins over [low, high] (the
 * last bin closed). Node n of layer l is entry layerStart[l] + n ([c][y][x] order) of every array.
 */
import type { FloatArray } from '../model/initialize';
import { shapeSize, type LayerSpec } from '../model/layerSpec';
import { nodeIndex, type NodeRef } from '../model/nodeRef';

/** Top images kept per node (the portrait shows k of them, k ≤ PORTRAIT_KEEP). */
export const PORTRAIT_KEEP = 32;
/** Bins of each node's histogram. */
export const HISTOGRAM_BINS = 32;

/** The portrait data of every node of one checkpoint (arrays transferred whole). */
export interface NeuronPortraits {
  /** Test images the pass ran over (the first `images` of the set). */
  readonly images: number;
  readonly keep: number;
  readonly bins: number;
  /** Per layer, its first node's entry; one more at the end (the node count). */
  readonly layerStart: readonly number[];
  /** nodes x keep image indices, best first (-1 where fewer images were seen). */
  readonly topIndex: Int32Array;
  /** nodes x keep values of those images. */
  readonly topValue: Float32Array;
  readonly zeros: Uint32Array;
  readonly low: Float32Array;
  readonly high: Float32Array;
  /** nodes x bins counts. */
  readonly histogram: Uint32Array;
}

/** One node's value distribution. */
export interface NodeHistogram {
  readonly low: number;
  readonly high: number;
  readonly counts: number[];
  /** Share of images on which the node is exactly 0. */
  readonly zeroShare: number;
  readonly images: number;
}

/** Per layer, its first node's flat entry, and the node count at the end. */
export function layerStarts(layers: readonly LayerSpec[]): number[] {
  const starts = [0];
  for (const layer of layers) starts.push(starts[starts.length - 1] + shapeSize(layer.shape));
  return starts;
}

/** The flat entry of `node`. */
export function portraitEntry(portraits: NeuronPortraits, layers: readonly LayerSpec[], node: NodeRef): number {
  const l = layers.findIndex((layer) => layer.id === node.layer);
  if (l < 0) throw new RangeError(`no layer ${node.layer}`);
  return portraits.layerStart[l] + nodeIndex(layers[l], node);
}

/** The `k` test images that excite `node` most, best first (ties to the lower index). */
export function topImagesOf(
  portraits: NeuronPortraits,
  layers: readonly LayerSpec[],
  node: NodeRef,
  k: number,
): { index: number; value: number }[] {
  if (!(Number.isInteger(k) && k >= 1 && k <= portraits.keep))
    throw new RangeError(`k must be a whole number from 1 to ${portraits.keep}, got ${String(k)}`);
  const base = portraitEntry(portraits, layers, node) * portraits.keep;
  const result: { index: number; value: number }[] = [];
  for (let i = 0; i < k && portraits.topIndex[base + i] >= 0; i++)
    result.push({ index: portraits.topIndex[base + i], value: portraits.topValue[base + i] });
  return result;
}

/** The histogram and dead share of `node`. */
export function histogramOf(portraits: NeuronPortraits, layers: readonly LayerSpec[], node: NodeRef): NodeHistogram {
  const entry = portraitEntry(portraits, layers, node);
  const { bins, images } = portraits;
  return {
    low: portraits.low[entry],
    high: portraits.high[entry],
    counts: Array.from(portraits.histogram.subarray(entry * bins, (entry + 1) * bins)),
    zeroShare: portraits.zeros[entry] / images,
    images,
  };
}

/** Builds the portraits in two passes over the same images: `observe` every batch, then `count` every batch again. */
export class PortraitAccumulator {
  private readonly nodes: number;
  private readonly topIndex: Int32Array;
  private readonly topValue: Float64Array;
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly zeros: Uint32Array;
  private readonly histogram: Uint32Array;
  /** Per node, the lowest value kept (the next image must beat it to enter). */
  private readonly threshold: Float64Array;
  private scale: Float64Array | null = null;
  private seen = 0;
  private finished: NeuronPortraits | null = null;

  constructor(
    private readonly layers: readonly LayerSpec[],
    private readonly keep = PORTRAIT_KEEP,
    private readonly bins = HISTOGRAM_BINS,
  ) {
    this.nodes = layerStarts(layers)[layers.length];
    this.topIndex = new Int32Array(this.nodes * keep).fill(-1);
    this.topValue = new Float64Array(this.nodes * keep).fill(-Infinity);
    this.low = new Float64Array(this.nodes).fill(Infinity);
    this.high = new Float64Array(this.nodes).fill(-Infinity);
    this.zeros = new Uint32Array(this.nodes);
    this.histogram = new Uint32Array(this.nodes * bins);
    this.threshold = new Float64Array(this.nodes).fill(-Infinity);
  }

  /** Pass 1: batch images first..first+n−1, `values[l]` layer l's values laid out [b][node]. */
  observe(values: readonly FloatArray[], first: number, n: number): void {
    const { keep, topIndex, topValue, low, high, zeros, threshold } = this;
    for (let l = 0, start = 0; l < this.layers.length; l++) {
      const size = shapeSize(this.layers[l].shape);
      const layerValues = values[l];
      for (let b = 0; b < n; b++) {
        const row = b * size - start;
        for (let node = start; node < start + size; node++) {
          const v = layerValues[row + node];
          // Zeros (most values after a ReLU) only count; they enter the range in range().
          if (v === 0) zeros[node]++;
          else {
            if (v < low[node]) low[node] = v;
            if (v > high[node]) high[node] = v;
          }
          if (v > threshold[node]) {
            // Insert after every kept value ≥ v (those seen earlier have lower indices).
            const base = node * keep;
            let p = keep - 1;
            while (p > 0 && topValue[base + p - 1] < v) {
              topValue[base + p] = topValue[base + p - 1];
              topIndex[base + p] = topIndex[base + p - 1];
              p--;
            }
            topValue[base + p] = v;
            topIndex[base + p] = first + b;
            threshold[node] = topValue[base + keep - 1];
          }
        }
      }
      start += size;
    }
    this.seen = Math.max(this.seen, first + n);
  }

  /** Each node's range with its zeros, and the bins per unit of value (once pass 1 is over). */
  private range(): Float64Array {
    if (!this.scale) {
      const { low, high, zeros, bins } = this;
      this.scale = low.map((_, node) => {
        if (zeros[node] > 0) {
          low[node] = Math.min(low[node], 0);
          high[node] = Math.max(high[node], 0);
        }
        const span = high[node] - low[node];
        return span > 0 ? bins / span : 0;
      });
    }
    return this.scale;
  }

  /** Pass 2: the same batches again, into the histograms over [low, high] (zeros are added in `result`). */
  count(values: readonly FloatArray[], n: number): void {
    const { bins, low, histogram } = this;
    const scale = this.range();
    const last = bins - 1;
    for (let l = 0, start = 0; l < this.layers.length; l++) {
      const size = shapeSize(this.layers[l].shape);
      const layerValues = values[l];
      for (let b = 0; b < n; b++) {
        const row = b * size - start;
        for (let node = start; node < start + size; node++) {
          const v = layerValues[row + node];
          if (v === 0) continue;
          // Values lie in [low, high], so the product is ≥ 0 and `| 0` floors it.
          const bin = ((v - low[node]) * scale[node]) | 0;
          histogram[node * bins + (bin > last ? last : bin)]++;
        }
      }
      start += size;
    }
  }

  /** The finished portraits (after both passes). */
  result(): NeuronPortraits {
    if (this.finished) return this.finished;
    const { bins, low, zeros, histogram } = this;
    const scale = this.range();
    for (let node = 0; node < this.nodes; node++) {
      if (zeros[node] > 0)
        histogram[node * bins + Math.min(bins - 1, Math.floor(-low[node] * scale[node]))] += zeros[node];
    }
    this.finished = {
      images: this.seen,
      keep: this.keep,
      bins,
      layerStart: layerStarts(this.layers),
      topIndex: this.topIndex,
      topValue: Float32Array.from(this.topValue, (v) => (v === -Infinity ? 0 : v)),
      zeros,
      low: Float32Array.from(low),
      high: Float32Array.from(this.high),
      histogram,
    };
    return this.finished;
  }
}
