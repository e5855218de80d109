import { describe, expect, it } from 'vitest';
import type { ConvLayerSpec, DenseLayerSpec, LayerSpec } from '../../../src/engine/model/layerSpec';
import { DEFAULT_ARCHITECTURE, LENET5_C3_TABLE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../../../src/engine/model/parameters';
import { SeededRandom } from '../../../src/engine/model/random';
import {
  convKernelImages,
  decodeIndex,
  kernelPairs,
  kernelPick,
  kernelTapIndex,
  maxAbs,
  rampImage,
  randomWeight,
  rowNorms,
  tapAt,
  tensorShape,
  weightLayers,
} from '../../../src/ui/kernels/kernelImages';
import { i18n } from '../../../src/i18n/i18n';

const full = lenet5Layers();
const table = lenet5Layers({ ...DEFAULT_ARCHITECTURE, c3Connectivity: 'lenet5' });
const conv = (layers: LayerSpec[], id: string) => layers.find((l) => l.id === id) as ConvLayerSpec;
const dense = (layers: LayerSpec[], id: string) => layers.find((l) => l.id === id) as DenseLayerSpec;
const rgba = (pixels: Uint8ClampedArray, i = 0) => Array.from(pixels.slice(i * 4, i * 4 + 4));

describe('kernel slicing', () => {
  it('indexes [oc][ic][ky][kx]: c1 (2, 0, 1, 3) is 58, c3 (1, 2, 3, 4) is 219', () => {
    expect(kernelTapIndex(conv(full, 'c1'), 2, 0, 1, 3)).toBe(58);
    expect(kernelTapIndex(conv(table, 'c3'), 1, 2, 3, 4)).toBe(((1 * 6 + 2) * 5 + 3) * 5 + 4);
    expect(kernelTapIndex(conv(table, 'c3'), 1, 2, 3, 4)).toBe(219);
    expect(kernelTapIndex(conv(table, 'c3'), 15, 5, 4, 4)).toBe(16 * 6 * 25 - 1);
  });

  it("lists 60 connected c3 kernels with LeCun's table and 96 with full connectivity", () => {
    const pairs = kernelPairs(conv(table, 'c3'));
    expect(pairs).toHaveLength(60);
    expect(pairs.slice(0, 4)).toEqual([
      { oc: 0, ic: 0 },
      { oc: 0, ic: 1 },
      { oc: 0, ic: 2 },
      { oc: 1, ic: 1 },
    ]);
    expect(pairs.filter((p) => p.oc === 9).map((p) => p.ic)).toEqual([0, 3, 4, 5]);
    expect(kernelPairs(conv(full, 'c3'))).toHaveLength(96);
  });

  it('cuts each c3 kernel image from its own 25 entries of the tensor', () => {
    const layout = parameterLayout(table);
    const c3 = tensorSpec(layout, 'c3.weight');
    const values = new Float32Array(layout.size);
    values[c3.offset + 219] = -2; // (oc 1, ic 2, ky 3, kx 4)
    values[c3.offset + 150] = 1; // (oc 1, ic 0): not connected in the table, still sets the scale
    const { scale, images } = convKernelImages(conv(table, 'c3'), values, c3.offset, 'gradient');
    expect(scale).toBe(2);
    const kernel = images.find((im) => im.oc === 1 && im.ic === 2)!;
    expect(rgba(kernel.pixels, 19)).toEqual([43, 107, 242, 255]); // -1: the blue end
    expect(rgba(kernel.pixels, 18)).toEqual([199, 201, 204, 255]); // 0: the neutral white
    expect(images.some((im) => im.oc === 1 && im.ic === 0)).toBe(false);
  });

  it('turns a click into a tap: fractions of the image, clamped to the kernel', () => {
    expect(tapAt(5, 0.5, 0.5)).toEqual({ ky: 2, kx: 2 });
    expect(tapAt(5, 0.99, 0)).toEqual({ ky: 0, kx: 4 });
    expect(tapAt(5, 1, 1.2)).toEqual({ ky: 4, kx: 4 });
    expect(tapAt(5, -0.1, 0.39)).toEqual({ ky: 1, kx: 0 });
    expect(kernelPick(conv(table, 'c3'), 1, 2, 0.9, 0.7)).toEqual({ map: 1, tensor: 'c3.weight', index: 219 });
  });

  it('decodes flat indices into tensor coordinates and finds tensor shapes', () => {
    expect(decodeIndex([16, 6, 5, 5], 219)).toEqual([1, 2, 3, 4]);
    expect(decodeIndex([120, 400], 401)).toEqual([1, 1]);
    expect(tensorShape(full, 'c3.weight')).toEqual([16, 6, 5, 5]);
    expect(tensorShape(full, 'f6.weight')).toEqual([84, 120]);
    expect(tensorShape(full, 'nope.weight')).toBeNull();
  });
});

describe('norms and colours', () => {
  it('gives the L2 norm of each dense row, read from an offset', () => {
    const values = [9, 9, 3, 4, 0, 0, 0, 0, 1, 2, 2];
    expect(Array.from(rowNorms(values, 2, 3, 3))).toEqual([5, 0, 3]);
    expect(maxAbs([1, -7, 3], 0)).toBe(7);
    expect(maxAbs([1, -7, 3, 9], 2, 1)).toBe(3);
  });

  it('computes the norms of a real dense tensor row by row', () => {
    const layout = parameterLayout(full);
    const f6 = tensorSpec(layout, 'f6.weight');
    const values = new Float32Array(layout.size);
    values[f6.offset + 2 * 120 + 7] = 0.6;
    values[f6.offset + 2 * 120 + 119] = -0.8;
    const norms = rowNorms(values, f6.offset, 84, dense(full, 'f6').inFeatures);
    expect(norms[2]).toBeCloseTo(1, 6);
    expect(maxAbs(norms, 0, 2) + maxAbs(norms, 3)).toBe(0);
  });

  it("colours 0 with each ramp's neutral colour, and a zero scale as all neutral", () => {
    expect(rgba(rampImage([0], 0, 1, 1, 'gradient'))).toEqual([199, 201, 204, 255]);
    expect(rgba(rampImage([0], 0, 1, 1, 'weight'))).toEqual([41, 46, 56, 255]);
    expect(rgba(rampImage([5], 0, 1, 0, 'gradient'))).toEqual([199, 201, 204, 255]);
  });

  it('scales by the given maximum and clamps beyond it', () => {
    const pixels = rampImage([-3, 3, 6, 1.5], 0, 4, 3, 'gradient');
    expect(rgba(pixels, 0)).toEqual([43, 107, 242, 255]);
    expect(rgba(pixels, 1)).toEqual([230, 51, 41, 255]);
    expect(rgba(pixels, 2)).toEqual(rgba(pixels, 1));
    expect(rgba(pixels, 3)).toEqual([247, 158, 128, 255]); // t = 0.5
    expect(rgba(rampImage([1], 0, 1, 1, 'weight'))).toEqual([255, 245, 179, 255]);
  });
});

describe('randomWeight', () => {
  it('picks among the conv and dense weight tensors only', () => {
    expect(weightLayers(table).map((l) => l.id)).toEqual(['c1', 'c3', 'c5', 'f6', 'output']);
  });

  it('maps the draws onto a connected input map: oc 0, last choice is s2 map 2, not 5', () => {
    const draws = [0.3, 0, 0.99, 0, 0];
    expect(randomWeight(table, () => draws.shift()!)).toEqual({
      tensor: 'c3.weight',
      index: kernelTapIndex(conv(table, 'c3'), 0, 2, 0, 0),
    });
    const denseDraws = [0.99, 0.5];
    expect(randomWeight(table, () => denseDraws.shift()!)).toEqual({ tensor: 'output.weight', index: 420 });
  });

  it('never returns an unconnected c3 tap, and reaches every connected kernel', () => {
    const random = new SeededRandom(3);
    const layout = parameterLayout(table);
    const seen = new Set<string>();
    for (let n = 0; n < 6000; n++) {
      const { tensor, index } = randomWeight(table, () => random.uniform());
      const shape = tensorSpec(layout, tensor).shape;
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(tensorSpec(layout, tensor).size);
      if (tensor !== 'c3.weight') continue;
      const [oc, ic] = decodeIndex(shape, index);
      expect(LENET5_C3_TABLE[oc]).toContain(ic);
      seen.add(`${oc}-${ic}`);
    }
    expect(seen.size).toBe(60);
  });
});

describe('kernel names in both languages', () => {
  it('names each connected c3 kernel by the output map and the input map it joins, in that order', () => {
    const c3 = conv(table, 'c3');
    for (const language of ['en', 'zh'] as const) {
      const t = i18n.getFixedT(language, 'kernels');
      for (const { oc, ic } of kernelPairs(c3)) {
        const label = t('conv.gridGradient', { layer: c3.id, out: oc, in: ic });
        expect(label.match(/\d+/g)!.slice(0, 3), label).toEqual(['3', String(oc), String(ic)]);
        expect(label).toContain('dL/dW');
      }
      expect(t('conv.gridCaption', { layer: 'c3' })).toContain('c3');
    }
    expect(i18n.getFixedT('zh', 'kernels')('conv.gridWeight', { layer: 'c3', out: 4, in: 1 })).toBe(
      'c3 输出图 4 来自输入图 1：权值（点击一个元素可检验它）',
    );
  });
});
