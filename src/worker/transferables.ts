/** Which arrays of a worker message are transferred rather than copied (protocol.ts re-exports it). */
import type { EngineCommand, EngineEvent } from './protocol';

/** The arrays of a message that can be transferred instead of copied. */
export function transferables(message: EngineCommand | EngineEvent): Transferable[] {
  switch (message.type) {
    case 'loadWeights':
      return message.velocity ? [message.params.buffer, message.velocity.buffer] : [message.params.buffer];
    case 'infer':
    case 'backward':
    case 'teach':
    case 'checkGradient':
      return [message.input.buffer];
    case 'inferWith':
      return [message.input.buffer, message.params.buffer];
    case 'sweepInvariance':
      return [message.input.buffer, ...message.networks.map((n) => n.params.buffer)];
    case 'invarianceSwept':
      return message.probabilities.map((p) => p.buffer);
    case 'attribute':
      return [message.input.buffer];
    case 'computePortraits':
    case 'rankTestImages':
    case 'synthesizeFeature':
      return [message.params.buffer];
    case 'attributed':
      return message.attribution.raw
        ? [message.attribution.map.buffer, message.attribution.raw.buffer]
        : [message.attribution.map.buffer];
    case 'portraitsComputed': {
      const p = message.portraits;
      return [p.topIndex.buffer, p.topValue.buffer, p.zeros.buffer, p.low.buffer, p.high.buffer, p.histogram.buffer];
    }
    case 'featureSynthesized':
      return [message.feature.image.buffer];
    case 'testImagesRanked':
      return [message.ranking.index.buffer, message.ranking.value.buffer];
    case 'setTestSet':
      return [message.test.images.buffer, message.test.labels.buffer];
    case 'readRunArchive':
      return [message.bytes.buffer];
    case 'runArchiveRead':
      return message.run.checkpoints.map((c) => c.buffer);
    case 'predicted':
      return [
        message.predictions.predicted.buffer,
        message.predictions.confidence.buffer,
        message.predictions.trueProbability.buffer,
      ];
    case 'setDataset':
      return [
        message.train.images.buffer,
        message.train.labels.buffer,
        message.test.images.buffer,
        message.test.labels.buffer,
      ];
    case 'inferred':
    case 'activationsStreamed':
      return [message.frame.values.buffer];
    case 'backwardComputed':
      return [message.frame.values.buffer, message.backward.values.buffer, message.backward.gradients.buffer];
    case 'taught':
      return [
        message.frame.values.buffer,
        message.backward.values.buffer,
        message.backward.gradients.buffer,
        message.params.buffer,
      ];
    case 'checkpointSaved':
      return [message.params.buffer, message.velocity.buffer];
    default:
      return [];
  }
}
