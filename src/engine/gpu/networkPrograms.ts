/**
 * Every kernel of one LeNet-5 variant, compiled once at start-up with the shapes baked in.
 * Forward programs do not depend on the batch size (it is the viewport height), so one set
 * serves inference (batch 1), training and evaluation.
 */
import type { Activation, ArchitectureOptions, ComputeLayerSpec, LayerSpec } from '../model/layerSpec';
import { lenet5Layers } from '../model/lenet5';
import { parameterLayout, type ParameterLayout } from '../model/parameters';
import type { CompiledKernel, KernelProgram, KernelRunner } from './gpuProgram';
import { convForwardKernel, convInputGradKernel, convWeightGradKernel } from './kernels/convKernels';
import { ELASTIC_ROWS_KERNEL, GATHER_KERNEL } from './kernels/dataKernels';
import {
  denseForwardKernel,
  denseInputGradKernel,
  densePartialKernel,
  denseSplits,
  denseWeightGradKernel,
} from './kernels/denseKernels';
import { gradientAtGlsl, gradientSamplers, gradientStorage, type GradientStorage } from './kernels/gradientLayout';
import { outputLossKernel } from './kernels/lossKernel';
import { poolBackwardKernel, poolForwardKernel, subsampleGradKernel } from './kernels/poolKernels';
import { gradientAtlasKernel, reduceKernel, sgdKernel, statsKernel } from './kernels/trainingKernels';
import { packedWeights, type PackedWeights } from './kernels/weightPacking';

/** Images per partial sum in pass 1 of the gradient reductions. */
export const CONV_CHUNK = 4;
export const DENSE_CHUNK = 32;

/** The compiled kernels of one layer. */
export interface LayerKernels {
  readonly layer: ComputeLayerSpec;
  readonly forward: CompiledKernel;
  /** The parts of a split dense forward sum, drawn before `forward` (null: not split). */
  readonly forwardParts: CompiledKernel | null;
  /** Gradient into the layer below (absent for c1, whose input gradient is `inputGrad`). */
  readonly backward: CompiledKernel | null;
  /** Pass 1 of this layer's parameter gradients, or null when it has no parameters. */
  readonly paramGrad: CompiledKernel | null;
  /** Where pass 1 and 2 write this layer's parameter gradients (null: no parameters). */
  readonly gradient: GradientStorage | null;
  /** Images per chunk in pass 1. */
  readonly chunk: number;
}

/** The activation of a layer, as its backward kernel below needs it (null: none). */
export function activationOf(layer: LayerSpec): Activation | null {
  if (layer.kind === 'conv') return layer.activation;
  if (layer.kind === 'dense') return layer.activation === 'softmax' ? null : layer.activation;
  if (layer.kind === 'pool') return layer.activation;
  return null;
}

/** The kernel programs (not yet compiled) of one compute layer. */
function layerPrograms(
  layer: ComputeLayerSpec,
  below: LayerSpec,
  packed: PackedWeights,
  options: ArchitectureOptions,
): {
  forward: KernelProgram;
  forwardParts?: KernelProgram;
  backward: KernelProgram | null;
  paramGrad: KernelProgram | null;
  chunk: number;
} {
  const id = layer.id;
  const at = (name: string) => {
    const offset = packed.offsets.get(name);
    if (offset === undefined) throw new Error(`${name} is not in the packed weight atlas`);
    return offset;
  };
  const belowActivation = activationOf(below);
  if (layer.kind === 'conv') {
    return {
      chunk: CONV_CHUNK,
      forward: convForwardKernel(layer, at(`${id}.weight`), at(`${id}.bias`)),
      backward: below.kind === 'input' ? null : convInputGradKernel(layer, at(`${id}.weight`), belowActivation),
      paramGrad: convWeightGradKernel(layer, CONV_CHUNK),
    };
  }
  if (layer.kind === 'pool') {
    if (below.kind !== 'conv') throw new Error(`${id}: pooling must follow a convolution`);
    const sub = layer.pooling === 'subsample' ? { coeff: at(`${id}.coeff`), bias: at(`${id}.bias`) } : null;
    return {
      chunk: CONV_CHUNK,
      forward: poolForwardKernel(layer, sub),
      backward: poolBackwardKernel(layer, below.activation, sub),
      paramGrad: sub ? subsampleGradKernel(layer, CONV_CHUNK) : null,
    };
  }
  const weights = { weight: at(`${id}.weight`), bias: at(`${id}.bias`) };
  return {
    chunk: DENSE_CHUNK,
    forward:
      layer.activation === 'softmax'
        ? outputLossKernel(layer, below, weights, options.loss)
        : denseForwardKernel(layer, below, weights),
    forwardParts:
      layer.activation !== 'softmax' && denseSplits(below) > 1 ? densePartialKernel(layer, below, weights) : undefined,
    backward: denseInputGradKernel(layer, below, weights, belowActivation),
    paramGrad: denseWeightGradKernel(layer, below, DENSE_CHUNK),
  };
}

