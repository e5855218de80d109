/**
 * Which of the tutorial's sections a node's rules come from (全连接网络反向传播, 下层为全连接层的反向传播,
 * 下层为卷积层的反向传播, 下层为降采样层的反向传播, 卷积层梯度计算, 降采样层梯度计算), and where the tutorial
 * differs from what the app computes or is wrong: its squared error ½Σ(t − y)² against our losses, LeNet-5's
 * subsampling activation (the tutorial's 降采样层 has none), its 1/SampleRate² for a summing down(), and the
 * section 下层为降采样层的反向传播 that opens with "when the next layer is fully connected".
 */
import type { LayerSpec, LossKind } from '../engine/model/layerSpec';
import type { DeltaText } from './deltaWords';

/** How the node's δ arrives from the layer above (or the loss), per the tutorial. */
function backwardRule(t: DeltaText, layers: readonly LayerSpec[], loss: LossKind, at: number): string[] {
  const spec = layers[at];
  const above = layers[at + 1];
  if (!above)
    return [t(loss === 'softmax-cross-entropy' ? 'tutorial.outputCrossEntropy' : 'tutorial.outputMeanSquared')];
  const subsampling = spec.kind === 'pool' && spec.pooling === 'subsample';
  switch (above.kind) {
    case 'dense':
      if (spec.kind !== 'pool') return [t('tutorial.dense')];
      return [t(subsampling ? 'tutorial.subsampleUnderDense' : 'tutorial.poolUnderDense')];
    case 'conv':
      if (spec.kind === 'input') return [t('tutorial.inputUnderConv')];
      return [t(subsampling ? 'tutorial.subsampleUnderConv' : 'tutorial.poolUnderConv')];
    case 'pool': {
      const rule =
        above.pooling === 'max'
          ? 'tutorial.underMax'
          : above.pooling === 'mean'
            ? 'tutorial.underMean'
            : 'tutorial.underSubsample';
      return [t(rule), t('tutorial.underPoolErratum')];
    }
    case 'input':
      return [];
    default: {
      const never: never = above;
      throw new Error(`unknown layer kind ${JSON.stringify(never)}`);
    }
  }
}

/**
 * How the node's own parameters get their gradients, per the tutorial (a dense layer's is in its backward
 * rule's line; none for the input and max or mean pooling).
 */
function gradientRule(t: DeltaText, spec: LayerSpec): string[] {
  if (spec.kind === 'conv') return [t('tutorial.convGradient')];
  if (spec.kind === 'pool' && spec.pooling === 'subsample') return [t('tutorial.subsampleGradient')];
  return [];
}

/** The tutorial's lines for the node at layer position `at`: its backward rule, then its parameters' gradients. */
export function tutorialLines(t: DeltaText, layers: readonly LayerSpec[], loss: LossKind, at: number): string[] {
  return [...backwardRule(t, layers, loss, at), ...gradientRule(t, layers[at])];
}
