/**
 * Elastic distortions (src/engine/data/elastic.ts): the noise hash against an independent BigInt
 * implementation, the field's size and smoothness against the theory of smoothed white noise, what a
 * distortion does to an image (each pixel the bilinear sample at p + u(p)), the batch planner's
 * stream, and the WebAssembly engine's gather equal to the reference bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { BatchPlanner, type TrainingSettings } from '../../../src/engine/batchPlan';
import { distortInput, IDENTITY_DISTORTION, type Distortion } from '../../../src/engine/data/distort';
import {
  DEFAULT_ELASTIC,
  elasticField,
  elasticNoise,
  elasticRadius,
  gaussianTaps,
} from '../../../src/engine/data/elastic';
import { mnistBatch, mnistSubset } from '../../../src/engine/data/mnistInput';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { initialParameters } from '../../../src/engine/model/initialize';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { loadMnistSplit } from '../../../scripts/mnistFiles';

/** lowbias32 of seed + index * 0x9e3779b9 in BigInt arithmetic, then the same mapping to [-1, 1). */
function noiseByBigInt(seed: number, index: number): number {
  const mask = (1n << 32n) - 1n;
  let h = (BigInt(seed) + BigInt(index) * 0x9e3779b9n) & mask;
  h ^= h >> 16n;
  h = (h * 0x7feb352dn) & mask;
  h ^= h >> 15n;
  h = (h * 0x846ca68bn) & mask;
  h ^= h >> 16n;
  return (2 * Number(h >> 8n)) / 2 ** 24 - 1;
}

function bar(): Float32Array {
  const plane = new Float32Array(1024);
  for (let y = 8; y < 24; y++) for (let x = 14; x < 18; x++) plane[y * 32 + x] = 1;
  return plane;
}

function bilinear(src: Float32Array, sx: number, sy: number): number {
  const at = (y: number, x: number) => (y >= 0 && y < 32 && x >= 0 && x < 32 ? src[y * 32 + x] : 0);
  const x0 = Math.floor(sx),
    y0 = Math.floor(sy);
  const fx = sx - x0,
    fy = sy - y0;
  return (
    (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) +
    fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1))
  );
}

