/**
 * The pure side of the parameter-gradient panels: where a kernel or a dense row sits in the flat
 * parameter vector, per-unit gradient norms, RGBA images of kernels on the two colour ramps, and the
 * choice of a random weight to check. Index conventions (PyTorch, offsets inside one tensor):
 *   conv weight [oc][ic][ky][kx] at ((oc * inChannels + ic) * k + ky) * k + kx
 *   dense weight [out][in]       at out * inFeatures + in
 */
import type { ConvLayerSpec, DenseLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { layerTensorShapes, type ParameterLayout } from '../../engine/model/parameters';
import { divergingColour, rampColour } from '../../viz/colourRamp';

/**
 * The values a panel draws: the weights shown and, in the backward view, dL/d(every parameter) of the last backward
 * pass taken at them (at least one of the two is present).
 */
export interface KernelSource {
  /** null without a backward pass (or one of another architecture). */
  readonly gradients: ArrayLike<number> | null;
  /** null when the weights are not at hand (or belong to another architecture). */
  readonly weights: ArrayLike<number> | null;
  readonly layout: ParameterLayout;
  /** Changes whenever the arrays' contents may have (they are refilled in place): what the panels' images are cached by. */
  readonly revision: number;
}

/** What a click in the panels asks of the app: focus a map (or unit) in the 3D view, check one weight. */
export interface KernelPickHandlers {
  onFocusMap(layerId: string, map: number): void;
  onPickWeight(tensor: string, index: number): void;
}

/** Which ramp an image uses: weights on the node ramp (dark at 0), gradients on blue/white/red (white at 0). */
export type KernelRamp = 'weight' | 'gradient';

/** One connected kernel's image: kernelSize x kernelSize RGBA pixels. */
export interface KernelImage {
  readonly oc: number;
  readonly ic: number;
  readonly pixels: Uint8ClampedArray;
}

/** The name of a conv or dense layer's weight tensor. */
export function weightName(layer: ConvLayerSpec | DenseLayerSpec): string {
  return `${layer.id}.weight`;
}

/** Index of tap (ky, kx) of kernel (oc, ic) inside its layer's weight tensor. */
export function kernelTapIndex(layer: ConvLayerSpec, oc: number, ic: number, ky: number, kx: number): number {
  const k = layer.kernelSize;
  return ((oc * layer.inShape[0] + ic) * k + ky) * k + kx;
}

/** Every connected (output map, input map) pair of a conv layer, by output map, input maps ascending. */
export function kernelPairs(layer: ConvLayerSpec): { oc: number; ic: number }[] {
  return layer.connections.flatMap((inputs, oc) => inputs.map((ic) => ({ oc, ic })));
}

/** The largest |value| of values[start, start + count). */
export function maxAbs(values: ArrayLike<number>, start = 0, count = values.length - start): number {
  let max = 0;
  for (let i = start; i < start + count; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}

/** The L2 norm of each row of a rows x columns row-major matrix stored from `start`. */
export function rowNorms(values: ArrayLike<number>, start: number, rows: number, columns: number): Float64Array {
  const norms = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < columns; c++) sum += values[start + r * columns + c] ** 2;
    norms[r] = Math.sqrt(sum);
  }
  return norms;
}

/** An RGBA image (ImageData layout) of values[start, start + count), each mapped linearly to value / scale on `ramp`. */
export function rampImage(
  values: ArrayLike<number>,
  start: number,
  count: number,
  scale: number,
  ramp: KernelRamp,
): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(count * 4);
  const rgb = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    const t = scale > 0 ? Math.max(-1, Math.min(1, values[start + i] / scale)) : 0;
    if (ramp === 'weight') rampColour(t, rgb);
    else divergingColour(t, rgb);
    for (let c = 0; c < 3; c++) pixels[i * 4 + c] = Math.round(rgb[c] * 255);
    pixels[i * 4 + 3] = 255;
  }
  return pixels;
}

/** The images of every connected kernel of a conv layer, all scaled by the tensor's largest |value| (`scale`). */
export function convKernelImages(
  layer: ConvLayerSpec,
  values: ArrayLike<number>,
  tensorOffset: number,
  ramp: KernelRamp,
): { scale: number; images: KernelImage[] } {
  const taps = layer.kernelSize * layer.kernelSize;
  const scale = maxAbs(values, tensorOffset, layer.shape[0] * layer.inShape[0] * taps);
  const images = kernelPairs(layer).map(({ oc, ic }) => ({
    oc,
    ic,
    pixels: rampImage(values, tensorOffset + kernelTapIndex(layer, oc, ic, 0, 0), taps, scale, ramp),
  }));
  return { scale, images };
}

/** The tap under a click at fractions (fx, fy) of a kernel image's width and height. */
export function tapAt(kernelSize: number, fx: number, fy: number): { ky: number; kx: number } {
  const cell = (f: number) => Math.max(0, Math.min(kernelSize - 1, Math.floor(f * kernelSize)));
  return { ky: cell(fy), kx: cell(fx) };
}

/** What a click on kernel (oc, ic) at fractions (fx, fy) means: the map to focus and the weight to check. */
export function kernelPick(
  layer: ConvLayerSpec,
  oc: number,
  ic: number,
  fx: number,
  fy: number,
): { map: number; tensor: string; index: number } {
  const { ky, kx } = tapAt(layer.kernelSize, fx, fy);
  return { map: oc, tensor: weightName(layer), index: kernelTapIndex(layer, oc, ic, ky, kx) };
}

/** The conv and dense layers, whose weight tensors the panels show and the check picks from. */
export function weightLayers(layers: readonly LayerSpec[]): (ConvLayerSpec | DenseLayerSpec)[] {
  return layers.filter(
    (layer): layer is ConvLayerSpec | DenseLayerSpec => layer.kind === 'conv' || layer.kind === 'dense',
  );
}

/** A flat index decoded into its tensor coordinates ([oc, ic, ky, kx] or [out, in]), last axis fastest. */
export function decodeIndex(shape: readonly number[], index: number): number[] {
  const coordinates = new Array<number>(shape.length);
  let rest = index;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    coordinates[axis] = rest % shape[axis];
    rest = Math.floor(rest / shape[axis]);
  }
  return coordinates;
}

/** The shape of the parameter tensor `tensor` of `layers`, or null if there is none. */
export function tensorShape(layers: readonly LayerSpec[], tensor: string): readonly number[] | null {
  for (const layer of layers) {
    const found = layerTensorShapes(layer).find((t) => t.name === tensor);
    if (found) return found.shape;
  }
  return null;
}

/**
 * A random weight: a conv or dense weight tensor (uniformly), then an entry of it; for a conv layer an
 * output map, then one of the input maps it is connected to (never an unused c3 kernel), then a tap.
 * `random` returns numbers in [0, 1). Throws when the layers have no weights.
 */
export function randomWeight(
  layers: readonly LayerSpec[],
  random: () => number = Math.random,
): { tensor: string; index: number } {
  const candidates = weightLayers(layers);
  if (candidates.length === 0) throw new Error('the network has no weight tensors');
  const pick = (n: number) => Math.min(n - 1, Math.floor(random() * n));
  const layer = candidates[pick(candidates.length)];
  if (layer.kind === 'dense') return { tensor: weightName(layer), index: pick(layer.shape[0] * layer.inFeatures) };
  const oc = pick(layer.shape[0]);
  const inputs = layer.connections[oc];
  const ic = inputs[pick(inputs.length)];
  const ky = pick(layer.kernelSize);
  const kx = pick(layer.kernelSize);
  return { tensor: weightName(layer), index: kernelTapIndex(layer, oc, ic, ky, kx) };
}
