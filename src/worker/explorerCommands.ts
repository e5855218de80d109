/**
 * The worker's answers to the test-set explorer and the compare mode: a checkpoint's predictions on
 * the test images, and one drawing read by another run's weights. Both run on the reference engine
 * with the weights sent, so they never disturb the weights loaded for the view (or a teaching copy).
 */
import { frameFromPass } from '../engine/activationFrame';
import type { MnistSet } from '../engine/data/mnistInput';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { lenet5Layers } from '../engine/model/lenet5';
import { computePredictions, type CheckpointPredictions } from '../engine/model/predictions';
import { ReferenceNetwork } from '../engine/reference/referenceNetwork';
import type { EngineCommand, EngineEvent } from './protocol';
import { checkInput } from './runGuards';
import { pollSleep } from './waitTurn';

/** Test images predicted between two turns of the worker's event loop (so it keeps answering the page's heartbeat). */
const CHUNK = 500;

/** `computePredictions` over the first `limit` images in chunks, yielding between them. */
async function predictInChunks(
  network: ReferenceNetwork,
  test: MnistSet,
  limit: number,
): Promise<CheckpointPredictions> {
  const predicted = new Uint8Array(limit),
    confidence = new Float32Array(limit),
    trueProbability = new Float32Array(limit);
  for (let start = 0; start < limit; start += CHUNK) {
    const end = Math.min(limit, start + CHUNK);
    const part = computePredictions(network, {
      count: end - start,
      images: test.images.subarray(start * 784, end * 784),
      labels: test.labels.subarray(start, end),
    });
    predicted.set(part.predicted, start);
    confidence.set(part.confidence, start);
    trueProbability.set(part.trueProbability, start);
    await pollSleep();
  }
  return { images: limit, predicted, confidence, trueProbability };
}

/** The commands this module answers. */
export type ExplorerCommand = Extract<EngineCommand, { type: 'setTestSet' | 'predict' | 'inferWith' }>;

/** True for the commands `ExplorerCommands.execute` answers. */
export function isExplorerCommand(command: EngineCommand): command is ExplorerCommand {
  return command.type === 'setTestSet' || command.type === 'predict' || command.type === 'inferWith';
}

/** A reference network for weights sent with a command (the last one is kept: compare mode sends the same weights often). */
function networkFor(
  cache: { params: Float32Array; network: ReferenceNetwork } | null,
  architecture: ArchitectureOptions,
  params: Float32Array,
): { params: Float32Array; network: ReferenceNetwork } {
  if (
    cache &&
    cache.params.length === params.length &&
    cache.network.loss === architecture.loss &&
    JSON.stringify(cache.network.layers) === JSON.stringify(lenet5Layers(architecture)) &&
    cache.params.every((v, i) => v === params[i])
  ) {
    return cache;
  }
  return {
    params,
    network: new ReferenceNetwork(lenet5Layers(architecture), architecture.loss, Float32Array.from(params)),
  };
}

/** Answers the explorer's commands; holds the test images sent for them. */
export class ExplorerCommands {
  private testSet: MnistSet | null = null;
  private cached: { params: Float32Array; network: ReferenceNetwork } | null = null;

  constructor(
    private readonly post: (event: EngineEvent) => void,
    private readonly trainingTestSet: () => MnistSet | null,
  ) {}

  /** The test images: those sent for the explorer, or the training run's. */
  test(): MnistSet | null {
    return this.testSet ?? this.trainingTestSet();
  }

  async execute(command: ExplorerCommand): Promise<void> {
    switch (command.type) {
      case 'setTestSet':
        if (!(
          command.test.count > 0 &&
          command.test.images.length === command.test.count * 784 &&
          command.test.labels.length === command.test.count
        )) {
          throw new Error(
            `a test set of ${command.test.count} images needs ${command.test.count * 784} pixels and ${command.test.count} labels`,
          );
        }
        this.testSet = command.test;
        this.post({ type: 'datasetLoaded', requestId: command.requestId });
        return;
      case 'predict': {
        const test = this.test();
        if (!test) throw new Error('no test images: send setTestSet first');
        this.cached = networkFor(this.cached, command.architecture, command.params);
        const limit = Math.min(command.limit, test.count);
        const { network } = this.cached;
        this.post({
          type: 'predicted',
          requestId: command.requestId,
          predictions: await predictInChunks(network, test, limit),
        });
        return;
      }
      case 'inferWith': {
        checkInput(command.input);
        this.cached = networkFor(this.cached, command.architecture, command.params);
        const { network } = this.cached;
        this.post({
          type: 'inferred',
          requestId: command.requestId,
          frame: frameFromPass(network.layers, network.forward(command.input, 1)),
        });
        return;
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }
}
