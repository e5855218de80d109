import type { LayerSpec } from './layerSpec';

/** One named parameter tensor inside the flat parameter vector (offsets in float32 elements). */
export interface TensorSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** Element offset into the flat parameter vector. */
  readonly offset: number;
  readonly size: number;
}

/** Where every parameter tensor lives in the flat parameter vector, in layer order. */
export interface ParameterLayout {
  readonly tensors: readonly TensorSpec[];
  readonly size: number;
}

/** The parameter tensors of one layer, with PyTorch names and layouts. */
export function layerTensorShapes(layer: LayerSpec): { name: string; shape: number[] }[] {
  switch (layer.kind) {
    case 'input':
      return [];
    case 'conv': {
      const [outChannels] = layer.shape;
      const k = layer.kernelSize;
      return [
        { name: `${layer.id}.weight`, shape: [outChannels, layer.inShape[0], k, k] },
        { name: `${layer.id}.bias`, shape: [outChannels] },
        ...(layer.learnedCombinations
          ? [{ name: `${layer.id}.alphaLogits`, shape: [outChannels, layer.inShape[0]] }]
          : []),
      ];
    }
    case 'pool':
      return layer.pooling === 'subsample'
        ? [
            { name: `${layer.id}.coeff`, shape: [layer.shape[0]] },
            { name: `${layer.id}.bias`, shape: [layer.shape[0]] },
          ]
        : [];
    case 'dense':
      return [
        { name: `${layer.id}.weight`, shape: [layer.shape[0], layer.inFeatures] },
        { name: `${layer.id}.bias`, shape: [layer.shape[0]] },
      ];
    default: {
      const never: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(never)}`);
    }
  }
}

/** Lays every parameter tensor end to end in layer order. */
export function parameterLayout(layers: readonly LayerSpec[]): ParameterLayout {
  const tensors: TensorSpec[] = [];
  let offset = 0;
  for (const layer of layers) {
    for (const { name, shape } of layerTensorShapes(layer)) {
      const size = shape.reduce((a, b) => a * b, 1);
      tensors.push({ name, shape, offset, size });
      offset += size;
    }
  }
  return { tensors, size: offset };
}

/** Finds a tensor by name, or throws naming it. */
export function tensorSpec(layout: ParameterLayout, name: string): TensorSpec {
  const spec = layout.tensors.find((t) => t.name === name);
  if (!spec) throw new Error(`no parameter tensor named ${name}`);
  return spec;
}
