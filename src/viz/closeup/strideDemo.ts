/**
 * Stride and zero padding, computed: one c1 kernel (with its bias and activation) applied to the 32x32
 * input with stride s and padding p. N = 32, K = 5, x padded with p zeros on every side:
 *
 *   size = ⌊(N + 2p − K) / s⌋ + 1
 *   map[oy][ox] = f(bias[c] + Σ_ky Σ_kx x[oy·s + ky − p][ox·s + kx − p] · w[c][0][ky][kx])   (0 outside x)
 *
 * With s = 1 and p = 0 it is the network's own c1 map c.
 */
import type { LayerSpec } from '../../engine/model/layerSpec';
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';
import { activateValue } from '../../engine/reference/activation';
import { findLayer } from './convolutionDetail';

/** The map a stride and padding give, row-major, and its [height, width]. */
export interface StrideDemo {
  readonly shape: [number, number];
  readonly map: number[];
}

/** The stride and padding choices of the close-up. */
export interface StrideChoice {
  readonly c: number;
  readonly stride: number;
  readonly padding: number;
}

/** The output side of a convolution: ⌊(inputSize + 2 padding − kernelSize) / stride⌋ + 1. */
export function convolutionOutputSize(inputSize: number, kernelSize: number, stride: number, padding: number): number {
  return Math.floor((inputSize + 2 * padding - kernelSize) / stride) + 1;
}

/** c1 kernel `c` applied to `input` (32x32, the network's input) with `stride` and `padding`. */
export function strideDemo(
  layers: readonly LayerSpec[],
  input: ArrayLike<number>,
  params: ArrayLike<number>,
  { c, stride, padding }: StrideChoice,
): StrideDemo {
  const { spec } = findLayer(layers, 'c1');
  if (spec.kind !== 'conv') throw new Error('c1 is not a convolution layer');
  const [, N] = spec.inShape;
  const K = spec.kernelSize;
  if (!Number.isInteger(c) || c < 0 || c >= spec.shape[0])
    throw new RangeError(`c1 has kernels 0-${spec.shape[0] - 1}, got ${String(c)}`);
  if (!Number.isInteger(stride) || stride < 1 || stride > N)
    throw new RangeError(`a stride is a whole number from 1 to ${N}, got ${String(stride)}`);
  if (!Number.isInteger(padding) || padding < 0 || padding > K - 1)
    throw new RangeError(`a padding is a whole number from 0 to ${K - 1}, got ${String(padding)}`);
  if (input.length !== N * N) throw new RangeError(`an input must be ${N * N} values, got ${input.length}`);
  const layout = parameterLayout(layers);
  const weight = tensorSpec(layout, 'c1.weight').offset + c * K * K;
  const bias = params[tensorSpec(layout, 'c1.bias').offset + c];
  const size = convolutionOutputSize(N, K, stride, padding);
  const map: number[] = [];
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      let z = bias;
      for (let ky = 0; ky < K; ky++) {
        const iy = oy * stride + ky - padding;
        if (iy < 0 || iy >= N) continue;
        for (let kx = 0; kx < K; kx++) {
          const ix = ox * stride + kx - padding;
          if (ix >= 0 && ix < N) z += input[iy * N + ix] * params[weight + ky * K + kx];
        }
      }
      map.push(activateValue(spec.activation, z));
    }
  }
  return { shape: [size, size], map };
}
