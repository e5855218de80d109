/**
 * Learned c3 combinations on the WebGL2 engine (src/engine/model/learnedCombination.ts), the simple way:
 * the GPU runs a full-c3 network whose c3 kernels are the effective kernels W'_ji = α_ij k_ij, while the
 * true c3 parameters (kernels k, logits c) and their momentum live here on the CPU. Each training step
 * reads back c3's reduced kernel gradient G (one 204x4 RGBA32F texture, 13 KB, a synchronous readback),
 * maps it to ∂E/∂k = α G and ∂E/∂c, adds the penalty on α, takes the momentum-SGD step on k and c here
 * and uploads the new W' (2,400 floats). Other architectures never come here.
 *
 * c3's reduced gradient texture (kernels/gradientLayout.ts, conv with IC > 1; IG = 2 input groups, KK = 25):
 *   G[oc][ic][tap] = lane (oc & 3) of texel (((oc >> 2) * IG + (ic >> 2)) * KK + tap, ic & 3)
 */
import {
  addAlphaPenalty,
  combinationGradients,
  combinationWeights,
  effectiveKernels,
  type AlphaPenalty,
} from '../model/learnedCombination';
import { tensorSpec, type ParameterLayout, type TensorSpec } from '../model/parameters';
import { sgdMomentumStep, type SgdSettings } from '../reference/sgd';

const OUT_MAPS = 16;
const IN_MAPS = 6;
const AREA = 25;
const KERNELS = OUT_MAPS * IN_MAPS * AREA;
const LOGITS = OUT_MAPS * IN_MAPS;
const IN_GROUPS = 2;
/** Texels per row of c3's reduced gradient texture (OG * IG * KK + OG). */
export const C3_GRADIENT_COLUMNS = 4 * IN_GROUPS * AREA + 4;

/** A penalty on α and its λ. */
export interface PenaltySetting {
  readonly kind: AlphaPenalty;
  readonly lambda: number;
}

/** The true c3 parameters of a learned network on the GPU, and the translation between its two layouts. */
export class GpuCombination {
  private readonly alpha = new Float64Array(LOGITS);
  private readonly kernels = new Float32Array(KERNELS);
  private readonly logits = new Float32Array(LOGITS);
  private readonly kernelVelocity = new Float32Array(KERNELS);
  private readonly logitVelocity = new Float32Array(LOGITS);
  private readonly trueKernels: TensorSpec;
  private readonly trueLogits: TensorSpec;
  /** Where c3's effective kernels are in the GPU's (full) layout. */
  readonly fullKernels: TensorSpec;

  constructor(
    private readonly layout: ParameterLayout,
    private readonly fullLayout: ParameterLayout,
  ) {
    this.trueKernels = tensorSpec(layout, 'c3.weight');
    this.trueLogits = tensorSpec(layout, 'c3.alphaLogits');
    this.fullKernels = tensorSpec(fullLayout, 'c3.weight');
  }

  /** Takes the true parameters (and momentum, or 0) and returns both in the GPU's layout (W' for c3's kernels). */
  load(params: Float32Array, velocity: Float32Array | null): { params: Float32Array; velocity: Float32Array | null } {
    const { trueKernels: k, trueLogits: c } = this;
    this.kernels.set(params.subarray(k.offset, k.offset + KERNELS));
    this.logits.set(params.subarray(c.offset, c.offset + LOGITS));
    this.kernelVelocity.set(velocity ? velocity.subarray(k.offset, k.offset + KERNELS) : new Float32Array(KERNELS));
    this.logitVelocity.set(velocity ? velocity.subarray(c.offset, c.offset + LOGITS) : new Float32Array(LOGITS));
    const full = this.toFull(params);
    full.set(this.effective(), this.fullKernels.offset);
    return { params: full, velocity: velocity && this.toFull(velocity) };
  }

  /** Values in the true layout as the GPU's (c3's kernels left as they are: the caller writes W' or leaves 0). */
  private toFull(values: Float32Array): Float32Array {
    const out = new Float32Array(this.fullLayout.size);
    for (const t of this.fullLayout.tensors) {
      const from = tensorSpec(this.layout, t.name).offset;
      out.set(values.subarray(from, from + t.size), t.offset);
    }
    return out;
  }

  /** The effective kernels α k of the current kernels and logits. */
  effective(): Float32Array {
    combinationWeights(this.logits, OUT_MAPS, IN_MAPS, this.alpha);
    return effectiveKernels(this.kernels, this.alpha, AREA, new Float32Array(KERNELS)) as Float32Array;
  }

  /** Weights (or momentum) read from the GPU, in the true layout: c3's kernels and logits (or theirs) from here. */
  fromFull(full: Float32Array, which: 'params' | 'velocity'): Float32Array {
    const out = new Float32Array(this.layout.size);
    for (const t of this.fullLayout.tensors)
      out.set(full.subarray(t.offset, t.offset + t.size), tensorSpec(this.layout, t.name).offset);
    out.set(which === 'params' ? this.kernels : this.kernelVelocity, this.trueKernels.offset);
    out.set(which === 'params' ? this.logits : this.logitVelocity, this.trueLogits.offset);
    return out;
  }

  /** A backward pass's gradients (GPU layout, c3's of W') as the true parameters' (∂E/∂k, ∂E/∂c). */
  gradientsFromFull(full: Float32Array): Float32Array {
    const out = this.fromFull(full, 'params');
    const k = this.trueKernels.offset;
    out.set(full.subarray(this.fullKernels.offset, this.fullKernels.offset + KERNELS), k);
    this.mapGradients(
      out.subarray(k, k + KERNELS),
      out.subarray(this.trueLogits.offset, this.trueLogits.offset + LOGITS),
    );
    return out;
  }

  /** Turns W''s gradient (in `kernelGradients`) into ∂E/∂k in place and writes ∂E/∂c. */
  private mapGradients(kernelGradients: Float32Array, logitGradients: Float32Array): void {
    combinationGradients(
      kernelGradients,
      this.kernels,
      this.alpha,
      OUT_MAPS,
      IN_MAPS,
      AREA,
      kernelGradients,
      logitGradients,
    );
  }

  /**
   * One momentum-SGD step of the true c3 kernels and logits (sgd.ts's formula) from c3's reduced gradient
   * texture as read back (`texels`, RGBA), with the penalty; returns the new effective kernels to upload.
   */
  step(texels: Float32Array, settings: SgdSettings, penalty: PenaltySetting): Float32Array {
    const kernelGradients = new Float32Array(KERNELS);
    for (let oc = 0; oc < OUT_MAPS; oc++)
      for (let ic = 0; ic < IN_MAPS; ic++) {
        const texel = (((oc >> 2) * IN_GROUPS + (ic >> 2)) * AREA + (ic & 3) * C3_GRADIENT_COLUMNS) * 4 + (oc & 3);
        for (let t = 0; t < AREA; t++) kernelGradients[(oc * IN_MAPS + ic) * AREA + t] = texels[texel + t * 4];
      }
    const logitGradients = new Float32Array(LOGITS);
    this.mapGradients(kernelGradients, logitGradients);
    addAlphaPenalty(penalty.kind, penalty.lambda, this.alpha, OUT_MAPS, IN_MAPS, logitGradients);
    sgdMomentumStep(this.kernels, kernelGradients, this.kernelVelocity, settings);
    sgdMomentumStep(this.logits, logitGradients, this.logitVelocity, settings);
    return this.effective();
  }
}
