/**
 * The backward pass of one image on every engine the app runs (WebGL2 and the CPU reference), through
 * the backend interface the worker uses, against the float64 reference engine, for all 36 options.
 * Tolerances: every layer's dL/d(output) and dL/dz, and every parameter tensor's gradient, within
 * 1e-4 of the largest magnitude of that tensor; the loss within 1e-5 relative.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildBackwardFrame, deltaValues, referenceDeltas, type BackwardFrame } from '../../src/engine/backwardFrame';
import { allArchitectures, lenet5Layers } from '../../src/engine/model/lenet5';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import type { ComputeBackend } from '../../src/worker/computeBackend';
import { CpuBackend } from '../../src/worker/cpuBackend';
import { GpuBackend } from '../../src/worker/gpuBackend';
import { TeachingCopy } from '../../src/worker/teachingCopy';
import { WasmBackend } from '../../src/worker/wasmBackend';
import { scaledError, testBatch, testParameters } from '../engine/gpu/gpuVsReference';

const TOLERANCE = 1e-4;
const gpu = new GpuBackend();
const cpu = new CpuBackend();
const wasm = new WasmBackend();
afterAll(() => gpu.dispose());

function expectClose(actual: BackwardFrame, expected: BackwardFrame, engine: string): void {
  expect(actual.label).toBe(expected.label);
  expect(Math.abs(actual.loss - expected.loss) / Math.max(1e-6, expected.loss), `${engine} loss`).toBeLessThanOrEqual(
    1e-5,
  );
  for (const layer of expected.layers) {
    for (const part of ['out', 'pre'] as const) {
      const want = deltaValues(expected, layer.id, part);
      const got = deltaValues(actual, layer.id, part);
      expect(got === null, `${engine} ${layer.id} ${part} present`).toBe(want === null);
      if (!want) continue;
      const result = scaledError(got!, want);
      expect(result.scale, `${layer.id} ${part} is not all zero`).toBeGreaterThan(0);
      expect(result.error, `${engine} ${layer.id} ${part}`).toBeLessThanOrEqual(TOLERANCE);
    }
  }
}

describe.each(allArchitectures().map((o) => [Object.values(o).join(' / '), o] as const))('%s', (_, options) => {
  it('the backward pass of one image equals the float64 reference on the WebGL2, WebAssembly and CPU engines', () => {
    const layers = lenet5Layers(options);
    const params = testParameters(options);
    const { inputs, labels } = testBatch(1, 11);
    const reference = new ReferenceNetwork(layers, options.loss, Float64Array.from(params));
    const pass = reference.forward(inputs, 1);
    const result = reference.backward(pass, labels);
    const output = pass.layers[layers.length - 1];
    const expected = buildBackwardFrame(
      layers,
      options.loss,
      referenceDeltas(result.deltas),
      result.gradients,
      output.out,
      output.pre!,
      labels[0],
    );
    for (const [engine, backend] of [
      ['webgl2', gpu],
      ['wasm', wasm],
      ['cpu', cpu],
    ] as [string, ComputeBackend][]) {
      backend.load(options, Float32Array.from(params), null);
      const { backward } = backend.backward(inputs, labels[0]);
      expectClose(backward, expected, engine);
      for (const t of reference.layout.tensors) {
        const r = scaledError(
          backward.gradients.subarray(t.offset, t.offset + t.size),
          result.gradients.subarray(t.offset, t.offset + t.size),
        );
        expect(r.scale, `${t.name} gradient is not all zero`).toBeGreaterThan(0);
        expect(r.error, `${engine} ${t.name}`).toBeLessThanOrEqual(TOLERANCE);
      }
    }
  });
});

describe('max-pooling ties', () => {
  it('go to the first cell of the window in row-major order, forward and backward, on every engine', () => {
    const options = allArchitectures()[0]; // relu / max / full / cross-entropy
    expect(options).toMatchObject({ activation: 'relu', pooling: 'max' });
    const params = testParameters(options);
    // A blank input makes every c1 map constant (relu of its bias): every 2x2 window of s2 is a tie.
    const blank = new Float32Array(1024);
    for (const [engine, backend] of [
      ['webgl2', gpu],
      ['wasm', wasm],
      ['cpu', cpu],
    ] as [string, ComputeBackend][]) {
      backend.load(options, Float32Array.from(params), null);
      const { frame, backward } = backend.backward(blank, 4);
      const s2 = frame.layers.find((l) => l.id === 's2')!;
      const winners = frame.values.subarray(s2.argmax![0], s2.argmax![0] + s2.argmax![1]);
      expect(Array.from(new Set(winners)), `${engine} winners`).toEqual([0]);
      const c1 = deltaValues(backward, 'c1', 'out')!;
      const s2Delta = deltaValues(backward, 's2', 'out')!;
      let carried = 0;
      c1.forEach((v, i) => {
        const c = Math.floor(i / 784),
          y = Math.floor(i / 28) % 28,
          x = i % 28;
        const cell = c * 196 + (y >> 1) * 14 + (x >> 1);
        const expected = y % 2 === 0 && x % 2 === 0 ? s2Delta[cell] : 0;
        expect(Math.abs(v - expected), `${engine} c1 ${c},${y},${x}`).toBeLessThanOrEqual(
          1e-6 * (1 + Math.abs(expected)),
        );
        if (v !== 0) carried++;
      });
      expect(carried, `${engine}: some first cells carry δ`).toBeGreaterThan(0);
    }
  });
});

describe('teaching on the WebGL2 engine', () => {
  it('follows the CPU engine step by step, lowers the loss, and undo restores the loaded weights exactly', () => {
    const options = allArchitectures()[0];
    const params = Float32Array.from(testParameters(options));
    const { inputs } = testBatch(1, 12);
    const held = { architecture: options, params, velocity: null, step: 0 };
    gpu.load(options, params, null);
    cpu.load(options, params, null);
    const before = gpu.infer(inputs).values.slice();
    const onGpu = new TeachingCopy();
    const onCpu = new TeachingCopy();
    const gpuTaught = onGpu.teach(gpu, held, inputs, 3, 5, 0.01);
    const cpuTaught = onCpu.teach(cpu, held, inputs, 3, 5, 0.01);
    expect(gpuTaught.lossAfter).toBeLessThan(gpuTaught.lossBefore);
    expect(Math.abs(gpuTaught.lossAfter - cpuTaught.lossAfter)).toBeLessThanOrEqual(1e-4 * (1 + cpuTaught.lossAfter));
    expect(scaledError(gpuTaught.params, cpuTaught.params).error).toBeLessThanOrEqual(TOLERANCE);
    onGpu.undo(gpu);
    expect(Array.from(gpu.parameters())).toEqual(Array.from(params));
    expect(Array.from(gpu.infer(inputs).values)).toEqual(Array.from(before));
  });
});