describe('elastic distortions', () => {
  it('draws the noise of an independent implementation of the hash, uniform in [-1, 1)', () => {
    let sum = 0;
    for (let i = 0; i < 4096; i++) {
      const seed = (i * 2654435761) % 2 ** 24;
      const value = elasticNoise(seed, i % 2048);
      expect(value).toBe(noiseByBigInt(seed, i % 2048));
      expect(value).toBeGreaterThanOrEqual(-1);
      expect(value).toBeLessThan(1);
      sum += value;
    }
    expect(Math.abs(sum / 4096)).toBeLessThan(0.05); // mean 0, standard error 0.009
  });

  it('has normalised Gaussian taps out to 3 sigma', () => {
    const taps = gaussianTaps(4);
    expect(elasticRadius(4)).toBe(12);
    expect(taps.length).toBe(25);
    expect(taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(taps[12 + 4] / taps[12]).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it('makes fields as large and as smooth as smoothed white noise should be', () => {
    // For uniform noise (variance 1/3) smoothed by normalised taps g, an interior value has variance
    // alpha^2 / 3 * (sum g^2)^2, and neighbours d apart correlate as sum_k g_k g_(k+d) / sum g^2.
    const { alpha, sigma } = DEFAULT_ELASTIC;
    const taps = gaussianTaps(sigma);
    const g2 = taps.reduce((a, g) => a + g * g, 0);
    const lag1 = taps.slice(1).reduce((a, g, k) => a + g * taps[k], 0) / g2;
    let squares = 0,
      products = 0,
      count = 0;
    for (let seed = 0; seed < 300; seed++) {
      const field = elasticField({ alpha, sigma, seed: seed * 7919 });
      for (let axis = 0; axis < 2; axis++) {
        const y = 16; // an interior row: every tap inside the image up to x +- 12
        for (let x = 12; x < 19; x++) {
          const v = field[axis * 1024 + y * 32 + x];
          squares += v * v;
          products += v * field[axis * 1024 + y * 32 + x + 1];
          count++;
        }
      }
    }
    const variance = ((alpha * alpha) / 3) * g2 * g2;
    expect(squares / count / variance).toBeGreaterThan(0.8);
    expect(squares / count / variance).toBeLessThan(1.2);
    expect(products / squares).toBeGreaterThan(lag1 - 0.02);
    expect(products / squares).toBeLessThan(lag1 + 0.02);
    expect(lag1).toBeGreaterThan(0.96); // sigma 4: neighbours move together
  });

  it('samples each pixel bilinearly at p + alpha (G * noise)(p); alpha 0 changes nothing', () => {
    const src = bar();
    const out = new Float32Array(1024);
    distortInput(src, out, 0, { ...IDENTITY_DISTORTION, elastic: { ...DEFAULT_ELASTIC, alpha: 0, seed: 5 } });
    expect(out).toEqual(src);
    const d: Distortion = { ...IDENTITY_DISTORTION, elastic: { ...DEFAULT_ELASTIC, seed: 12345 } };
    distortInput(src, out, 0, d);
    const field = elasticField(d.elastic!);
    for (const [y, x] of [
      [8, 14],
      [16, 15],
      [23, 17],
      [12, 13],
      [0, 0],
    ]) {
      const want = bilinear(src, x + field[y * 32 + x], y + field[1024 + y * 32 + x]);
      expect(out[y * 32 + x]).toBe(Math.fround(want));
    }
    // It bends the bar without tearing it: ink moves, its amount barely changes.
    let moved = 0,
      before = 0,
      after = 0;
    for (let i = 0; i < 1024; i++) {
      moved += Math.abs(out[i] - src[i]);
      before += src[i];
      after += out[i];
    }
    expect(moved).toBeGreaterThan(8);
    expect(Math.abs(after - before) / before).toBeLessThan(0.25);
  });

  it('draws one seed per image from the batch stream, after the affine part', () => {
    const base: TrainingSettings = {
      seed: 3,
      batchSize: 8,
      learningRate: 0.1,
      schedule: 'constant',
      epochs: 1,
      momentum: 0,
      weightDecay: 0,
      augment: false,
    };
    const affine = new BatchPlanner(100, { ...base, augment: true }).next().distortions!;
    const elastic = new BatchPlanner(100, { ...base, elastic: DEFAULT_ELASTIC }).next().distortions!;
    const both = new BatchPlanner(100, { ...base, augment: true, elastic: DEFAULT_ELASTIC }).next().distortions!;
    expect(elastic.every((d) => d.dx === 0 && d.angle === 0 && d.scale === 1)).toBe(true);
    expect(new Set(elastic.map((d) => d.elastic!.seed)).size).toBe(8);
    expect(both[0]).toMatchObject({ dx: affine[0].dx, dy: affine[0].dy, angle: affine[0].angle });
    expect(both.every((d) => Number.isInteger(d.elastic!.seed) && d.elastic!.alpha === 34)).toBe(true);
    expect(new BatchPlanner(100, base).next().distortions).toBeNull();
  });

  it('gives the WebAssembly engine the reference inputs bit for bit, elastic and affine', () => {
    const train = mnistSubset(loadMnistSplit('train'), 50);
    const network = new WasmNetwork();
    network.load(DEFAULT_ARCHITECTURE, initialParameters(lenet5Layers(), 1), null);
    network.holdSet('train', train);
    const indices = [3, 1, 4, 1, 5, 9];
    const batch = new BatchPlanner(50, {
      seed: 2,
      batchSize: 6,
      learningRate: 0.1,
      schedule: 'constant',
      epochs: 1,
      momentum: 0,
      weightDecay: 0,
      augment: true,
      elastic: { alpha: 20, sigma: 3 },
    }).next();
    network.gather('train', indices, batch.distortions);
    const plain = new Float32Array(6 * 1024);
    const want = new Float32Array(6 * 1024);
    mnistBatch(train, indices, plain, new Uint8Array(6));
    batch.distortions!.forEach((d, b) => distortInput(plain, want, b * 1024, d));
    expect(network.pass(6).layers[0].out).toEqual(want);
  });
});
