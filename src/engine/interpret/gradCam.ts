/**
 * Grad-CAM at a layer L with maps A_k (after the activation), for the explained value z:
 *   w_k = (1 / (H W)) Σ_{y,x} ∂z/∂A_k[y][x]        cam[y][x] = ReLU(Σ_k w_k A_k[y][x])   (H x W, L's size)
 * drawn onto the input by bilinear interpolation between the centres of the cells' receptive fields:
 * cell (y, x) of L is centred on input pixel (o + s y, o + s x), with s L's stride in input pixels and
 * o the centre of cell 0's receptive field (c1: s 1, o 2; s2: 2, 2.5; c3: 2, 6.5; s4: 4, 7.5); pixels
 * beyond the outermost centres take the nearest edge value.
 */
import type { FloatArray } from '../model/initialize';
import type { LayerSpec } from '../model/layerSpec';
import type { AttributionEngine } from './attributionEngine';
import { targetSeed, type LogitTarget, PLANE } from './logitTarget';

/** The layers Grad-CAM can be taken at. */
export const GRADCAM_LAYERS = ['c1', 's2', 'c3', 's4'] as const;

/** Stride s and offset o of layer `index`'s cells in input pixels (see the header). */
export function cellGeometry(layers: readonly LayerSpec[], index: number): { stride: number; offset: number } {
  let stride = 1,
    offset = 0;
  for (let l = 1; l <= index; l++) {
    const layer = layers[l];
    if (layer.kind === 'conv') offset += ((layer.kernelSize - 1) / 2) * stride;
    else if (layer.kind === 'pool') {
      offset += 0.5 * stride;
      stride *= 2;
    } else throw new Error(`layer ${layer.id} has no spatial cells`);
  }
  return { stride, offset };
}

/** A layer-sized map (H x W) drawn onto the 32x32 input (see the header). */
export function upsampleToInput(layers: readonly LayerSpec[], index: number, cam: ArrayLike<number>): Float64Array {
  const [, height, width] = layers[index].shape;
  const { stride, offset } = cellGeometry(layers, index);
  const side = layers[0].shape[1];
  const at = (p: number, size: number) => {
    const u = Math.min(size - 1, Math.max(0, (p - offset) / stride));
    const low = Math.min(size - 2, Math.floor(u));
    return low < 0 ? { low: 0, t: 0 } : { low, t: u - low };
  };
  const map = new Float64Array(side * side);
  for (let py = 0; py < side; py++) {
    const { low: y0, t: ty } = at(py, height);
    const y1 = Math.min(height - 1, y0 + 1);
    for (let px = 0; px < side; px++) {
      const { low: x0, t: tx } = at(px, width);
      const x1 = Math.min(width - 1, x0 + 1);
      const top = cam[y0 * width + x0] * (1 - tx) + cam[y0 * width + x1] * tx;
      const bottom = cam[y1 * width + x0] * (1 - tx) + cam[y1 * width + x1] * tx;
      map[py * side + px] = top * (1 - ty) + bottom * ty;
    }
  }
  return map;
}

/** Grad-CAM of one input at layer `index`: the layer-sized cam (`raw`) and its drawing onto the input (`map`). */
export function gradCam(
  engine: AttributionEngine,
  input: FloatArray,
  target: LogitTarget,
  index: number,
): { raw: Float64Array; map: Float64Array } {
  const layers = engine.layers;
  const [channels, height, width] = layers[index].shape;
  const cells = height * width;
  engine.forward(input.subarray(0, PLANE), 1);
  const activations = Float64Array.from(engine.values(index, 'out'));
  engine.backwardFromLogits(targetSeed(target, layers[layers.length - 1].shape[0]));
  const gradient = engine.gradient(index);
  const raw = new Float64Array(cells);
  for (let k = 0; k < channels; k++) {
    let weight = 0;
    for (let i = 0; i < cells; i++) weight += gradient[k * cells + i];
    weight /= cells;
    for (let i = 0; i < cells; i++) raw[i] += weight * activations[k * cells + i];
  }
  for (let i = 0; i < cells; i++) raw[i] = Math.max(0, raw[i]);
  return { raw, map: upsampleToInput(layers, index, raw) };
}
