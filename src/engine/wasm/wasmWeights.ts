/**
 * Loading a WebAssembly network's weights: checked against the architecture's parameter layout and
 * copied with their momentum into the fixed region (wasmBuffers.ts), with c1's and c3's masks, every
 * layer's tensor addresses (wasmDescriptor.ts) and a learned c3's combination (wasmCombination.ts).
 */
import type { ArchitectureOptions, LayerSpec } from '../model/layerSpec';
import { lenet5Layers } from '../model/lenet5';
import { parameterLayout, type ParameterLayout } from '../model/parameters';
import type { WasmArena } from './wasmArena';
import type { FixedRegion } from './wasmBuffers';
import { WasmCombination } from './wasmCombination';
import { c3Mask, layerTensors, type LayerTensors } from './wasmDescriptor';

/** What a network holds of loaded weights: the layers, their layout and tensors, and a learned c3's combination. */
export interface LoadedWeights {
  readonly layers: readonly LayerSpec[];
  readonly layout: ParameterLayout;
  readonly tensors: LayerTensors[];
  readonly combination: WasmCombination | null;
}

/** Writes `params` of `architecture` and `velocity` (0 when null) into the fixed region, with the masks. */
export function loadWeights(
  arena: WasmArena,
  fixed: FixedRegion,
  architecture: ArchitectureOptions,
  params: ArrayLike<number>,
  velocity: ArrayLike<number> | null,
): LoadedWeights {
  const layers = lenet5Layers(architecture);
  const layout = parameterLayout(layers);
  if (params.length !== layout.size) throw new Error(`expected ${layout.size} parameters, got ${params.length}`);
  if (velocity && velocity.length !== layout.size)
    throw new Error(`expected ${layout.size} velocities, got ${velocity.length}`);
  const tensors = layerTensors(layers, layout, fixed.params, fixed.grads);
  arena.f32(fixed.params, layout.size).set(params);
  // A learned c3's kernels read the effective kernels α k; their gradient lands in c3.weight's and is mapped.
  const combination = WasmCombination.of(layers, arena, fixed, layout);
  if (combination) tensors[3] = { ...tensors[3], weight: fixed.effective };
  const v = arena.f32(fixed.velocity, layout.size);
  if (velocity) v.set(velocity);
  else v.fill(0);
  arena.f32(fixed.masks.c1, 6).fill(1);
  arena.f32(fixed.masks.c3, 16 * 6).set(c3Mask(layers));
  return { layers, layout, tensors, combination };
}
