import type { ComputeLayerSpec, ConvLayerSpec, LayerSpec, LossKind } from '../model/layerSpec';
import { shapeSize } from '../model/layerSpec';
import type { FloatArray, FloatArrayConstructor } from '../model/initialize';
import { parameterLayout, tensorSpec, type ParameterLayout } from '../model/parameters';
import { activate, activationBackward } from './activation';
import type { ConvDims } from './conv';
import { convLayerBackward, convLayerForward, type ConvOffsets } from './learnedConv';
import { denseBackward, denseForward } from './dense';
import { lossBackward, lossValue, softmax } from './loss';
import { poolBackward, poolForward } from './pool';

/** What one layer computed for a batch, laid out `[b][c][y][x]`. */
export interface LayerActivation {
  readonly id: string;
  /** The values before the nonlinearity (logits for the output); null where there is none. */
  readonly pre: FloatArray | null;
  /** The layer's output (softmax probabilities for the output layer). */
  readonly out: FloatArray;
  /** Max pooling only: the winning slot (py * 2 + px) of every window. */
  readonly argmax: Uint8Array | null;
}

/** Every layer's activations for one batch, aligned with the `LayerSpec[]`. */
export interface ForwardPass {
  readonly batchSize: number;
  readonly layers: readonly LayerActivation[];
}

/** dL/d(activation) and dL/d(pre-activation) of one layer; `dPre` is null where there is no pre. */
export interface LayerDelta {
  readonly id: string;
  readonly dOut: FloatArray;
  readonly dPre: FloatArray | null;
}

/** The batch-mean loss, every parameter's gradient (flat, same layout as the parameters) and every layer's delta. */
export interface BackwardPass {
  readonly loss: number;
  readonly gradients: FloatArray;
  readonly deltas: readonly LayerDelta[];
}

function convDims(layer: ConvLayerSpec, batchSize: number): ConvDims {
  return {
    batchSize,
    inChannels: layer.inShape[0],
    inSize: layer.inShape[1],
    outChannels: layer.shape[0],
    kernelSize: layer.kernelSize,
    connections: layer.connections,
  };
}

/** The CPU LeNet-5: plain loops, the oracle for the GPU engine, the Node trainer and the fallback. */
export class ReferenceNetwork {
  readonly layout: ParameterLayout;

  constructor(
    readonly layers: readonly LayerSpec[],
    readonly loss: LossKind,
    public params: FloatArray,
    readonly ArrayType: FloatArrayConstructor = params instanceof Float64Array ? Float64Array : Float32Array,
  ) {
    this.layout = parameterLayout(layers);
    if (params.length !== this.layout.size) {
      throw new Error(`expected ${this.layout.size} parameters, got ${params.length}`);
    }
  }

  private offset(name: string): number {
    return tensorSpec(this.layout, name).offset;
  }

  private convOffsets(layer: ConvLayerSpec): ConvOffsets {
    const alphaLogits = layer.learnedCombinations ? this.offset(`${layer.id}.alphaLogits`) : null;
    return { weight: this.offset(`${layer.id}.weight`), bias: this.offset(`${layer.id}.bias`), alphaLogits };
  }

  /** Runs `batchSize` inputs (each 1x32x32, concatenated) through every layer. */
  forward(input: ArrayLike<number>, batchSize: number): ForwardPass {
    const inputSize = shapeSize(this.layers[0].shape);
    if (input.length < batchSize * inputSize) {
      throw new Error(`input holds ${input.length} values, need ${batchSize * inputSize}`);
    }
    const inputCopy = new this.ArrayType(batchSize * inputSize);
    for (let i = 0; i < inputCopy.length; i++) inputCopy[i] = input[i];
    const activations: LayerActivation[] = [{ id: 'input', pre: null, out: inputCopy, argmax: null }];
    for (let l = 1; l < this.layers.length; l++) {
      activations.push(this.forwardLayer(this.layers[l] as ComputeLayerSpec, activations[l - 1].out, batchSize));
    }
    return { batchSize, layers: activations };
  }

  private forwardLayer(layer: ComputeLayerSpec, x: FloatArray, batchSize: number): LayerActivation {
    const n = batchSize * shapeSize(layer.shape);
    const out = new this.ArrayType(n);
    switch (layer.kind) {
      case 'conv': {
        const pre = new this.ArrayType(n);
        convLayerForward(convDims(layer, batchSize), x, this.params, this.convOffsets(layer), pre);
        activate(layer.activation, pre, out);
        return { id: layer.id, pre, out, argmax: null };
      }
      case 'pool': {
        const dims = { batchSize, channels: layer.shape[0], outSize: layer.shape[1] };
        if (layer.pooling === 'subsample') {
          const pre = new this.ArrayType(n);
          poolForward(
            'subsample',
            dims,
            x,
            pre,
            null,
            this.params,
            this.offset(`${layer.id}.coeff`),
            this.offset(`${layer.id}.bias`),
          );
          activate(layer.activation!, pre, out);
          return { id: layer.id, pre, out, argmax: null };
        }
        const argmax = layer.pooling === 'max' ? new Uint8Array(n) : null;
        poolForward(layer.pooling, dims, x, out, argmax, null);
        return { id: layer.id, pre: null, out, argmax };
      }
      case 'dense': {
        const pre = new this.ArrayType(n);
        const dims = { batchSize, inFeatures: layer.inFeatures, outFeatures: layer.shape[0] };
        denseForward(dims, x, this.params, this.offset(`${layer.id}.weight`), this.offset(`${layer.id}.bias`), pre);
        if (layer.activation === 'softmax') softmax(pre, out, batchSize, layer.shape[0]);
        else activate(layer.activation, pre, out);
        return { id: layer.id, pre, out, argmax: null };
      }
      default: {
        const never: never = layer;
        throw new Error(`unknown layer ${JSON.stringify(never)}`);
      }
    }
  }

