/**
 * A float64 oracle for every architecture, learned combinations included, built only from the reference's
 * full-c3 network and src/engine/model/learnedCombination.ts (independent of any engine's learned path):
 * a learned c3 is run as a full c3 with the effective kernels α k, and the full network's c3 kernel
 * gradient G is mapped back to ∂E/∂k and ∂E/∂c. Parameters and gradients are in the learned layout.
 */
import type { ArchitectureOptions } from '../../src/engine/model/layerSpec';
import { expect } from 'vitest';
import {
  addAlphaPenalty,
  combinationGradients,
  combinationWeights,
  effectiveKernels,
} from '../../src/engine/model/learnedCombination';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { parameterLayout, tensorSpec, type ParameterLayout } from '../../src/engine/model/parameters';
import { ReferenceNetwork, type BackwardPass, type ForwardPass } from '../../src/engine/reference/referenceNetwork';

/** The oracle's answers: the reference network's, with parameters and gradients in `layout`. */
export interface ComposedReference {
  readonly layout: ParameterLayout;
  forward(inputs: ArrayLike<number>, n: number): ForwardPass;
  backward(pass: ForwardPass, labels: ArrayLike<number>): BackwardPass;
  /** Backpropagates from the dPre `seed` of layer `top` (as the attribution engines do). */
  backwardFrom(pass: ForwardPass, top: number, seed: Float64Array): { gradients: Float64Array };
}

/** The oracle for `options` with parameters `params` (in lenet5Layers(options)' layout). */
export function composedReference(options: ArchitectureOptions, params: ArrayLike<number>): ComposedReference {
  const layers = lenet5Layers(options);
  const layout = parameterLayout(layers);
  if (options.c3Connectivity !== 'learned') {
    const network = new ReferenceNetwork(layers, options.loss, Float64Array.from(params));
    return {
      layout,
      forward: (inputs, n) => network.forward(inputs, n),
      backward: (pass, labels) => network.backward(pass, labels),
      backwardFrom: (pass, top, seed) => ({
        gradients: network.backwardFrom(pass, top, seed).gradients as Float64Array,
      }),
    };
  }
  const fullLayers = lenet5Layers({ ...options, c3Connectivity: 'full' });
  const fullLayout = parameterLayout(fullLayers);
  const kernels = tensorSpec(layout, 'c3.weight');
  const logits = tensorSpec(layout, 'c3.alphaLogits');
  const alpha = combinationWeights(Array.from(params).slice(logits.offset, logits.offset + logits.size), 16, 6);
  const full = new Float64Array(fullLayout.size);
  for (const t of fullLayout.tensors) {
    const from = tensorSpec(layout, t.name).offset;
    for (let i = 0; i < t.size; i++) full[t.offset + i] = params[from + i];
  }
  const kernelValues = Float64Array.from({ length: kernels.size }, (_, i) => params[kernels.offset + i]);
  const fullKernels = tensorSpec(fullLayout, 'c3.weight');
  effectiveKernels(kernelValues, alpha, 25, full.subarray(fullKernels.offset, fullKernels.offset + fullKernels.size));
  const network = new ReferenceNetwork(fullLayers, options.loss, full);
  const mapGradients = (fullGradients: ArrayLike<number>): Float64Array => {
    const gradients = new Float64Array(layout.size);
    for (const t of fullLayout.tensors) {
      const to = tensorSpec(layout, t.name).offset;
      for (let i = 0; i < t.size; i++) gradients[to + i] = fullGradients[t.offset + i];
    }
    combinationGradients(
      gradients.slice(kernels.offset, kernels.offset + kernels.size),
      kernelValues,
      alpha,
      16,
      6,
      25,
      gradients.subarray(kernels.offset, kernels.offset + kernels.size),
      gradients.subarray(logits.offset, logits.offset + logits.size),
    );
    return gradients;
  };
  return {
    layout,
    forward: (inputs, n) => network.forward(inputs, n),
    backward: (pass, labels) => {
      const result = network.backward(pass, labels);
      return { ...result, gradients: mapGradients(result.gradients) };
    },
    backwardFrom: (pass, top, seed) => ({ gradients: mapGradients(network.backwardFrom(pass, top, seed).gradients) }),
  };
}

/** The penalty the engines' SGD checks add (entropy: its gradient is not zero). */
export const PENALTY = { kind: 'entropy', lambda: 0.05 } as const;

/** The loss's gradients plus, for learned combinations, λ ∂H/∂c of PENALTY (learnedCombination.ts) in float64. */
export function penalizedGradients(
  options: ArchitectureOptions,
  params: ArrayLike<number>,
  gradients: ArrayLike<number>,
): Float64Array {
  const total = Float64Array.from(gradients);
  if (options.c3Connectivity !== 'learned') return total;
  const logits = tensorSpec(parameterLayout(lenet5Layers(options)), 'c3.alphaLogits');
  const alpha = combinationWeights(Array.from(params).slice(logits.offset, logits.offset + logits.size), 16, 6);
  const range = total.subarray(logits.offset, logits.offset + logits.size);
  const before = range.slice();
  addAlphaPenalty(PENALTY.kind, PENALTY.lambda, alpha, 16, 6, range);
  let moved = 0;
  for (let i = 0; i < range.length; i++) moved = Math.max(moved, Math.abs(range[i] - before[i]));
  expect(moved, 'the penalty moves the logits gradient').toBeGreaterThan(1e-4);
  return total;
}