/** All compiled kernels of a network variant. */
export class NetworkPrograms {
  readonly layers: readonly LayerSpec[];
  readonly layout: ParameterLayout;
  readonly packed: PackedWeights;
  readonly kernels: readonly LayerKernels[];
  /** c1's gradient into the input (used when deltas are asked for, not when training). */
  readonly inputGrad: CompiledKernel;
  /** Pass 2 of the reductions, for gradients in one texture and in four. */
  readonly reduce: Readonly<Record<1 | 4, CompiledKernel>>;
  readonly sgd: CompiledKernel;
  readonly gradientAtlas: CompiledKernel;
  readonly packWeights: CompiledKernel;
  readonly stats: CompiledKernel;
  readonly gather: CompiledKernel;
  readonly elasticRows: CompiledKernel;
  /** Index (among the gradient textures) of each parameterised layer, by layer index. */
  readonly gradientSlots: ReadonlyMap<number, number>;

  constructor(
    runner: KernelRunner,
    readonly options: ArchitectureOptions,
  ) {
    this.layers = lenet5Layers(options);
    this.layout = parameterLayout(this.layers);
    this.packed = packedWeights(this.layers, this.layout);
    const slots = new Map<number, number>();
    const storages: GradientStorage[] = [];
    const kernels: LayerKernels[] = [];
    for (let l = 1; l < this.layers.length; l++) {
      const layer = this.layers[l] as ComputeLayerSpec;
      const below = this.layers[l - 1];
      const programs = layerPrograms(layer, below, this.packed, options);
      const gradient = programs.paramGrad ? gradientStorage(layer, below) : null;
      if (gradient) {
        slots.set(l, slots.size);
        storages.push(gradient);
      }
      kernels.push({
        layer,
        chunk: programs.chunk,
        gradient,
        forward: runner.compile(programs.forward),
        forwardParts: programs.forwardParts ? runner.compile(programs.forwardParts) : null,
        backward: programs.backward && runner.compile(programs.backward),
        paramGrad: programs.paramGrad && runner.compile(programs.paramGrad),
      });
    }
    this.kernels = kernels;
    this.gradientSlots = slots;
    const c1 = this.layers[1];
    if (c1.kind !== 'conv') throw new Error('the first layer must be a convolution');
    this.inputGrad = runner.compile(convInputGradKernel(c1, this.packed.offsets.get('c1.weight')!, null));
    this.reduce = { 1: runner.compile(reduceKernel(1)), 4: runner.compile(reduceKernel(4)) };
    const gradientAt = gradientAtGlsl(this.layers, this.layout, slots);
    const samplers = gradientSamplers(storages);
    this.sgd = runner.compile(sgdKernel(this.layout.size, gradientAt, samplers));
    this.gradientAtlas = runner.compile(gradientAtlasKernel(this.layout.size, gradientAt, samplers));
    this.packWeights = runner.compile(this.packed.kernel);
    this.stats = runner.compile(statsKernel(this.layers[this.layers.length - 1].shape[0]));
    this.gather = runner.compile(GATHER_KERNEL);
    this.elasticRows = runner.compile(ELASTIC_ROWS_KERNEL);
  }
}
