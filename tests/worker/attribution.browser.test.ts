/**
 * Attribution, portraits and feature images on every engine the app runs (WebGL2, WebAssembly and the CPU
 * reference in float32), through the backend interface the worker uses, against the float64 reference, on
 * the three shipped runs (learned c3 combinations included) and real MNIST test digits. Tolerances: the
 * explained value within 1e-5 (relative, plus 1e-5 absolute); every map and raw array within 1e-5 of its
 * largest magnitude; the portraits' values within 1e-4 and their order right up to that tolerance (a near-tie
 * may come out either way in float32).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attribute, type Attribution, type AttributionMethod } from '../../src/engine/interpret/attribute';
import type { AttributionEngine } from '../../src/engine/interpret/attributionEngine';
import { DEFAULT_FEATURE_SETTINGS, synthesizeFeature } from '../../src/engine/interpret/featureImage';
import { layerStarts } from '../../src/engine/interpret/neuronPortraits';
import { portraitPass } from '../../src/engine/interpret/portraitPass';
import type { MnistSet } from '../../src/engine/data/mnistInput';
import type { ArchitectureOptions } from '../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { nodeIndex, nodeRef } from '../../src/engine/model/nodeRef';
import { referenceEngine } from '../../src/engine/reference/referenceAttribution';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { wasmEngine } from '../../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../../src/engine/wasm/wasmNetwork';
import type { ComputeBackend } from '../../src/worker/computeBackend';
import { CpuBackend } from '../../src/worker/cpuBackend';
import { GpuBackend } from '../../src/worker/gpuBackend';
import { WasmBackend } from '../../src/worker/wasmBackend';
import { digitOf, fetchShipped, fetchTestSet } from './shippedInBrowser';

const TOLERANCE = 1e-5; // measured: at most 1.1e-6 (occlusion on WebGL2)
const gpu = new GpuBackend();
const engines: [string, ComputeBackend][] = [
  ['webgl2', gpu],
  ['wasm', new WasmBackend()],
  ['cpu', new CpuBackend()],
];
afterAll(() => gpu.dispose());

let test: MnistSet;
beforeAll(async () => {
  test = await fetchTestSet();
});

const METHODS: [AttributionMethod, object][] = [
  ['gradient', {}],
  ['gradientInput', { target: 2 }],
  ['smoothgrad', { samples: 12, sigma: 0.15 }],
  ['integrated', { steps: 32, contrast: 1 }],
  ['gradcam', { layer: 'c3' }],
  ['gradcam', { layer: 's4' }],
  ['occlusion', { patch: 4 }],
];

/** Largest |got − want| over the largest |want|. */
function scaledError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let scale = 0,
    worst = 0;
  for (let i = 0; i < want.length; i++) scale = Math.max(scale, Math.abs(want[i]));
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
  return scale > 0 ? worst / scale : worst;
}

function expectClose(got: Attribution, want: Attribution, what: string): void {
  expect(got.target, what).toBe(want.target);
  expect(Math.abs(got.score - want.score), `${what} score`).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(want.score)));
  if (want.baseline !== null)
    expect(Math.abs(got.baseline! - want.baseline), `${what} baseline`).toBeLessThanOrEqual(
      1e-5 * (1 + Math.abs(want.baseline)),
    );
  expect(scaledError(got.map, want.map), `${what} map`).toBeLessThanOrEqual(TOLERANCE);
  if (want.raw) expect(scaledError(got.raw!, want.raw), `${what} raw`).toBeLessThanOrEqual(TOLERANCE);
}

function float64(architecture: ArchitectureOptions, params: Float32Array): ReferenceNetwork {
  return new ReferenceNetwork(lenet5Layers(architecture), architecture.loss, Float64Array.from(params));
}

