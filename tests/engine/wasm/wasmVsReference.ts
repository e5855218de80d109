/**
 * The WebAssembly engine against the float64 reference on one architecture: every layer's activations
 * and pre-activations (|a - r| <= 1e-4 (1 + |r|)), max-pooling winners (exact), every layer's deltas
 * and every parameter tensor's gradient (within 1e-4 of the tensor's largest magnitude), the loss.
 * Shared by the Node test and the Chromium test.
 */
import { expect } from 'vitest';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { composedReference, PENALTY, penalizedGradients } from '../composedReference';
import type { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { forwardError, scaledError, testBatch, testParameters } from '../gpu/gpuVsReference';

export const TOLERANCE = 1e-4;

/** Checks one architecture at batch `n`: forward, backward with the input's delta, then one SGD step. */
export function expectWasmMatchesReference(network: WasmNetwork, options: ArchitectureOptions, n: number): void {
  const params = testParameters(options);
  const { inputs, labels } = testBatch(n, 7);
  const reference = composedReference(options, params);
  const pass = reference.forward(inputs, n);
  const result = reference.backward(pass, labels);

  network.load(options, Float32Array.from(params), null);
  network.setInputs(inputs, labels, n);
  const loss = network.forward(n);
  expect(Math.abs(loss - result.loss) / (1 + result.loss), 'loss').toBeLessThanOrEqual(1e-5);
  const got = network.pass(n);
  pass.layers.forEach((want, l) => {
    expect(forwardError(got.layers[l].out, want.out).error, `${want.id} out`).toBeLessThanOrEqual(TOLERANCE);
    if (want.pre)
      expect(forwardError(got.layers[l].pre!, want.pre).error, `${want.id} pre`).toBeLessThanOrEqual(TOLERANCE);
    else expect(got.layers[l].pre, `${want.id} has no pre`).toBeNull();
    if (want.argmax) expect(Array.from(got.layers[l].argmax!), `${want.id} winners`).toEqual(Array.from(want.argmax));
  });

  network.backward(n, true);
  const deltas = network.deltas(n);
  result.deltas.forEach((want, l) => {
    const dOut = scaledError(deltas[l].dOut, want.dOut);
    expect(dOut.scale, `${want.id} dOut is not all zero`).toBeGreaterThan(0);
    expect(dOut.error, `${want.id} dOut`).toBeLessThanOrEqual(TOLERANCE);
    if (want.dPre)
      expect(scaledError(deltas[l].dPre!, want.dPre).error, `${want.id} dPre`).toBeLessThanOrEqual(TOLERANCE);
  });
  const gradients = network.gradients();
  for (const t of reference.layout.tensors) {
    const r = scaledError(
      gradients.subarray(t.offset, t.offset + t.size),
      result.gradients.subarray(t.offset, t.offset + t.size),
    );
    expect(r.scale, `${t.name} gradient is not all zero`).toBeGreaterThan(0);
    expect(r.error, `${t.name} gradient`).toBeLessThanOrEqual(TOLERANCE);
  }

  // One momentum-SGD step with weight decay from a non-zero velocity, against the same formula in float64,
  // from a training batch split into chunks of 4 images (the gradients summed over the chunks).
  const velocity = Float32Array.from(params, (_, i) => ((i % 13) - 6) * 1e-3);
  network.load(options, Float32Array.from(params), velocity);
  network.setInputs(inputs, labels, n);
  const chunkedLoss = network.trainBatch(n, 4);
  expect(Math.abs(chunkedLoss - result.loss) / (1 + result.loss), 'chunked loss').toBeLessThanOrEqual(1e-5);
  const chunked = network.gradients();
  for (const t of reference.layout.tensors) {
    const r = scaledError(
      chunked.subarray(t.offset, t.offset + t.size),
      result.gradients.subarray(t.offset, t.offset + t.size),
    );
    expect(r.error, `${t.name} gradient over chunks`).toBeLessThanOrEqual(TOLERANCE);
  }
  // With learned combinations the entropy penalty's gradient joins the logits' (nothing elsewhere).
  const penalized = penalizedGradients(options, params, result.gradients);
  network.addAlphaPenalty(PENALTY.kind, PENALTY.lambda);
  network.sgdStep(0.05, 0.9, 5e-4);
  const updated = network.parameters();
  const expected = Float64Array.from(params, (w, i) => w - (0.9 * velocity[i] + 0.05 * (penalized[i] + 5e-4 * w)));
  expect(scaledError(updated, expected).error, 'weights after one step').toBeLessThanOrEqual(TOLERANCE);
  // A learned c3's next pass reads the step's new weights (its effective kernels recomposed). (Not checked
  // for LeCun's table: the test's velocity moves the unconnected kernels, which that engine expects at 0.)
  if (options.c3Connectivity !== 'learned') return;
  network.setInputs(inputs, labels, n);
  const after = composedReference(options, updated);
  const want = after.backward(after.forward(inputs, n), labels).loss;
  expect(Math.abs(network.forward(n) - want) / (1 + want), 'loss after the step').toBeLessThanOrEqual(1e-5);
}
