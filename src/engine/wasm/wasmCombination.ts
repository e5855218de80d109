/**
 * Learned c3 combinations on the WebAssembly engine (src/engine/model/learnedCombination.ts): the
 * module's full-c3 kernels read the effective kernels W'_ji = α_ij k_ij from a scratch region of its
 * memory (composed here after every change of the weights), and accumulate their gradient G_ji into
 * the place of c3.weight's gradient, which `mapGradients` turns into the true parameters' gradients:
 * ∂E/∂k = α G there and ∂E/∂c into c3.alphaLogits' place. 2,400 numbers per step, in JavaScript.
 *
 *   effective[(j * 6 + i) * 25 + t] = α[j * 6 + i] * params[c3.weight + (j * 6 + i) * 25 + t]
 */
import {
  addAlphaPenalty,
  combinationGradients,
  combinationWeights,
  effectiveKernels,
  type AlphaPenalty,
} from '../model/learnedCombination';
import type { LayerSpec } from '../model/layerSpec';
import { tensorSpec, type ParameterLayout } from '../model/parameters';
import type { Pointer, WasmArena } from './wasmArena';

/** Floats of c3's effective kernels (16 x 6 x 5 x 5). */
export const EFFECTIVE_FLOATS = 16 * 6 * 25;
const OUT_MAPS = 16;
const IN_MAPS = 6;
const AREA = 25;

/** The learned c3 of one loaded network: where its tensors are and α of the current logits. */
export class WasmCombination {
  private readonly alpha = new Float64Array(OUT_MAPS * IN_MAPS);
  private readonly kernels: number;
  private readonly logits: number;

  constructor(
    private readonly arena: WasmArena,
    private readonly params: Pointer,
    private readonly grads: Pointer,
    readonly effective: Pointer,
    layout: ParameterLayout,
  ) {
    this.kernels = tensorSpec(layout, 'c3.weight').offset;
    this.logits = tensorSpec(layout, 'c3.alphaLogits').offset;
    this.compose();
  }

  /** A combination for `layers`' c3 when it learns its combinations, else null. */
  static of(
    layers: readonly LayerSpec[],
    arena: WasmArena,
    at: { params: Pointer; grads: Pointer; effective: Pointer },
    layout: ParameterLayout,
  ): WasmCombination | null {
    const c3 = layers[3];
    if (c3?.kind !== 'conv' || !c3.learnedCombinations) return null;
    return new WasmCombination(arena, at.params, at.grads, at.effective, layout);
  }

  /** Recomputes α from the logits and the effective kernels from α and the kernels (after the weights change). */
  compose(): void {
    combinationWeights(
      this.arena.f32(this.params + this.logits * 4, OUT_MAPS * IN_MAPS),
      OUT_MAPS,
      IN_MAPS,
      this.alpha,
    );
    effectiveKernels(
      this.arena.f32(this.params + this.kernels * 4, EFFECTIVE_FLOATS),
      this.alpha,
      AREA,
      this.arena.f32(this.effective, EFFECTIVE_FLOATS),
    );
  }

  /** Turns the effective kernels' gradient (in c3.weight's gradient) into ∂E/∂k and ∂E/∂c, in place. */
  mapGradients(): void {
    const g = this.arena.f32(this.grads + this.kernels * 4, EFFECTIVE_FLOATS);
    combinationGradients(
      g,
      this.arena.f32(this.params + this.kernels * 4, EFFECTIVE_FLOATS),
      this.alpha,
      OUT_MAPS,
      IN_MAPS,
      AREA,
      g,
      this.arena.f32(this.grads + this.logits * 4, OUT_MAPS * IN_MAPS),
    );
  }

  /** Adds λ times the penalty's gradient into c3.alphaLogits' gradient; returns λ P. */
  addPenalty(kind: AlphaPenalty, lambda: number): number {
    const g = this.arena.f32(this.grads + this.logits * 4, OUT_MAPS * IN_MAPS);
    return addAlphaPenalty(kind, lambda, this.alpha, OUT_MAPS, IN_MAPS, g);
  }
}
