import type { ArchitectureOptions, ConvLayerSpec, DenseLayerSpec, LayerSpec, PoolLayerSpec, Shape3 } from './layerSpec';

/** The modern LeNet-5 default: ReLU, max pooling, full c3, softmax cross-entropy. */
export const DEFAULT_ARCHITECTURE: ArchitectureOptions = {
  activation: 'relu',
  pooling: 'max',
  c3Connectivity: 'full',
  loss: 'softmax-cross-entropy',
};

/** Every value each architecture option can take. */
export const ARCHITECTURE_CHOICES = {
  activation: ['relu', 'tanh', 'sigmoid'],
  pooling: ['max', 'mean', 'subsample'],
  c3Connectivity: ['full', 'lenet5', 'learned'],
  loss: ['softmax-cross-entropy', 'mean-squared-error'],
} as const satisfies { readonly [K in keyof ArchitectureOptions]: readonly ArchitectureOptions[K][] };

/** All 54 combinations of the architecture options. */
export function allArchitectures(): ArchitectureOptions[] {
  const { activation, pooling, c3Connectivity, loss } = ARCHITECTURE_CHOICES;
  return activation.flatMap((a) =>
    pooling.flatMap((p) =>
      c3Connectivity.flatMap((c) =>
        loss.map((l): ArchitectureOptions => ({ activation: a, pooling: p, c3Connectivity: c, loss: l })),
      ),
    ),
  );
}

/**
 * LeCun et al. 1998, Table I: for each of the 16 C3 maps, the S2 maps it reads (60 connections).
 * Maps 0-5 read 3 contiguous maps, 6-11 read 4 contiguous, 12-14 read 4 non-contiguous, 15 reads all.
 */
export const LENET5_C3_TABLE: readonly (readonly number[])[] = [
  [0, 1, 2],
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
  [0, 4, 5],
  [0, 1, 5],
  [0, 1, 2, 3],
  [1, 2, 3, 4],
  [2, 3, 4, 5],
  [0, 3, 4, 5],
  [0, 1, 4, 5],
  [0, 1, 2, 5],
  [0, 1, 3, 4],
  [1, 2, 4, 5],
  [0, 2, 3, 5],
  [0, 1, 2, 3, 4, 5],
];

function fullConnections(outChannels: number, inChannels: number): number[][] {
  return Array.from({ length: outChannels }, () => Array.from({ length: inChannels }, (_, i) => i));
}

function conv(
  id: string,
  inShape: Shape3,
  outChannels: number,
  options: ArchitectureOptions,
  connections: readonly (readonly number[])[],
): ConvLayerSpec {
  const kernelSize = 5;
  const size = inShape[1] - kernelSize + 1;
  return {
    id,
    kind: 'conv',
    inShape,
    shape: [outChannels, size, size],
    kernelSize,
    activation: options.activation,
    connections,
  };
}

function pool(id: string, inShape: Shape3, options: ArchitectureOptions): PoolLayerSpec {
  return {
    id,
    kind: 'pool',
    inShape,
    shape: [inShape[0], inShape[1] / 2, inShape[2] / 2],
    pooling: options.pooling,
    activation: options.pooling === 'subsample' ? options.activation : null,
  };
}

function dense(
  id: string,
  inFeatures: number,
  outFeatures: number,
  activation: DenseLayerSpec['activation'],
): DenseLayerSpec {
  return { id, kind: 'dense', inFeatures, shape: [outFeatures, 1, 1], activation };
}

/** The one place the LeNet-5 architecture is written down. */
export function lenet5Layers(options: ArchitectureOptions = DEFAULT_ARCHITECTURE): LayerSpec[] {
  const c1 = conv('c1', [1, 32, 32], 6, options, fullConnections(6, 1));
  const s2 = pool('s2', c1.shape, options);
  const c3Table = options.c3Connectivity === 'lenet5' ? LENET5_C3_TABLE : fullConnections(16, 6);
  const c3 = {
    ...conv('c3', s2.shape, 16, options, c3Table),
    ...(options.c3Connectivity === 'learned' ? { learnedCombinations: true } : {}),
  };
  const s4 = pool('s4', c3.shape, options);
  return [
    { id: 'input', kind: 'input', shape: [1, 32, 32] },
    c1,
    s2,
    c3,
    s4,
    dense('c5', 400, 120, options.activation),
    dense('f6', 120, 84, options.activation),
    dense('output', 84, 10, 'softmax'),
  ];
}
