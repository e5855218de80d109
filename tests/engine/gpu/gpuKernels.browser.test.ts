/**
 * Every GPU kernel, forward and backward, against the float64 reference engine, for every option.
 * Tolerances: forward values |gpu - ref| <= 1e-4 (1 + |ref|); gradients and deltas
 * max|gpu - ref| <= 1e-4 max|ref| of the tensor; max-pooling winners equal.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createComputeContext } from '../../../src/engine/gpu/glContext';
import { GpuNetwork } from '../../../src/engine/gpu/gpuNetwork';
import { allArchitectures, lenet5Layers } from '../../../src/engine/model/lenet5';
import { sgdMomentumStep } from '../../../src/engine/reference/sgd';
import { composedReference, PENALTY, penalizedGradients } from '../composedReference';
import { forwardError, scaledError, testBatch, testParameters } from './gpuVsReference';

const FORWARD_TOLERANCE = 1e-4;
const GRADIENT_TOLERANCE = 1e-4;
// More than one chunk of every gradient reduction (4 images per conv chunk, 32 per dense chunk), the last one partial.
const BATCH = 37;

const { gl } = createComputeContext();
afterAll(() => gl.getExtension('WEBGL_lose_context')?.loseContext());

const combinations = allArchitectures();

describe.each(combinations.map((c) => [Object.values(c).join(' / '), c] as const))('%s', (_, options) => {
  const layers = lenet5Layers(options);
  const params = testParameters(options);
  const { inputs, labels } = testBatch(BATCH);
  const reference = composedReference(options, params);
  const refPass = reference.forward(inputs, BATCH);
  const refBackward = reference.backward(refPass, labels);
  const gpu = new GpuNetwork(gl, options);
  gpu.setParameters(Float32Array.from(params));
  const buffers = gpu.uploadBatch(inputs, BATCH, labels);
  gpu.forward(buffers);
  gpu.backward(buffers, true);
  afterAll(() => gpu.dispose());

  it("forward: every layer's activations, pre-activations and max-pooling winners", () => {
    layers.forEach((layer, l) => {
      if (l === 0) return;
      const ref = refPass.layers[l];
      const out = forwardError(gpu.readLayer(buffers, l, 'out'), ref.out);
      expect(out.error, `${layer.id} out[${out.index}]`).toBeLessThanOrEqual(FORWARD_TOLERANCE);
      if (ref.pre) {
        const pre = forwardError(gpu.readLayer(buffers, l, 'second'), ref.pre);
        expect(pre.error, `${layer.id} pre[${pre.index}]`).toBeLessThanOrEqual(FORWARD_TOLERANCE);
      }
      if (ref.argmax)
        expect(Array.from(gpu.readLayer(buffers, l, 'second')), `${layer.id} winners`).toEqual(Array.from(ref.argmax));
    });
  });

  it("backward: every layer's dOut and dPre, down to the input", () => {
    layers.forEach((layer, l) => {
      const delta = refBackward.deltas[l];
      const dOut = scaledError(gpu.readLayer(buffers, l, l === layers.length - 1 ? 'dPre' : 'dOut'), delta.dOut);
      expect(dOut.scale, `${layer.id} dOut is not all zero`).toBeGreaterThan(0);
      expect(dOut.error, `${layer.id} dOut`).toBeLessThanOrEqual(GRADIENT_TOLERANCE);
      if (delta.dPre) {
        const dPre = scaledError(gpu.readLayer(buffers, l, 'dPre'), delta.dPre);
        expect(dPre.error, `${layer.id} dPre`).toBeLessThanOrEqual(GRADIENT_TOLERANCE);
      }
    });
  });

  it("backward: every parameter tensor's gradient", () => {
    const grads = gpu.readGradients(buffers);
    for (const t of reference.layout.tensors) {
      const r = scaledError(
        grads.subarray(t.offset, t.offset + t.size),
        refBackward.gradients.subarray(t.offset, t.offset + t.size),
      );
      expect(r.scale, `${t.name} gradient is not all zero`).toBeGreaterThan(0);
      expect(r.error, t.name).toBeLessThanOrEqual(GRADIENT_TOLERANCE);
    }
  });

  it('a whole momentum-SGD step updates every weight as the reference does', () => {
    const settings = { learningRate: 0.1, momentum: 0.9, weightDecay: 1e-3 };
    const velocity = Float64Array.from({ length: params.length }, (_, i) => Math.sin(i) * 1e-3);
    gpu.setParameters(Float32Array.from(params), Float32Array.from(velocity));
    gpu.update(buffers, settings, PENALTY);
    const refParams = Float64Array.from(params);
    sgdMomentumStep(refParams, penalizedGradients(options, params, refBackward.gradients), velocity, settings);
    const result = forwardError(gpu.readParameters(), refParams);
    expect(result.error, `parameter ${result.index}`).toBeLessThanOrEqual(FORWARD_TOLERANCE);
    expect(forwardError(gpu.readVelocity(), velocity).error).toBeLessThanOrEqual(FORWARD_TOLERANCE);
    if (options.c3Connectivity !== 'learned') return;
    // A learned c3's next pass reads the step's weights (its effective kernels uploaded again).
    gpu.forward(buffers);
    const after = composedReference(options, refParams).forward(inputs, BATCH);
    const last = layers.length - 1;
    const out = forwardError(gpu.readLayer(buffers, last, 'second'), after.layers[last].pre!);
    expect(out.error, `logits after the step [${out.index}]`).toBeLessThanOrEqual(FORWARD_TOLERANCE);
  });
});