  /** The batch-mean loss of a forward pass against integer labels. */
  lossOf(pass: ForwardPass, labels: ArrayLike<number>): number {
    const output = pass.layers[pass.layers.length - 1];
    const classes = this.layers[this.layers.length - 1].shape[0];
    return lossValue(this.loss, output.pre!, output.out, labels, pass.batchSize, classes);
  }

  /** Backpropagates the loss of `pass` against `labels` through every layer down to the input. */
  backward(pass: ForwardPass, labels: ArrayLike<number>): BackwardPass {
    const { batchSize } = pass;
    const last = this.layers.length - 1;
    const output = pass.layers[last];
    const classes = this.layers[last].shape[0];
    const dLogits = new this.ArrayType(batchSize * classes);
    lossBackward(this.loss, output.out, labels, batchSize, classes, dLogits);
    // dL/dp of the softmax output is not needed elsewhere; the output's delta is reported on the logits.
    const { gradients, deltas } = this.backwardFrom(pass, last, dLogits);
    return { loss: this.lossOf(pass, labels), gradients, deltas };
  }

  /**
   * Backpropagates `seed` = d(some value)/dz of layer `top`'s pre-activation (the logits for the output;
   * `top` must have a pre-activation) down to the input: the parameter gradients of layers 1..top and
   * the deltas of layers 0..top (entry `top` holds the seed as dPre and dOut; none above it).
   */
  backwardFrom(pass: ForwardPass, top: number, seed: FloatArray): { gradients: FloatArray; deltas: LayerDelta[] } {
    const { batchSize } = pass;
    const gradients = new this.ArrayType(this.layout.size);
    const deltas: LayerDelta[] = new Array(top + 1);
    if (!pass.layers[top]?.pre || seed.length !== pass.layers[top].pre!.length)
      throw new Error(`layer ${top} has no pre-activation of ${seed.length} values to seed`);
    let dOut: FloatArray = seed;
    for (let l = top; l >= 1; l--) {
      const layer = this.layers[l] as ComputeLayerSpec;
      const act = pass.layers[l];
      const x = pass.layers[l - 1].out;
      let dPre: FloatArray | null = null;
      if (l === top) {
        dPre = seed;
      } else if (act.pre) {
        dPre = new this.ArrayType(act.pre.length);
        const activation = layer.kind === 'pool' ? layer.activation! : (layer.activation as 'relu');
        activationBackward(activation, act.pre, act.out, dOut, dPre);
      }
      deltas[l] = { id: layer.id, dOut, dPre };
      const dx = new this.ArrayType(x.length);
      this.backwardLayer(layer, x, act, dPre ?? dOut, dx, gradients, batchSize);
      dOut = dx;
    }
    deltas[0] = { id: 'input', dOut, dPre: null };
    return { gradients, deltas };
  }

  private backwardLayer(
    layer: ComputeLayerSpec,
    x: FloatArray,
    act: LayerActivation,
    dy: FloatArray,
    dx: FloatArray,
    gradients: FloatArray,
    batchSize: number,
  ): void {
    switch (layer.kind) {
      case 'conv':
        convLayerBackward(convDims(layer, batchSize), x, this.params, this.convOffsets(layer), dy, gradients, dx);
        return;
      case 'pool': {
        const dims = { batchSize, channels: layer.shape[0], outSize: layer.shape[1] };
        const sub = layer.pooling === 'subsample';
        poolBackward(
          layer.pooling,
          dims,
          x,
          dy,
          act.argmax,
          dx,
          sub ? this.params : null,
          sub ? gradients : null,
          sub ? this.offset(`${layer.id}.coeff`) : 0,
          sub ? this.offset(`${layer.id}.bias`) : 0,
        );
        return;
      }
      case 'dense':
        denseBackward(
          { batchSize, inFeatures: layer.inFeatures, outFeatures: layer.shape[0] },
          x,
          this.params,
          this.offset(`${layer.id}.weight`),
          this.offset(`${layer.id}.bias`),
          dy,
          gradients,
          dx,
        );
        return;
      default: {
        const never: never = layer;
        throw new Error(`unknown layer ${JSON.stringify(never)}`);
      }
    }
  }
}
