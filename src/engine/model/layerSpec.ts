/**
 * The network as plain data. One `LayerSpec[]` is read by the engines, the weight files,
 * the 3D layout and the UI. Shapes are `[channels, height, width]`; dense layers are `[n, 1, 1]`.
 */

/** A neuron nonlinearity; `tanh` is LeCun's scaled 1.7159 tanh(2x/3). */
export type Activation = 'relu' | 'tanh' | 'sigmoid';

/** How a 2x2 pooling layer combines its window; `subsample` is LeNet-5's trainable coeff * sum + bias. */
export type PoolingKind = 'max' | 'mean' | 'subsample';

/**
 * Which s2 maps feed each c3 map: all of them, LeCun's table of 60 connections, or all of them weighted by
 * learned combinations (the tutorial's 学习特征图的组合, eq. 15: α_·j = softmax(c3.alphaLogits row j)).
 */
export type C3Connectivity = 'full' | 'lenet5' | 'learned';

/** The training objective against one-hot targets, both on softmax probabilities. */
export type LossKind = 'softmax-cross-entropy' | 'mean-squared-error';

/** A `[channels, height, width]` shape. */
export type Shape3 = readonly [number, number, number];

/** The 1@32x32 input plane. */
export interface InputLayerSpec {
  readonly id: 'input';
  readonly kind: 'input';
  readonly shape: Shape3;
}

/** A valid (unpadded) stride-1 convolution followed by an activation. */
export interface ConvLayerSpec {
  readonly id: string;
  readonly kind: 'conv';
  readonly inShape: Shape3;
  readonly shape: Shape3;
  readonly kernelSize: number;
  readonly activation: Activation;
  /** For each output map, the input maps it reads (ascending). */
  readonly connections: readonly (readonly number[])[];
  /**
   * Learned combinations (c3 with `c3Connectivity: 'learned'`): output map j reads every input map i
   * through α_ij = softmax_i(alphaLogits[j][i]), u_j = Σ_i α_ij (x_i * k_ij) + b_j. Absent: a fixed table.
   */
  readonly learnedCombinations?: boolean;
}

/** A 2x2 stride-2 pooling; only `subsample` has parameters and an activation. */
export interface PoolLayerSpec {
  readonly id: string;
  readonly kind: 'pool';
  readonly inShape: Shape3;
  readonly shape: Shape3;
  readonly pooling: PoolingKind;
  /** Applied after `coeff * sum + bias` for `subsample`; `null` for max and mean pooling. */
  readonly activation: Activation | null;
}

/** A fully connected layer reading its input flattened in `[c][y][x]` order. */
export interface DenseLayerSpec {
  readonly id: string;
  readonly kind: 'dense';
  readonly inFeatures: number;
  readonly shape: Shape3;
  /** `softmax` marks the output layer: its pre-activations are the logits. */
  readonly activation: Activation | 'softmax';
}

/** One layer of the network. */
export type LayerSpec = InputLayerSpec | ConvLayerSpec | PoolLayerSpec | DenseLayerSpec;

/** A layer that computes something (every layer but the input). */
export type ComputeLayerSpec = ConvLayerSpec | PoolLayerSpec | DenseLayerSpec;

/** The options that choose one LeNet-5 variant. */
export interface ArchitectureOptions {
  readonly activation: Activation;
  readonly pooling: PoolingKind;
  readonly c3Connectivity: C3Connectivity;
  readonly loss: LossKind;
}

/** Number of values in a shape. */
export function shapeSize(shape: Shape3): number {
  return shape[0] * shape[1] * shape[2];
}