describe.each(['lenet5-default', 'lenet5-classic', 'lenet5-learned'] as const)('the shipped run %s', (name) => {
  it('every attribution method equals the float64 reference on the WebGL2, WebAssembly and CPU engines', async () => {
    const { architecture, params } = await fetchShipped(name);
    const exact = referenceEngine(float64(architecture, params));
    for (const index of [0, 18]) {
      const input = digitOf(test, index);
      const expected = METHODS.map(([method, options]) => attribute(exact, Float64Array.from(input), method, options));
      for (const [engine, backend] of engines) {
        backend.load(architecture, params, null);
        METHODS.forEach(([method, options], m) =>
          expectClose(
            attribute(backend.attributionEngine(), input, method, options),
            expected[m],
            `${engine} ${method} ${JSON.stringify(options)} digit ${index}`,
          ),
        );
      }
    }
  });

  it('the portraits over 320 test digits rank them as the float64 reference does, on every engine', async () => {
    const { architecture, params } = await fetchShipped(name);
    const network = float64(architecture, params);
    const images = 320;
    const starts = layerStarts(network.layers);
    // Every value of every node, in float64, one image at a time.
    const exact: Float64Array[] = [];
    for (let i = 0; i < images; i++) {
      const pass = network.forward(digitOf(test, i), 1);
      const all = new Float64Array(starts[starts.length - 1]);
      pass.layers.forEach((layer, l) => all.set(layer.out, starts[l]));
      exact.push(all);
    }
    const nodes = network.layers.flatMap((layer, l) =>
      [0, 0.37, 0.71, 0.99].map((f) => starts[l] + Math.floor(f * (starts[l + 1] - starts[l]))),
    );
    for (const [engine, backend] of engines) {
      backend.load(architecture, params, null);
      const portraits = await portraitPass(backend.attributionEngine(), test, images, async () => {});
      for (const entry of nodes) {
        const sorted = exact.map((values) => values[entry]).sort((a, b) => b - a);
        for (let r = 0; r < portraits.keep; r++) {
          const index = portraits.topIndex[entry * portraits.keep + r];
          const value = portraits.topValue[entry * portraits.keep + r];
          const what = `${engine} node ${entry} rank ${r}`;
          expect(Math.abs(value - exact[index][entry]), what).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(sorted[r])));
          expect(Math.abs(exact[index][entry] - sorted[r]), what).toBeLessThanOrEqual(2e-4 * (1 + Math.abs(sorted[r])));
        }
      }
    }
  });

  it('feature images on the WebAssembly engine and the CPU reference: in [0, 1], their value the float64 one', async () => {
    const { architecture, params } = await fetchShipped(name);
    const network = float64(architecture, params);
    const wasm = new WasmNetwork();
    wasm.load(architecture, params, null);
    const cpu = new ReferenceNetwork(lenet5Layers(architecture), architecture.loss, params.slice());
    const nodes = ['c1', 's2', 'c3', 's4', 'c5', 'f6', 'output'].map((id) => {
      const layer = network.layers.find((l) => l.id === id)!;
      return nodeRef(layer, Math.floor(layer.shape.reduce((a, b) => a * b, 1) / 3));
    });
    for (const [engine, nodeEngine] of [
      ['wasm', wasmEngine(wasm)],
      ['cpu', referenceEngine(cpu)],
    ] as const) {
      for (const node of nodes) {
        // The float32 reference takes ~4 ms a step: 40 steps there, the app's 200 on WebAssembly.
        const settings = engine === 'cpu' ? { steps: 40, polish: 10 } : {};
        const feature = synthesizeFeature(nodeEngine, node, { ...DEFAULT_FEATURE_SETTINGS, ...settings });
        expect(
          feature.image.every((v) => v >= 0 && v <= 1),
          `${engine} ${node.layer}`,
        ).toBe(true);
        const l = network.layers.findIndex((s) => s.id === node.layer);
        const want = network.forward(feature.image, 1).layers[l].out[nodeIndex(network.layers[l], node)];
        expect(Math.abs(feature.value - want), `${engine} ${node.layer}`).toBeLessThanOrEqual(
          1e-4 * (1 + Math.abs(want)),
        );
      }
    }
  });
});

/** Keeps the engine list honest: every backend gives an attribution engine over the network it loaded. */
describe('attribution engines', () => {
  it('follow a new load', async () => {
    const { architecture, params } = await fetchShipped('lenet5-default');
    const input = digitOf(test, 3);
    for (const [engine, backend] of engines) {
      backend.load(architecture, params, null);
      const first: AttributionEngine = backend.attributionEngine();
      const before = attribute(first, input, 'gradient', { target: 5 }).score;
      backend.load(
        architecture,
        params.map((v) => v * 0.5),
        null,
      );
      expect(attribute(backend.attributionEngine(), input, 'gradient', { target: 5 }).score, engine).not.toBeCloseTo(
        before,
        3,
      );
    }
  });
});
