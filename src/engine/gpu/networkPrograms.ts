/**
 * Every kernel of one LeNet-5 variant, compiled once at start-up with the shapes baked in.
 * Forward programs do not depend on the batch size (it is the viewport height), so one set
 * serves inference (batch 1), training and evaluation.
 */
import type { Activation, ArchitectureOptions, ComputeLayerSpec, LayerSpec } from '../model/layerSpec';
import { lenet5Layers } from '../model/lenet5';
import { parameterLayout, tensorSpec, type ParameterLayout } from '../model/parameters';
import type { CompiledKernel, KernelRunner } from './gpuProgram';
import { convForwardKernel, convInputGradKernel, convWeightGradKernel } from './kernels/convKernels';
import { GATHER_KERNEL, PACK_KERNEL } from './kernels/dataKernels';
import { denseForwardKernel, denseInputGradKernel, denseWeightGradKernel } from './kernels/denseKernels';
import { outputLossKernel } from './kernels/lossKernel';
import { poolBackwardKernel, poolForwardKernel, subsampleGradKernel } from './kernels/poolKernels';
import { REDUCE_KERNEL, sgdKernel, statsKernel, type GradientSource } from './kernels/trainingKernels';

/** Images per partial sum in pass 1 of the gradient reductions. */
export const CONV_CHUNK = 4;
export const DENSE_CHUNK = 32;

/** The compiled kernels of one layer. */
export interface LayerKernels {
  readonly layer: ComputeLayerSpec;
  readonly forward: CompiledKernel;
  /** Gradient into the layer below (absent for c1, whose input gradient is `inputGrad`). */
  readonly backward: CompiledKernel | null;
  /** Pass 1 of this layer's parameter gradients, or null when it has no parameters. */
  readonly paramGrad: CompiledKernel | null;
  /** Columns and rows of the reduced parameter-gradient texture. */
  readonly gradShape: readonly [number, number] | null;
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

/** All compiled kernels of a network variant. */
export class NetworkPrograms {
  readonly layers: readonly LayerSpec[];
  readonly layout: ParameterLayout;
  readonly kernels: readonly LayerKernels[];
  /** c1's gradient into the input (used when deltas are asked for, not when training). */
  readonly inputGrad: CompiledKernel;
  readonly reduce: CompiledKernel;
  readonly sgd: CompiledKernel;
  readonly stats: CompiledKernel;
  readonly gather: CompiledKernel;
  readonly pack: CompiledKernel;
  /** Index (among the gradient textures) of each parameterised layer, by layer index. */
  readonly gradientSlots: ReadonlyMap<number, number>;

  constructor(runner: KernelRunner, readonly options: ArchitectureOptions) {
    this.layers = lenet5Layers(options);
    this.layout = parameterLayout(this.layers);
    const offset = (name: string) => tensorSpec(this.layout, name).offset;
    const sources = new Map<string, GradientSource>();
    const slots = new Map<number, number>();
    const kernels: LayerKernels[] = [];
    for (let l = 1; l < this.layers.length; l++) {
      const layer = this.layers[l] as ComputeLayerSpec;
      const below = this.layers[l - 1];
      const belowActivation = activationOf(below);
      const id = layer.id;
      let forward, backward = null, paramGrad = null, gradShape: [number, number] | null = null, chunk = CONV_CHUNK;
      if (layer.kind === 'conv') {
        forward = convForwardKernel(layer, offset(`${id}.weight`), offset(`${id}.bias`));
        backward = below.kind === 'input' ? null : convInputGradKernel(layer, offset(`${id}.weight`), belowActivation);
        paramGrad = convWeightGradKernel(layer, chunk);
        const columns = layer.inShape[0] * layer.kernelSize ** 2;
        gradShape = [columns + 1, layer.shape[0]];
        sources.set(`${id}.weight`, { sampler: slots.size, kind: 'weight', columns, column: 0 });
        sources.set(`${id}.bias`, { sampler: slots.size, kind: 'column', columns, column: columns });
      } else if (layer.kind === 'pool') {
        const sub = layer.pooling === 'subsample';
        forward = sub ? poolForwardKernel(layer, offset(`${id}.coeff`), offset(`${id}.bias`)) : poolForwardKernel(layer);
        if (below.kind !== 'conv') throw new Error(`${id}: pooling must follow a convolution`);
        backward = poolBackwardKernel(layer, below.activation, sub ? offset(`${id}.coeff`) : 0);
        if (sub) {
          paramGrad = subsampleGradKernel(layer, chunk);
          gradShape = [2, layer.shape[0]];
          sources.set(`${id}.coeff`, { sampler: slots.size, kind: 'column', columns: 2, column: 0 });
          sources.set(`${id}.bias`, { sampler: slots.size, kind: 'column', columns: 2, column: 1 });
        }
      } else {
        chunk = DENSE_CHUNK;
        forward = layer.activation === 'softmax'
          ? outputLossKernel(layer, below.shape, offset(`${id}.weight`), offset(`${id}.bias`), options.loss)
          : denseForwardKernel(layer, below.shape, offset(`${id}.weight`), offset(`${id}.bias`));
        backward = denseInputGradKernel(layer, below.shape, offset(`${id}.weight`), belowActivation);
        paramGrad = denseWeightGradKernel(layer, below.shape, chunk);
        gradShape = [layer.inFeatures + 1, layer.shape[0]];
        sources.set(`${id}.weight`, { sampler: slots.size, kind: 'weight', columns: layer.inFeatures, column: 0 });
        sources.set(`${id}.bias`, { sampler: slots.size, kind: 'column', columns: layer.inFeatures, column: layer.inFeatures });
      }
      if (paramGrad) slots.set(l, slots.size);
      kernels.push({
        layer, chunk, gradShape,
        forward: runner.compile(forward),
        backward: backward && runner.compile(backward),
        paramGrad: paramGrad && runner.compile(paramGrad),
      });
    }
    this.kernels = kernels;
    this.gradientSlots = slots;
    const c1 = this.layers[1];
    if (c1.kind !== 'conv') throw new Error('the first layer must be a convolution');
    this.inputGrad = runner.compile(convInputGradKernel(c1, offset('c1.weight'), null));
    this.reduce = runner.compile(REDUCE_KERNEL);
    this.sgd = runner.compile(sgdKernel(this.layout, sources, slots.size));
    this.stats = runner.compile(statsKernel(this.layers[this.layers.length - 1].shape[0]));
    this.gather = runner.compile(GATHER_KERNEL);
    this.pack = runner.compile(PACK_KERNEL);
  }
}
